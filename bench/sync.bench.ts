/**
 * Calendar sync (issue: "an idle poll is one request"): for a Microsoft room (Graph calendarView delta) and a Google
 * room (events.list syncToken), the requests and time of one idle poll and of one poll that carries a change, through
 * the production CalendarSource against the sandbox. Times are medians, and each is also reported as a ratio to a bare
 * HTTPS round trip to the same sandbox measured in the same run: the ratio is the client's own overhead and survives
 * a loaded machine, which an absolute time does not.
 */
import { completeInBrowser } from '../e2e/sandbox/google/test-support';
import { accessTokenFor } from '../e2e/sandbox/test-support';
import { startSandbox, type Sandbox, type ServiceName } from '../e2e/sandbox';
import type { CalendarChoice } from '../src/shared/model';
import { dayWindow } from '../src/shared/room-day';
import type { CalendarSource, SyncWindow } from '../src/main/calendar/calendar-source';
import { silentLogger } from '../src/main/health/logger';
import { GraphApi } from '../src/main/providers/microsoft/graph-api';
import { GraphCalendarSource } from '../src/main/providers/microsoft/graph-calendar';
import { connectGoogleRoom } from '../src/main/providers/google/google-calendar.test-support';
import { TLS_DIR } from '../scripts/sandbox-tls-env';
import { atMost, median, reference, type Figure } from './figure';

const ROOM = 'boardroom4@contoso.com';
const ZONE = 'Europe/Rome';
const IDLE_POLLS = 21;
const CHANGES = 11;
/** A poll may cost this many bare round trips: JSON parsing, zod, the client's middleware. */
const OVERHEAD_BUDGET = 8;

/** What one area of the benchmark needs: a source on the sandbox, and a way to change the calendar behind it. */
interface Room {
  area: 'graph' | 'google';
  service: ServiceName;
  source: CalendarSource;
  calendar: CalendarChoice;
  /** Adds a short meeting `minutesAhead` from now to the room's calendar, as someone else would. */
  addMeeting(subject: string, minutesAhead: number): void;
}

interface PollCost {
  requests: number;
  ms: number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** The floor: one GET to the same listener, same TLS session reuse, no client library. */
async function bareRoundTripMs(sandbox: Sandbox, service: ServiceName): Promise<number> {
  const url = `${sandbox.urls[service]}/__sandbox/info`;
  const samples: number[] = [];
  for (let i = 0; i < IDLE_POLLS; i++) samples.push(await timed(async () => (await fetch(url)).text()));
  return median(samples);
}

async function graphRoom(sandbox: Sandbox): Promise<Room> {
  const token = await accessTokenFor(sandbox, ROOM, ['Calendars.Read', 'Calendars.Read.Shared']);
  const source = new GraphCalendarSource(new GraphApi(sandbox.urls.graph, async () => token, silentLogger), { name: 'Boardroom 4', username: ROOM });
  const calendar = (await source.listCalendars()).find((c) => c.isRoomAccountOwn);
  if (!calendar) throw new Error('Boardroom 4 has no own calendar');
  const addMeeting = (subject: string, minutesAhead: number): void => {
    const start = new Date(Date.now() + minutesAhead * 60_000);
    const utc = (d: Date) => ({ dateTime: d.toISOString().slice(0, 19), timeZone: 'UTC' });
    sandbox.control.addEvent(ROOM, { subject, start: utc(start), end: utc(new Date(start.getTime() + 15 * 60_000)) });
  };
  return { area: 'graph', service: 'graph', source, calendar, addMeeting };
}

async function googleRoom(sandbox: Sandbox): Promise<Room> {
  const connection = await connectGoogleRoom(sandbox.google, (url) => completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' }));
  const calendarId = sandbox.google.roomCalendarId;
  const addMeeting = (summary: string, minutesAhead: number): void => {
    const start = new Date(Date.now() + minutesAhead * 60_000);
    const end = new Date(start.getTime() + 15 * 60_000);
    sandbox.control.google.addEvent(calendarId, { summary, start: { dateTime: start.toISOString(), timeZone: 'UTC' }, end: { dateTime: end.toISOString(), timeZone: 'UTC' } });
  };
  return { area: 'google', service: 'google-apis', source: connection.source(), calendar: connection.atlas, addMeeting };
}

/** Median requests and time of `polls` polls, each preceded by `before` (nothing, or a change to the calendar). */
async function pollCost(sandbox: Sandbox, room: Room, window: SyncWindow, cursor: string | null, polls: number, before: (i: number) => void): Promise<PollCost> {
  const requests: number[] = [];
  const times: number[] = [];
  let current = cursor;
  for (let i = 0; i < polls; i++) {
    before(i);
    sandbox.control.clearRequests();
    times.push(
      await timed(async () => {
        const result = await room.source.sync(room.calendar, window, current);
        if (result.full) throw new Error(`${room.area}: a poll with a live cursor fell back to a full sync`);
        current = result.cursor;
      }),
    );
    requests.push(sandbox.control.requests({ service: room.service }).length);
  }
  return { requests: median(requests), ms: median(times) };
}

async function roomFigures(sandbox: Sandbox, room: Room): Promise<Figure[]> {
  const window = dayWindow(new Date(), ZONE);
  const first = await room.source.sync(room.calendar, window, null);
  // Warm-up: the first polls pay for JIT and TLS session set-up.
  await pollCost(sandbox, room, window, first.cursor, 3, () => undefined);
  const idle = await pollCost(sandbox, room, window, first.cursor, IDLE_POLLS, () => undefined);
  const change = await pollCost(sandbox, room, window, first.cursor, CHANGES, (i) => room.addMeeting(`Bench change ${i}`, 30 + i));
  const bare = await bareRoundTripMs(sandbox, room.service);
  const prefix = `sync.${room.area}`;
  return [
    atMost(`${prefix}.requests_per_idle_poll`, idle.requests, 'requests', 1),
    atMost(`${prefix}.requests_per_change`, change.requests, 'requests', 1),
    reference(`${prefix}.idle_poll_ms`, idle.ms, 'ms'),
    reference(`${prefix}.change_poll_ms`, change.ms, 'ms'),
    reference(`${prefix}.bare_round_trip_ms`, bare, 'ms'),
    atMost(`${prefix}.idle_poll_vs_round_trip`, idle.ms / bare, '×', OVERHEAD_BUDGET),
    atMost(`${prefix}.change_poll_vs_round_trip`, change.ms / bare, '×', OVERHEAD_BUDGET),
  ];
}

export async function figures(): Promise<Figure[]> {
  const sandbox = await startSandbox({ tlsDir: TLS_DIR });
  try {
    return [...(await roomFigures(sandbox, await graphRoom(sandbox))), ...(await roomFigures(sandbox, await googleRoom(sandbox)))];
  } finally {
    await sandbox.close();
  }
}
