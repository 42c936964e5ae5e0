import type { Page } from '@playwright/test';
import type { TFunction } from 'i18next';
import type { Sandbox } from './sandbox';
import { signInGoogleRoom } from './harness/browser-consent';
import { expect, test } from './harness/fixtures';
import { sandboxGoogleRoomConfig, sandboxKioskConfig } from './harness/kiosk';
import type { PageScope } from './harness/page-scope';
import { describeDay, expectedDay, expectedNowAndNext, expectedStatus, type RoomProviderRef, type ShownMeeting } from './harness/room-expectation';
import { googleRoom, liveScript, microsoftRoom, SECRET_SUBJECT, type Change, type ScriptedRoom } from './harness/scripted-day';
import { englishWording, shownByKiosk } from './harness/screen-reading';
import { approveShownDeviceCode } from './harness/sign-in';
import { latestAgenda, tapWire, wireMessages } from './harness/wire-tap';

/**
 * The screen follows the calendar, for a Microsoft and a Google room: every kind of change in the scripted day
 * (e2e/harness/scripted-day.ts; the full day runs at integration level on a virtual clock, in
 * src/main/calendar/scripted-day.integration.test.ts) is made in the sandbox while the kiosk runs, and after each
 * one the agenda that reached the renderer AND the list, status and Now/Next on screen must equal what the sandbox's
 * calendar holds (e2e/harness/room-expectation.ts), within a few 2-second polls. The PC is set to another zone and
 * language than the room's: the screen must show the room's.
 */
const ZONE = 'Europe/Rome';
/** A handful of 2-second polls, with room for a loaded machine. */
const FOLLOWS_WITHIN = { timeout: 20_000, intervals: [250, 500, 1_000] };
/** After an outage the poll has backed off (2 s doubling): it comes back within a minute. */
const RECOVERS_WITHIN = { timeout: 60_000, intervals: [1_000] };
const DISPLAY = { language: 'en', ambientAfterSeconds: 0 };

test.use({ timezoneId: 'America/Los_Angeles', locale: 'de-DE' });

interface ScreenRow {
  title: string;
  start: string;
  end: string;
  time: string;
}

interface Screen {
  rows: ScreenRow[];
  status: string | null;
  now: string | null;
  next: string | null;
  stale: boolean;
}

/** What the page shows: the day's list (with each row's instants), the status, the Now and Next cards. */
async function readScreen(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageScope;
    const text = (selector: string): string | null => document.querySelector(selector)?.textContent?.trim() ?? null;
    const rows = [...document.querySelectorAll('.agenda__item')].map((row) => ({
      title: row.querySelector('.agenda__subject')?.textContent?.trim() ?? '',
      start: row.getAttribute('data-start') ?? '',
      end: row.getAttribute('data-end') ?? '',
      time: row.querySelector('.agenda__time')?.textContent?.trim() ?? '',
    }));
    return {
      rows,
      status: document.querySelector('.status')?.getAttribute('data-status') ?? null,
      now: text('.card[aria-label="Now"] .card__title'),
      next: text('.card[aria-label="Next"] .card__title'),
      stale: document.querySelector('[data-testid="stale-banner"]') !== null,
    };
  });
}

function describeRows(rows: readonly { title: string; start: string; end: string }[]): string[] {
  return rows.map((row) => `${row.start} → ${row.end} ${row.title}`).sort();
}

/** The hours and minutes a person reads for a time in the room ("4:45"), whatever else the row says about it. */
function clockDigits(iso: string): string {
  return new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: ZONE }).format(new Date(iso)).replace(/\s?[AP]M$/, '');
}

function timeWording(meeting: ShownMeeting): RegExp {
  return meeting.allDay ? /^All day$/ : new RegExp(clockDigits(meeting.end));
}

interface Kiosk {
  page: Page;
  sandbox: Sandbox;
  room: ScriptedRoom;
  t: TFunction;
}

/** The screen and the wire equal the calendar; `since` is how many messages had reached the page at the change. */
async function expectScreenFollows(kiosk: Kiosk, since: number, within = FOLLOWS_WITHIN): Promise<void> {
  const { page, sandbox, room, t } = kiosk;
  await expect(async () => {
    const now = new Date();
    const expected = expectedDay(sandbox, room.ref, now, ZONE);
    const messages = await wireMessages(page);
    const agenda = latestAgenda(messages);
    if (!agenda) throw new Error('no agenda has reached the renderer yet');
    expect(describeDay(shownByKiosk(agenda, t))).toEqual(describeDay(expected.meetings));
    const screen = await readScreen(page);
    const upcoming = expected.meetings.filter((m) => Date.parse(m.end) > now.getTime());
    expect(describeRows(screen.rows)).toEqual(describeRows(upcoming));
    for (const row of screen.rows) {
      const meeting = upcoming.find((m) => m.start === row.start && m.end === row.end && m.title === row.title);
      if (meeting) expect(row.time, row.title).toMatch(timeWording(meeting));
    }
    expect(screen.status).toBe(expectedStatus(expected.meetings, now));
    expect({ now: screen.now, next: screen.next }).toEqual(expectedNowAndNext(expected.meetings, now));
    expect(screen.stale).toBe(false);
    const leaked = messages.slice(since).filter((message) => expected.secrets.some((secret) => message.data.includes(secret)));
    expect(leaked.map((message) => message.kind), 'private subjects on the wire').toEqual([]);
  }).toPass(within);
}

