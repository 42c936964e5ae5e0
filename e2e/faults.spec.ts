import type { Page } from '@playwright/test';
import type { Sandbox } from './sandbox';
import { signInGoogleRoom } from './harness/browser-consent';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleRoomConfig, sandboxKioskConfig } from './harness/kiosk';
import { graphUtc } from './harness/room-truth';
import { approveShownDeviceCode } from './harness/sign-in';

/**
 * What people at the screen see when a provider misbehaves (the kiosk polls every 2 s here). The full fault matrix
 * for both providers — an hour offline, 503 bursts, resets, invalidated cursors — runs on a virtual timeline in
 * src/main/calendar/faults.integration.test.ts; these check the screen end to end.
 */
const ROOM = 'boardroom4@contoso.com';
/** Graph's calendarView delta: the one request of an idle poll. */
const DELTA = 'calendarView/delta';

async function microsoftRoom(page: Page, sandbox: Sandbox, launch: (config: Record<string, unknown>) => Promise<{ launchUrl: string }>): Promise<number> {
  const kiosk = await launch(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, pollSeconds: 2 }));
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.locator('.agenda__item').first()).toBeVisible();
  return page.locator('.agenda__item').count();
}

function deltaCalls(sandbox: Sandbox) {
  return sandbox.control.requests({ service: 'graph' }).filter((r) => r.path.includes(DELTA));
}

test('a response that never comes: the client gives up, the screen says the calendar can’t be reached, then recovers', async ({ page, sandbox, launchKiosk }) => {
  const shown = await microsoftRoom(page, sandbox, launchKiosk);
  sandbox.control.addFault({ service: 'graph', path: DELTA, action: { type: 'hang' } });
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toContainText('can’t be reached', { timeout: 30_000 });
  await expect(page.locator('.agenda__item')).toHaveCount(shown);
  await screenshot(page, 'home-calendar-hanging');
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('.agenda__item')).toHaveCount(shown);
});

test('429 with Retry-After: the kiosk stays away that long (request log), shows the last update, then refreshes', async ({ page, sandbox, launchKiosk }) => {
  const shown = await microsoftRoom(page, sandbox, launchKiosk);
  sandbox.control.clearRequests();
  sandbox.control.addFault({ service: 'graph', path: DELTA, action: { type: 'status', status: 429, retryAfter: 8 } });
  await expect(page.getByTestId('stale-banner')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 20_000 });
  const calls = deltaCalls(sandbox);
  const throttled = calls.findIndex((r) => r.status === 429);
  const next = calls[throttled + 1];
  expect(throttled).toBeGreaterThanOrEqual(0);
  expect(Date.parse(next?.at ?? '') - Date.parse(calls[throttled]?.at ?? '')).toBeGreaterThanOrEqual(8_000);
  await expect(page.locator('.agenda__item')).toHaveCount(shown);
});

test('an invalidated delta token: a full resync shows a new meeting exactly once and keeps the others', async ({ page, sandbox, launchKiosk }) => {
  const shown = await microsoftRoom(page, sandbox, launchKiosk);
  sandbox.control.invalidateDeltaTokens();
  const start = new Date(Date.now() + 3 * 60_000);
  sandbox.control.addEvent(ROOM, { subject: 'After the resync', start: graphUtc(start), end: graphUtc(new Date(start.getTime() + 15 * 60_000)) });
  await expect(page.locator('.agenda__item', { hasText: 'After the resync' })).toHaveCount(1, { timeout: 10_000 });
  await expect(page.locator('.agenda__item')).toHaveCount(shown + 1);
  expect(deltaCalls(sandbox).some((r) => r.status === 410)).toBe(true);
});

test('a Google room whose access is revoked asks to sign in again and keeps its meetings on screen', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxGoogleRoomConfig(sandbox, { pollSeconds: 2 }));
  await page.goto(kiosk.launchUrl);
  await signInGoogleRoom(page, sandbox.google.roomAccount);
  await expect(page.locator('.agenda__item').first()).toBeVisible();
  const shown = await page.locator('.agenda__item').count();

  sandbox.control.google.revoke(sandbox.google.roomAccount);
  await expect(page.getByTestId('sign-in-needed')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await expect(page.locator('.agenda__item')).toHaveCount(shown);
  await screenshot(page, 'home-google-sign-in-needed');
});

test('a subject carrying markup is shown as text: no script runs, no element is injected', async ({ page, sandbox, launchKiosk }) => {
  await microsoftRoom(page, sandbox, launchKiosk);
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Budget';
  const start = new Date(Date.now() + 3 * 60_000);
  sandbox.control.addEvent(ROOM, { subject: hostile, start: graphUtc(start), end: graphUtc(new Date(start.getTime() + 15 * 60_000)) });
  const row = page.locator('.agenda__item', { hasText: 'Budget' });
  await expect(row).toContainText(hostile, { timeout: 10_000 });
  await expect(row.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
});
