import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinaryAvailable } from '../../src/main/electron/binary';

/**
 * Electron smoke: the built shell (out/main/electron.js) starts, shows the real renderer from app://roomdeck, and
 * gives the page exactly `window.roomdeck = { call, on }` and no Node. Runs only where an Electron binary is
 * installed; everywhere else it says why it skipped. The harness provides the kiosk config (sandbox URLs) and a
 * fresh data folder through ROOMDECK_E2E_CONFIG and ROOMDECK_E2E_DATA_DIR.
 */
const MAIN = join(process.cwd(), 'out', 'main', 'electron.js');

/** Skips with a reason that shows in every reporter: as the skip annotation and on the test's output. */
function skipBecause(reason: string): void {
  process.stdout.write(`Electron smoke skipped: ${reason}\n`);
  test.skip(true, reason);
}

function childEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function launch(configPath: string, dataDir: string, executablePath: string | undefined): Promise<ElectronApplication> {
  expect(existsSync(MAIN), `${MAIN} is missing: build first (npm run build)`).toBe(true);
  return electron.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [MAIN, '--windowed', '--config', configPath, '--data-dir', dataDir],
    env: childEnv(),
  });
}

test('the Electron shell shows the room screen through a bridge that exposes only call and on', async () => {
  const binary = electronBinaryAvailable();
  if (!binary.available) return skipBecause(binary.reason);
  const configPath = process.env.ROOMDECK_E2E_CONFIG;
  const dataDir = process.env.ROOMDECK_E2E_DATA_DIR;
  if (!configPath || !dataDir) return skipBecause('ROOMDECK_E2E_CONFIG and ROOMDECK_E2E_DATA_DIR are not set (the e2e harness provides them)');

  const app = await launch(configPath, dataDir, binary.executablePath);
  try {
    const page = await app.firstWindow();
    // Setup (and its sign-in / calendar steps) or home, depending on the config the harness wrote.
    await expect(page.locator('main.setup, main.signing-in, main.choose-calendar, main.home').first()).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/roomdeck\//);

    const surface = await page.evaluate(() => {
      const scope = globalThis as unknown as { roomdeck?: object; require?: unknown; process?: unknown };
      return {
        bridge: Object.keys(scope.roomdeck ?? {}).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
        popup: (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null,
      };
    });
    expect(surface).toEqual({ bridge: ['call', 'on'], require: 'undefined', process: 'undefined', popup: true });
  } finally {
    await app.close();
  }
});