/** With the network gone the screen keeps what it had, says it is stale, and loses nothing. */
async function expectScreenKept(kiosk: Kiosk, before: Screen): Promise<void> {
  await expect(async () => {
    const screen = await readScreen(kiosk.page);
    expect(screen.stale).toBe(true);
    expect(describeRows(screen.rows)).toEqual(describeRows(before.rows.filter((row) => Date.parse(row.end) > Date.now())));
  }).toPass(FOLLOWS_WITHIN);
}

async function runScript(kiosk: Kiosk, changes: readonly Change[]): Promise<void> {
  await expectScreenFollows(kiosk, 0);
  let offline: Screen | null = null;
  for (const change of changes) {
    const since = (await wireMessages(kiosk.page)).length;
    if (change.kind === 'network-down') offline = await readScreen(kiosk.page);
    kiosk.room.apply(change);
    if (change.kind === 'network-up') offline = null;
    await test.step(change.kind, () => (offline ? expectScreenKept(kiosk, offline) : expectScreenFollows(kiosk, since, change.kind === 'network-up' ? RECOVERS_WITHIN : FOLLOWS_WITHIN)));
  }
  const everything = await wireMessages(kiosk.page);
  expect(everything.filter((message) => message.data.includes(SECRET_SUBJECT)).map((message) => message.kind)).toEqual([]);
}

/** Idle, each 2-second poll is one request that continues from the last (a delta link, a sync token). */
async function expectIdlePollsCheap(sandbox: Sandbox, ref: RoomProviderRef, page: Page): Promise<void> {
  const service = ref.provider === 'microsoft' ? 'graph' : 'google-apis';
  const endpoint = ref.provider === 'microsoft' ? /calendarView\/delta/ : /\/events$/;
  sandbox.control.clearRequests();
  await page.waitForTimeout(6_500);
  const calls = sandbox.control.requests({ service }).filter((r) => endpoint.test(r.path));
  expect(calls.length).toBeGreaterThanOrEqual(2);
  expect(calls.length).toBeLessThanOrEqual(4);
  expect(calls.every((r) => (ref.provider === 'microsoft' ? r.query['$deltatoken'] !== undefined : r.query['syncToken'] !== undefined))).toBe(true);
}

test('a Microsoft room: the screen follows every kind of change to the calendar', async ({ page, sandbox, launchKiosk }) => {
  test.setTimeout(180_000);
  const mailbox = 'boardroom4@contoso.com';
  const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: mailbox, pollSeconds: 2, timeZone: ZONE }), display: DISPLAY });
  await tapWire(page);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, mailbox);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  const { day, changes } = liveScript(new Date(), ZONE);
  const room = microsoftRoom(sandbox, mailbox, day, ZONE);
  await runScript({ page, sandbox, room, t: await englishWording() }, changes);
  await expectIdlePollsCheap(sandbox, room.ref, page);
});

test('restarted with the network down, the kiosk paints the last day from its cache, says since when, and catches up', async ({ page, sandbox, launchKiosk }) => {
  const mailbox = 'boardroom4@contoso.com';
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: mailbox, pollSeconds: 2, timeZone: ZONE }), display: DISPLAY };
  const first = await launchKiosk(config);
  await page.goto(first.launchUrl);
  await approveShownDeviceCode(page, sandbox, mailbox);
  await expect(page.locator('.agenda__item').first()).toBeVisible();
  const before = describeRows((await readScreen(page)).rows);
  await first.stop();

  for (const service of ['entra', 'graph'] as const) sandbox.control.addFault({ service, path: '.*', times: 1_000_000, action: { type: 'reset' } });
  await page.clock.install();
  const again = await launchKiosk(config, first.dataDir);
  await page.goto(again.launchUrl);
  await expect(page.getByTestId('stale-banner')).toBeVisible();
  expect(describeRows((await readScreen(page)).rows)).toEqual(before);
  await page.clock.fastForward('05:00');
  await expect(page.getByTestId('stale-banner')).toHaveText(/^Last updated [56] min ago/);

  sandbox.control.clearFaults();
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('.agenda__item')).not.toHaveCount(0);
});

test('a Google room: the screen follows every kind of change to the calendar', async ({ page, sandbox, launchKiosk }) => {
  test.setTimeout(180_000);
  const kiosk = await launchKiosk({ ...sandboxGoogleRoomConfig(sandbox, { pollSeconds: 2, timeZone: ZONE }), display: DISPLAY });
  await tapWire(page);
  await page.goto(kiosk.launchUrl);
  await signInGoogleRoom(page, sandbox.google.roomAccount);
  await expect(page.locator('.agenda__item').first()).toBeVisible();
  const { day, changes } = liveScript(new Date(), ZONE);
  const room = googleRoom(sandbox, day, ZONE);
  await runScript({ page, sandbox, room, t: await englishWording() }, changes);
  await expectIdlePollsCheap(sandbox, room.ref, page);
});
