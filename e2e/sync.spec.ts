import { signInGoogleRoom } from './harness/browser-consent';
import { expect, screenshot, test } from './harness/fixtures';
import { graphUtc } from './harness/room-truth';
import { sandboxGoogleRoomConfig, sandboxKioskConfig } from './harness/kiosk';
import { approveShownDeviceCode } from './harness/sign-in';

const ROOM = 'boardroom4@contoso.com';
/** The kiosk polls every 2 s here; a change must show within a few polls. */
const WITHIN = { timeout: 10_000 };

/** A slot today that is still ahead whatever the time of day: the next 20 minutes. */
function soon(minutesFromNow: number, length = 15) {
  const start = new Date(Date.now() + minutesFromNow * 60_000);
  return { start: graphUtc(start), end: graphUtc(new Date(start.getTime() + length * 60_000)) };
}

test('a booking added, moved and cancelled in the calendar appears, moves and disappears on screen', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, pollSeconds: 2 }));
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();

  const added = sandbox.control.addEvent(ROOM, { subject: 'Walk-in: budget huddle', ...soon(2) });
  const row = page.locator('.agenda__item', { hasText: 'Walk-in: budget huddle' });
  await expect(row).toBeVisible(WITHIN);
  const before = await row.locator('.agenda__time').textContent();

  sandbox.control.updateEvent(ROOM, added.id ?? '', soon(4, 30));
  await expect(row.locator('.agenda__time')).not.toHaveText(before ?? '', WITHIN);

  sandbox.control.deleteEvent(ROOM, added.id ?? '');
  await expect(row).toHaveCount(0, WITHIN);
});

test('with the network down the screen keeps the meetings, says since when, and recovers by itself', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, pollSeconds: 2 }));
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  const first = page.locator('.agenda__item').first();
  await expect(first).toBeVisible();
  const shown = await page.locator('.agenda__item').count();

  sandbox.control.addFault({ service: 'graph', path: '.*', times: 10_000, action: { type: 'reset' } });
  await expect(page.getByTestId('stale-banner')).toBeVisible(WITHIN);
  await expect(page.locator('.agenda__item')).toHaveCount(shown);
  await screenshot(page, 'home-offline');

  sandbox.control.clearFaults();
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.agenda__item')).toHaveCount(shown);
});

/** Google's wall time: an RFC 3339 instant in the event's zone. */
function googleSoon(minutesFromNow: number, length = 15) {
  const start = new Date(Date.now() + minutesFromNow * 60_000);
  const end = new Date(start.getTime() + length * 60_000);
  return { start: { dateTime: start.toISOString(), timeZone: 'UTC' }, end: { dateTime: end.toISOString(), timeZone: 'UTC' } };
}

test('a Google room follows the same changes: added, moved, cancelled', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxGoogleRoomConfig(sandbox, { pollSeconds: 2 }));
  await page.goto(kiosk.launchUrl);
  await signInGoogleRoom(page, sandbox.google.roomAccount);
  await expect(page.locator('.agenda__item').first()).toBeVisible();

  const calendarId = sandbox.google.roomCalendarId;
  const added = sandbox.control.google.addEvent(calendarId, { summary: 'Walk-in: print shop call', ...googleSoon(2) });
  const row = page.locator('.agenda__item', { hasText: 'Walk-in: print shop call' });
  await expect(row).toBeVisible(WITHIN);
  const before = await row.locator('.agenda__time').textContent();

  sandbox.control.google.updateEvent(calendarId, added.id ?? '', googleSoon(4, 30));
  await expect(row.locator('.agenda__time')).not.toHaveText(before ?? '', WITHIN);

  sandbox.control.google.updateEvent(calendarId, added.id ?? '', { status: 'cancelled' });
  await expect(row).toHaveCount(0, WITHIN);
  // Idle polls cost one request each (syncToken), not a fresh listing.
  sandbox.control.clearRequests();
  await page.waitForTimeout(4_500);
  const calls = sandbox.control.requests({ service: 'google-apis' }).filter((r) => r.path.includes('/events'));
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((r) => r.query['syncToken'] !== undefined)).toBe(true);
});
