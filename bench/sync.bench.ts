/**
 * Calendar sync (issue: "an idle poll is one request"): for a Microsoft room (Graph calendarView delta) and a Google
 * room (events.list syncToken), the requests and time of one idle poll and of one poll that carries a change, through
 * the production CalendarSource against the sandbox. Each poll is followed by the very same HTTP request replayed with
 * a bare `fetch` (a delta link or sync token replays verbatim: same answer, same work for the sandbox); the median
 * ratio of the two is the client's own overhead (token, middleware, validation, mapping), which survives a loaded
 * machine where an absolute time does not.
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
import { syncTokenFor } from '../src/main/providers/google/google-sync';
import { TLS_DIR } from '../scripts/sandbox-tls-env';
import { atMost, median, reference, type Figure } from './figure';

const ROOM = 'boardroom4@contoso.com';
const ZONE = 'Europe/Rome';
const IDLE_POLLS = 21;
const CHANGES = 11;
/** A poll may cost this many bare requests: token lookup, the client's middleware, zod, mapping to SourceEvent. */
const OVERHEAD_BUDGET = 4;

/** What one area of the benchmark needs: a source on the sandbox, and a way to change the calendar behind it. */
interface Room {
  area: 'graph' | 'google';
  service: ServiceName;
  source: CalendarSource;
  calendar: CalendarChoice;
  /** Adds a short meeting `minutesAhead` from now to the room's calendar, as someone else would. */
  addMeeting(subject: string, minutesAhead: number): void;
  /** The request a sync from `cursor` makes, sent with a bare fetch and its body read. */
  bareRequest(cursor: string, window: SyncWindow): Promise<void>;
}

interface PollCost {
  requests: number;
  ms: number;
  bareMs: number;
  ratio: number;
}

async function readBody(response: Promise<Response>): Promise<void> {
  const answered = await response;
  if (!answered.ok) throw new Error(`bare request answered ${answered.status}`);
  await answered.json();
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
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
  // The cursor is the deltaLink itself; the headers are the ones GraphCalendarSource sends.
  const bareRequest = (cursor: string): Promise<void> =>
    readBody(fetch(cursor, { headers: { Authorization: `Bearer ${token}`, Prefer: 'outlook.timezone="UTC", odata.maxpagesize=50' } }));
  return { area: 'graph', service: 'graph', source, calendar, addMeeting, bareRequest };
}

async function googleRoom(sandbox: Sandbox): Promise<Room> {
  const connection = await connectGoogleRoom(sandbox.google, (url) => completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' }));
  const calendarId = sandbox.google.roomCalendarId;
  const addMeeting = (summary: string, minutesAhead: number): void => {
    const start = new Date(Date.now() + minutesAhead * 60_000);
    const end = new Date(start.getTime() + 15 * 60_000);
    sandbox.control.google.addEvent(calendarId, { summary, start: { dateTime: start.toISOString(), timeZone: 'UTC' }, end: { dateTime: end.toISOString(), timeZone: 'UTC' } });
  };
  const client = connection.auth.accessClient();
  const bareRequest = async (cursor: string, window: SyncWindow): Promise<void> => {
    const query = new URLSearchParams({ syncToken: syncTokenFor(cursor, calendarId, window) ?? '', singleEvents: 'true', maxResults: '250' });
    const { token } = await client.getAccessToken();
    const url = `${sandbox.google.config.calendarRootUrl}calendar/v3/calendars/${encodeURIComponent(calendarId)}/events?${query.toString()}`;
    await readBody(fetch(url, { headers: { Authorization: `Bearer ${token ?? ''}` } }));
  };
  return { area: 'google', service: 'google-apis', source: connection.source(), calendar: connection.atlas, addMeeting, bareRequest };
}

/**
 * Median requests and time of `polls` polls, each preceded by `before` (nothing, or a change to the calendar) and
 * followed by the bare replay of its request.
 */
async function pollCost(sandbox: Sandbox, room: Room, window: SyncWindow, cursor: string, polls: number, before: (i: number) => void): Promise<PollCost> {
  const requests: number[] = [];
  const times: number[] = [];
  const bares: number[] = [];
  const ratios: number[] = [];
  let current = cursor;
  for (let i = 0; i < polls; i++) {
    before(i);
    sandbox.control.clearRequests();
    const from = current;
    const ms = await timed(async () => {
      const result = await room.source.sync(room.calendar, window, from);
      if (result.full || result.cursor === null) throw new Error(`${room.area}: a poll with a live cursor fell back to a full sync`);
      current = result.cursor;
    });
    requests.push(sandbox.control.requests({ service: room.service }).length);
    const bareMs = await timed(() => room.bareRequest(from, window));
    times.push(ms);
    bares.push(bareMs);
    ratios.push(ms / bareMs);
  }
  return { requests: median(requests), ms: median(times), bareMs: median(bares), ratio: median(ratios) };
}

async function roomFigures(sandbox: Sandbox, room: Room): Promise<Figure[]> {
  const window = dayWindow(new Date(), ZONE);
  const { cursor } = await room.source.sync(room.calendar, window, null);
  if (cursor === null) throw new Error(`${room.area}: the full sync gave no cursor`);
  // Warm-up: the first polls pay for JIT and TLS session set-up.
  await pollCost(sandbox, room, window, cursor, 3, () => undefined);
  const idle = await pollCost(sandbox, room, window, cursor, IDLE_POLLS, () => undefined);
  const change = await pollCost(sandbox, room, window, cursor, CHANGES, (i) => room.addMeeting(`Bench change ${i}`, 30 + i));
  const prefix = `sync.${room.area}`;
  return [
    atMost(`${prefix}.requests_per_idle_poll`, idle.requests, 'requests', 1),
    atMost(`${prefix}.requests_per_change`, change.requests, 'requests', 1),
    reference(`${prefix}.idle_poll_ms`, idle.ms, 'ms'),
    reference(`${prefix}.idle_bare_request_ms`, idle.bareMs, 'ms'),
    atMost(`${prefix}.idle_poll_vs_bare`, idle.ratio, '×', OVERHEAD_BUDGET),
    reference(`${prefix}.change_poll_ms`, change.ms, 'ms'),
    reference(`${prefix}.change_bare_request_ms`, change.bareMs, 'ms'),
    atMost(`${prefix}.change_poll_vs_bare`, change.ratio, '×', OVERHEAD_BUDGET),
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
