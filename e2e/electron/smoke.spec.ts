import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { electronBinaryAvailable } from '../../src/main/electron/binary';
import { expect, screenshot, test } from '../harness/fixtures';
import { sandboxKioskConfig } from '../harness/kiosk';

/**
 * Electron smoke: the built shell (out/main/electron.js) starts, shows the real renderer from app://roomdeck, and
 * gives the page exactly `window.roomdeck = { call, on }` and no Node, then signs the room in against the sandbox
 * and shows its home screen. Runs only where an Electron binary is installed; everywhere else it says why it skipped.
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

test('the Electron shell signs the room in and shows it, through a bridge that exposes only call and on', async ({ sandbox }) => {
  const binary = electronBinaryAvailable();
  if (!binary.available) return skipBecause(binary.reason);
  const dataDir = await mkdtemp(join(tmpdir(), 'roomdeck-electron-'));
  const configPath = join(dataDir, 'kiosk-config.json');
  const room = 'boardroom4@contoso.com';
  await writeFile(configPath, JSON.stringify(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: room })));

  const app = await launch(configPath, dataDir, binary.executablePath);
  try {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/roomdeck\//);
    const code = page.getByTestId('user-code');
    await expect(code).toBeVisible();
    sandbox.control.approveDeviceCode({ userCode: (await code.textContent()) ?? '', account: room, consent: true });
    await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
    await screenshot(page, 'electron-home');

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
