import type { Page } from '@playwright/test';
import { hashPin } from '../src/main/config/admin-pin';
import { consentInPopup, signInGoogleRoom } from './harness/browser-consent';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleConfig, sandboxKioskConfig, sandboxOAuthProvidersConfig, type RunningKiosk } from './harness/kiosk';
import { freeGoogleRoom, freeRoomNow, graphUtc } from './harness/room-truth';
import { approveShownDeviceCode, startFreeMicrosoftRoom } from './harness/sign-in';
import { pick } from './harness/touch-keyboard';
import type { Sandbox } from './sandbox';

const ROOM = 'boardroom4@contoso.com';
const PIN = '2468';

test('Meet now in a Microsoft room: a Teams meeting booked in the room, its link as a QR code, Join opens it', async ({ page, context, sandbox, launchKiosk }) => {
  await startFreeMicrosoftRoom(page, sandbox, launchKiosk, ROOM, ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting']);

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
  await context.route(/teams\.microsoft\.com/, (route) => route.fulfill({ body: 'meeting', contentType: 'text/html' }));
  const fromDialog = page.waitForEvent('popup');
  await ready.getByRole('button', { name: /^Join / }).click();
  expect((await fromDialog).url()).toBe(url);

  await ready.getByRole('button', { name: 'Close' }).click();
  const nowCard = page.getByRole('region', { name: 'Now' });
  await expect(nowCard.locator('[data-provider="teams"]')).toBeVisible();
  await expect(nowCard.getByRole('region', { name: 'In the meeting' })).toContainText('Microsoft Teams does not let the room see who has joined');
  const fromNowCard = page.waitForEvent('popup');
  await nowCard.getByRole('button', { name: /^Join / }).click();
  expect((await fromNowCard).url()).toBe(url);
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

type Launch = (config: Record<string, unknown>, dataDir?: string) => Promise<RunningKiosk>;

/**
 * Boardroom 4 with Teams booking managed by IT, then Zoom and Webex Meet now switched on in Settings by the admin,
 * consenting as the room's Zoom and Webex accounts. The seed's Webex meeting is cleared so "now" is free there too.
 */
const ZOOM_ACCOUNT = 'room.zoom@contoso.com';
const WEBEX_ACCOUNT = 'room.webex@contoso.com';
const MEETING_FEATURES: readonly (readonly [string, string])[] = [
  ['zoom.instant-meeting', ZOOM_ACCOUNT],
  ['webex.instant-meeting', WEBEX_ACCOUNT],
];

async function roomWithEveryService(page: Page, sandbox: Sandbox, launchKiosk: Launch, features = MEETING_FEATURES, roomFeatures: readonly string[] = []): Promise<{ kiosk: RunningKiosk; config: Record<string, unknown> }> {
  freeRoomNow(sandbox, ROOM);
  for (const meeting of sandbox.control.webex.meetings()) sandbox.control.webex.deleteMeeting(String(meeting['id']));
  const config = {
    ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, pollSeconds: 2, timeZone: 'Europe/Rome' }),
    ...sandboxOAuthProvidersConfig(sandbox),
    features: ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting', ...roomFeatures],
    admin: { pinHash: await hashPin(PIN) },
  };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await page.getByRole('button', { name: 'Settings' }).click();
  for (const digit of PIN) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  for (const [feature, account] of features) {
    const consent = consentInPopup(page, account, 'Accept');
    await page.locator(`[data-feature="${feature}"]`).getByRole('switch').click();
    await consent;
    await expect(page.locator(`[data-feature="${feature}"]`)).toHaveAttribute('data-state', 'on');
  }
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  return { kiosk, config };
}

/** Meet now → service → duration, as a person taps it; returns the link the screen shows. */
async function meetNow(page: Page, service: string, duration: string): Promise<string> {
  await page.getByRole('button', { name: 'Meet now' }).click();
  await page.getByRole('group', { name: 'Which service?' }).getByRole('button', { name: service }).click();
  await page.getByRole('button', { name: duration }).click();
  const ready = page.getByTestId('meeting-ready');
  await expect(ready).toBeVisible();
  await expect(ready.getByRole('img', { name: 'QR code of the meeting link' })).toBeVisible();
  return (await ready.getByTestId('meeting-url').textContent()) ?? '';
}

/** The room's events carrying a link in their body: the bookings Meet now made. */
function bookingsWith(sandbox: Sandbox, url: string) {
  return sandbox.control.events(ROOM).filter((e) => e.body?.content?.includes(url));
}

test('Meet now offers Teams, Zoom and Webex; Zoom then Webex: link and QR, the room booked with the link, what each lets the room see while it runs', async ({ page, sandbox, launchKiosk }) => {
  const { kiosk, config } = await roomWithEveryService(page, sandbox, launchKiosk, [...MEETING_FEATURES, ['webex.participants', WEBEX_ACCOUNT], ['webex.meeting-controls', WEBEX_ACCOUNT]]);
  await page.getByRole('button', { name: 'Meet now' }).click();
  const services = page.getByRole('group', { name: 'Which service?' });
  await expect(services.getByRole('button')).toHaveCount(3);
  for (const name of ['Microsoft Teams', 'Zoom', 'Webex']) await expect(services.getByRole('button', { name, exact: true })).toBeVisible();
  await screenshot(page, 'meet-now-services');
  await page.getByRole('button', { name: 'Meet now' }).click();

  const zoomUrl = await meetNow(page, 'Zoom', '30 minutes');
  expect(zoomUrl).toMatch(/^https:\/\/[\w.-]*zoom\.us\/j\/\d+/);
  await screenshot(page, 'meet-now-zoom-ready');
  expect(sandbox.control.zoom.meetings().filter((m) => m['join_url'] === zoomUrl)).toEqual([expect.objectContaining({ duration: 30 })]);
  expect(bookingsWith(sandbox, zoomUrl)).toHaveLength(1);
  await page.getByRole('button', { name: 'Close' }).click();
  const nowCard = page.getByRole('region', { name: 'Now' });
  await expect(nowCard.locator('[data-provider="zoom"]')).toBeVisible();
  await expect(nowCard.getByRole('region', { name: 'In the meeting' })).toContainText('Zoom does not let the room see who has joined');

  await nowCard.getByRole('button', { name: 'End now' }).click();
  const webexUrl = await meetNow(page, 'Webex', '15 minutes');
  expect(webexUrl).toMatch(/^https:\/\/[\w.-]*webex\.com\//);
  const webex = sandbox.control.webex.meetings().filter((m) => m['webLink'] === webexUrl);
  expect(webex).toHaveLength(1);
  expect(bookingsWith(sandbox, webexUrl)).toHaveLength(1);
  sandbox.control.webex.addParticipant(String(webex[0]?.['id']), { email: 'hana.sato@contoso.com', displayName: 'Hana Sato' });
  await page.getByRole('button', { name: 'Close' }).click();

  const panel = nowCard.getByRole('region', { name: 'In the meeting' });
  await expect(panel).toContainText('The meeting is running');
  // Hana may join after the panel's first look: it looks again every 10 s.
  await expect(panel).toContainText('2 people in the meeting', { timeout: 15_000 });
  await expect(panel.getByRole('listitem')).toHaveText(['Boardroom 4 · this room', 'Hana Sato']);
  await expect(panel).toContainText('Not locked · Not recording');
  await screenshot(page, 'meet-now-webex-live');

  // A restart mid-meeting (an update, a power cut) keeps the room's view of the meeting it started.
  await kiosk.stop();
  await page.goto((await launchKiosk(config, kiosk.dataDir)).launchUrl);
  await expect(panel).toContainText('2 people in the meeting');
  await panel.getByRole('button', { name: 'End meeting for everyone' }).click();
  await expect(page.getByRole('button', { name: 'Meet now' })).toBeVisible();
  expect(sandbox.control.webex.meetings().filter((m) => m['webLink'] === webexUrl)).toEqual([expect.objectContaining({ state: 'ended' })]);
});

test('a Zoom meeting: Invite people finds two colleagues in the Zoom directory; the room mails them the link and adds them to its booking', async ({ page, sandbox, launchKiosk }) => {
  await roomWithEveryService(page, sandbox, launchKiosk, [...MEETING_FEATURES, ['zoom.directory', ZOOM_ACCOUNT]], ['microsoft.send-mail']);
  const url = await meetNow(page, 'Zoom', '30 minutes');
  await page.getByTestId('meeting-ready').getByRole('button', { name: 'Invite people' }).click();
  const invite = page.getByTestId('invite-screen');
  await pick(invite, 'avery', 'Avery Chen');
  await pick(invite, 'hana', 'Hana Sato');
  await invite.getByRole('button', { name: 'Send invitation to 2 people' }).click();
  await expect(invite.getByRole('status')).toHaveText('Invitation sent to 2 people.');
  await screenshot(page, 'meet-now-zoom-invited');

  // Found through Zoom's contacts (the room's own directory is off here), mailed from the room, added to its booking.
  expect(sandbox.control.requests({ service: 'zoom-api' }).filter((r) => r.path.includes('/contacts')).length).toBeGreaterThan(0);
  const invited = ['avery.chen@contoso.com', 'hana.sato@contoso.com'];
  const outbox = sandbox.control.outbox(ROOM);
  expect(outbox.map((m) => m.to)).toEqual([invited]);
  expect(outbox[0]?.body).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
  expect(bookingsWith(sandbox, url).map((e) => e.attendees?.map((a) => a.emailAddress?.address))).toEqual([invited]);
});

test('answers lost after the commit (504 from Zoom, then from Graph): exactly one meeting and one booking, the link on screen', async ({ page, sandbox, launchKiosk }) => {
  await roomWithEveryService(page, sandbox, launchKiosk);
  const zoomBefore = sandbox.control.zoom.meetings().length;
  sandbox.control.addFault({ service: 'zoom-api', method: 'POST', path: '/meetings$', action: { type: 'applyThenFail' } });
  sandbox.control.addFault({ service: 'graph', method: 'POST', path: '/events$', action: { type: 'applyThenFail' } });

  const url = await meetNow(page, 'Zoom', '15 minutes');
  expect(sandbox.control.zoom.meetings().slice(zoomBefore).map((m) => m['join_url'])).toEqual([url]);
  expect(bookingsWith(sandbox, url)).toHaveLength(1);
  const statuses = (service: 'zoom-api' | 'graph', path: RegExp) => sandbox.control.requests({ service }).filter((r) => r.method === 'POST' && path.test(r.path)).map((r) => r.status);
  expect(statuses('zoom-api', /\/meetings$/)).toEqual([504]);
  expect(statuses('graph', /\/events$/)[0]).toBe(504);
});

test('someone books the room while the Zoom meeting is being made: explained on screen, and no meeting left behind', async ({ page, sandbox, launchKiosk }) => {
  await roomWithEveryService(page, sandbox, launchKiosk);
  const zoomBefore = sandbox.control.zoom.meetings().length;
  // Zoom answers slowly; meanwhile someone books the next ten minutes from Outlook.
  sandbox.control.addFault({ service: 'zoom-api', method: 'POST', path: '/meetings$', action: { type: 'delay', ms: 1500 } });
  await page.getByRole('button', { name: 'Meet now' }).click();
  await page.getByRole('group', { name: 'Which service?' }).getByRole('button', { name: 'Zoom' }).click();
  await page.getByRole('button', { name: '30 minutes' }).click();
  await expect.poll(() => sandbox.control.requests({ service: 'zoom-api' }).some((r) => r.method === 'POST')).toBe(true);
  const start = new Date(Date.now() + 60_000);
  sandbox.control.addEvent(ROOM, { subject: 'Booked from Outlook', start: graphUtc(start), end: graphUtc(new Date(start.getTime() + 10 * 60_000)), showAs: 'busy' });

  await expect(page.getByRole('alert')).toHaveText(/Someone booked the room meanwhile/);
  await screenshot(page, 'meet-now-conflict');
  expect(sandbox.control.zoom.meetings()).toHaveLength(zoomBefore);
  await expect(page.getByTestId('meeting-ready')).toHaveCount(0);
});
