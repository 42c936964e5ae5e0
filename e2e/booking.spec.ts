import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxKioskConfig } from './harness/kiosk';
import { graphUtc, upcomingToday } from './harness/room-truth';
import { approveShownDeviceCode } from './harness/sign-in';
import type { Sandbox } from './sandbox';

const ROOM = 'boardroom4@contoso.com';
const FEATURES = ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting'];

/** The seed always has a meeting in progress; clear it so the room is free now (its next meeting is 60–90 min away). */
function freeTheRoom(sandbox: Sandbox): void {
  const now = new Date();
  for (const m of upcomingToday(sandbox, ROOM, now)) if (m.start <= now && m.raw.id) sandbox.control.deleteEvent(ROOM, m.raw.id);
}

async function freeRoomKiosk(page: Page, sandbox: Sandbox, launch: (c: Record<string, unknown>) => Promise<{ launchUrl: string }>, pollSeconds = 2) {
  freeTheRoom(sandbox);
  const kiosk = await launch({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, pollSeconds, timeZone: 'Europe/Rome' }), features: FEATURES });
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', /free|starting-soon/);
}

function bookings(sandbox: Sandbox): number {
  return sandbox.control.events(ROOM).filter((e) => e.subject === 'Booked at the room').length;
}

test('Book now reserves the room for the chosen time, and Extend / End now act on that booking', async ({ page, sandbox, launchKiosk }) => {
  await freeRoomKiosk(page, sandbox, launchKiosk);
  await page.getByRole('button', { name: 'Book now' }).click();
  await screenshot(page, 'home-book-now');
  await page.getByRole('button', { name: '30 minutes' }).click();

  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'busy');
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now).toContainText('Booked at the room');
  expect(bookings(sandbox)).toBe(1);
  const band = await page.locator('[data-status]').textContent();
  await screenshot(page, 'home-booked');

  await now.getByRole('button', { name: '+15 minutes' }).click();
  await expect(page.locator('[data-status]')).not.toHaveText(band ?? '');
  expect(bookings(sandbox)).toBe(1);

  await now.getByRole('button', { name: 'End now' }).click();
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', /free|starting-soon/);
  expect(bookings(sandbox)).toBe(1);
});

test('a booking made elsewhere meanwhile is detected and explained, and nothing is double-booked', async ({ page, sandbox, launchKiosk }) => {
  // A slow poll, so it is the booking's own check (not a poll) that finds the Outlook booking.
  await freeRoomKiosk(page, sandbox, launchKiosk, 60);
  await page.getByRole('button', { name: 'Book now' }).click();
  const start = new Date();
  const end = new Date(start.getTime() + 20 * 60_000);
  sandbox.control.addEvent(ROOM, { subject: 'Booked from Outlook a moment ago', start: graphUtc(start), end: graphUtc(end) });
  await page.getByRole('button', { name: '15 minutes' }).click();
  await expect(page.getByRole('alert')).toContainText('Someone booked the room meanwhile');
  expect(bookings(sandbox)).toBe(0);
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'busy');
});
