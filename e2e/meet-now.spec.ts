import { signInGoogleRoom } from './harness/browser-consent';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleConfig, sandboxKioskConfig } from './harness/kiosk';
import { freeGoogleRoom, freeRoomNow } from './harness/room-truth';
import { approveShownDeviceCode } from './harness/sign-in';

const ROOM = 'boardroom4@contoso.com';

test('Meet now in a Microsoft room: a Teams meeting booked in the room, its link as a QR code, Join opens it', async ({ page, context, sandbox, launchKiosk }) => {
  freeRoomNow(sandbox, ROOM);
  const config = {
    ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, pollSeconds: 2, timeZone: 'Europe/Rome' }),
    features: ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting'],
  };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);

  await page.getByRole('button', { name: 'Meet now' }).click();
  await page.getByRole('button', { name: '30 minutes' }).click();
  const ready = page.getByTestId('meeting-ready');
  await expect(ready).toBeVisible();
  await expect(ready.getByRole('img', { name: 'QR code of the meeting link' })).toBeVisible();
  const url = (await ready.getByTestId('meeting-url').textContent()) ?? '';
  expect(url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  await screenshot(page, 'meet-now-ready');

  const booked = sandbox.control.events(ROOM).filter((e) => e.onlineMeeting?.joinUrl === url);
  expect(booked).toHaveLength(1);
  await ready.getByRole('button', { name: 'Close' }).click();
  const nowCard = page.getByRole('region', { name: 'Now' });
  await expect(nowCard.locator('[data-provider="teams"]')).toBeVisible();
  await context.route(/teams\.microsoft\.com/, (route) => route.fulfill({ body: 'meeting', contentType: 'text/html' }));
  const popup = page.waitForEvent('popup');
  await nowCard.getByRole('button', { name: /^Join / }).click();
  expect((await popup).url()).toBe(url);
});

test('Meet now in a Google room: a Google Meet in the room’s event, waiting out the pending conference', async ({ page, sandbox, launchKiosk }) => {
  freeGoogleRoom(sandbox);
  sandbox.control.google.pendingConference(2);
  const config = {
    ...sandboxKioskConfig(sandbox, { pollSeconds: 2 }),
    google: sandboxGoogleConfig(sandbox),
    features: ['google.sign-in', 'google.calendar', 'google.instant-meeting'],
    room: { calendarOwner: sandbox.google.roomCalendarId },
  };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await signInGoogleRoom(page, sandbox.google.roomAccount);
  await expect(page.locator('[data-status]')).toBeVisible();
  await page.getByRole('button', { name: 'Meet now' }).click();
  await page.getByRole('button', { name: '15 minutes' }).click();
  const url = page.getByTestId('meeting-url');
  await expect(url).toHaveText(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  const link = (await url.textContent()) ?? '';
  const withMeet = sandbox.control.google.events(sandbox.google.roomCalendarId).filter((e) => e.hangoutLink === link);
  expect(withMeet).toHaveLength(1);
});
