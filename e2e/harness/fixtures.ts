import { test as base, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox';
import { startKiosk, type RunningKiosk } from './kiosk';

const TLS_DIR = process.env.ROOMDECK_SANDBOX_TLS_DIR ?? join(process.cwd(), '.cache', 'sandbox-tls');
const SCREENSHOTS = join(process.cwd(), 'e2e', 'screenshots');

type KioskLauncher = (config: Record<string, unknown>, dataDir?: string, policy?: Record<string, unknown> | string) => Promise<RunningKiosk>;

/**
 * Every test gets its own sandbox tenant, so tests never see each other's sign-ins or bookings; kiosks started
 * through `launchKiosk` are stopped even when the test fails.
 */
export const test = base.extend<{ sandbox: Sandbox; launchKiosk: KioskLauncher }>({
  // Playwright reads a fixture's dependencies from its first parameter's destructuring; `{}` means "none".
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ tlsDir: TLS_DIR });
    await use(sandbox);
    await sandbox.close();
  },
  launchKiosk: async ({ sandbox }, use) => {
    void sandbox;
    const running: RunningKiosk[] = [];
    await use(async (config, dataDir, policy) => {
      const kiosk = await startKiosk(config, dataDir, policy);
      running.push(kiosk);
      return kiosk;
    });
    await Promise.all(running.map((k) => k.stop()));
  },
});

export { expect } from '@playwright/test';

/**
 * Saves what a person would see, for review (git-ignored). A review picture is not an assertion: headless
 * Chromium sometimes refuses to capture a page that is not in front ("Unable to capture screenshot"), so the
 * page is brought to front first and a refusal is reported, never turned into a test failure.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  try {
    await page.bringToFront();
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  } catch (error) {
    console.warn(`review screenshot ${name} not taken: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
