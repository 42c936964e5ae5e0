import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../e2e/sandbox';
import { completeInBrowser } from '../../../../e2e/sandbox/google/test-support';
import { startTestSandbox } from '../../../../e2e/sandbox/test-support';
import type { CalendarChoice } from '../../../shared/model';
import { RetryLaterError, type SourceEvent, type SyncResult, type SyncWindow } from '../../calendar/calendar-source';
import type { GoogleCalendarOptions } from './google-calendar';
import { ANCHOR, bySubject, connectGoogleRoom, ROME_DAY, ROME_TWO_DAYS, type GoogleRoomConnection } from './google-calendar.test-support';

/** Three Rome days from the anchor's: the stand-up series has a live occurrence on the third (25 Nov, 08:30). */
const ROME_THREE_DAYS = { start: ROME_DAY.start, end: new Date('2026-11-25T23:00:00Z') };

const romeTime = (day: number, hour: number) => ({ dateTime: `2026-11-${day}T${String(hour).padStart(2, '0')}:00:00+01:00`, timeZone: 'Europe/Rome' });
const ids = (events: SourceEvent[]) => events.map((event) => event.id).sort();

/** A sync that failed the way the test expects; anything else (success, another error) fails the test. */
async function retryLater(promise: Promise<unknown>): Promise<RetryLaterError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof RetryLaterError) return error;
  throw new Error(`expected a RetryLaterError, got ${error === null ? 'success' : String(error)}`);
}

describe('GoogleCalendarSource.sync with sync tokens against the sandbox', () => {
  let room: GoogleRoomConnection;
  let sandbox: Sandbox;
  let atlas: CalendarChoice;

  // Jitter pinned to 0 so backoff delays are exact.
  const source = (options: GoogleCalendarOptions = {}) => room.source({ random: () => 0, ...options });
  const apiRequests = () => sandbox.control.requests({ service: 'google-apis' });
  /** A full sync of `window`, as the state the next sync is measured from. */
  const cursorFor = async (window: SyncWindow = ROME_DAY): Promise<string> => {
    const { cursor } = await source().sync(atlas, window, null);
    if (!cursor) throw new Error('a full sync returned no cursor');
    return cursor;
  };
  const eventsOf = (window: SyncWindow) => source().eventsBetween(atlas, window.start, window.end);

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    room = await connectGoogleRoom(sandbox.google, (url) => completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' }));
    ({ atlas } = room);
  });
  afterEach(() => sandbox.control.clearFaults());
  afterAll(() => sandbox.close());

  describe('full sync', () => {
    it('returns the window exactly as eventsBetween does, with a cursor, without orderBy', async () => {
      sandbox.control.clearRequests();
      const result = await source().sync(atlas, ROME_DAY, null);

      expect(result).toMatchObject({ full: true, removed: [], cursor: expect.any(String) });
      expect(ids(result.events)).toEqual(ids(await eventsOf(ROME_DAY)));
      expect(result.events).toEqual(expect.arrayContaining(await eventsOf(ROME_DAY)));
      const [request] = apiRequests();
      expect(request?.query).toMatchObject({ singleEvents: 'true', timeMin: ROME_DAY.start.toISOString(), timeMax: ROME_DAY.end.toISOString() });
      expect(request?.query).not.toHaveProperty('orderBy');
    });

    it('walks every page and takes the sync token from the last one', async () => {
      sandbox.control.clearRequests();
      const paged = await source({ pageSize: 2 }).sync(atlas, ROME_TWO_DAYS, null);

      expect(ids(paged.events)).toEqual(ids(await eventsOf(ROME_TWO_DAYS)));
      const pages = apiRequests().filter((r) => r.query['maxResults'] === '2');
      expect(pages.length).toBe(Math.ceil(paged.events.length / 2));
      expect(await source({ pageSize: 2 }).sync(atlas, ROME_TWO_DAYS, paged.cursor)).toMatchObject({ full: false, events: [], removed: [] });
    });

    it('starts over when the cursor is for another window, or unreadable', async () => {
      const dayCursor = await cursorFor(ROME_DAY);

      const widened = await source().sync(atlas, ROME_TWO_DAYS, dayCursor);
      const garbage = await source().sync(atlas, ROME_DAY, 'not-a-cursor');

      expect(widened.full).toBe(true);
      expect(ids(widened.events)).toEqual(ids(await eventsOf(ROME_TWO_DAYS)));
      expect(garbage.full).toBe(true);
    });
  });

  describe('incremental sync', () => {
    it('costs one request when nothing changed, and changes nothing', async () => {
      const cursor = await cursorFor();
      sandbox.control.clearRequests();

      const idle = await source().sync(atlas, ROME_DAY, cursor);

      expect(idle).toEqual({ full: false, events: [], removed: [], cursor: expect.any(String) });
      expect(apiRequests()).toHaveLength(1);
      expect(apiRequests()[0]?.query).toMatchObject({ syncToken: expect.any(String), singleEvents: 'true' });
      expect(apiRequests()[0]?.query).not.toHaveProperty('timeMin');
    });

    it('returns an event added in the window, alone', async () => {
      const cursor = await cursorFor();
      const added = sandbox.control.google.addEvent(atlas.id, { summary: 'Walk-in demo', start: romeTime(23, 21), end: romeTime(23, 22) });

      const result = await source().sync(atlas, ROME_DAY, cursor);

      expect(result).toMatchObject({ full: false, removed: [] });
      expect(result.events).toEqual([expect.objectContaining({ id: added.id, subject: 'Walk-in demo', start: '2026-11-23T20:00:00.000Z', end: '2026-11-23T21:00:00.000Z' })]);
    });

    it('returns a moved event at its new time', async () => {
      const cursor = await cursorFor();
      const interview = bySubject(await eventsOf(ROME_DAY), 'Interview: frontend engineer');
      sandbox.control.google.updateEvent(atlas.id, interview.id, { start: romeTime(23, 19), end: romeTime(23, 20) });

      const result = await source().sync(atlas, ROME_DAY, cursor);

      expect(result).toMatchObject({ full: false, removed: [] });
      expect(result.events).toEqual([expect.objectContaining({ id: interview.id, start: '2026-11-23T18:00:00.000Z', end: '2026-11-23T19:00:00.000Z' })]);
    });

    it('keeps a changed all-day event of the room’s day, its dates read in the calendar’s zone', async () => {
      const cursor = await cursorFor();
      const openHouse = bySubject(await eventsOf(ROME_DAY), 'Fabrikam open house (room reserved)');
      sandbox.control.google.updateEvent(atlas.id, openHouse.id, { summary: 'Fabrikam open house' });

      const result = await source().sync(atlas, ROME_DAY, cursor);

      expect(result).toMatchObject({ full: false, removed: [], events: [expect.objectContaining({ id: openHouse.id, start: '2026-11-23', end: '2026-11-24', isAllDay: true })] });
    });

    it('removes an event moved out of the window, and never returns one added outside it', async () => {
      const cursor = await cursorFor();
      const salary = bySubject(await eventsOf(ROME_DAY), 'Salary review');
      sandbox.control.google.updateEvent(atlas.id, salary.id, { start: romeTime(25, 9), end: romeTime(25, 10) });
      sandbox.control.google.addEvent(atlas.id, { summary: 'Next week', start: romeTime(30, 9), end: romeTime(30, 10) });
      sandbox.control.google.addEvent(atlas.id, { summary: 'Tomorrow all day', start: { date: '2026-11-24' }, end: { date: '2026-11-25' } });
      // Sunday in Rome ends at 23:00Z, when the window starts: outside, though a UTC reading would overlap it.
      sandbox.control.google.addEvent(atlas.id, { summary: 'Sunday all day', start: { date: '2026-11-22' }, end: { date: '2026-11-23' } });

      const result = await source().sync(atlas, ROME_DAY, cursor);

      expect(result.events).toEqual([]);
      expect(result.removed).toContain(salary.id);
    });

    it('removes a cancelled event and a deleted one', async () => {
      const cursor = await cursorFor();
      const day = await eventsOf(ROME_DAY);
      const contoso = bySubject(day, 'Contoso partnership sync');
      const northwind = bySubject(day, 'Northwind supply review');
      sandbox.control.google.updateEvent(atlas.id, contoso.id, { status: 'cancelled' });
      sandbox.control.google.deleteEvent(atlas.id, northwind.id);

      const result = await source().sync(atlas, ROME_DAY, cursor);

      expect(result).toMatchObject({ full: false, events: [] });
      expect([...result.removed].sort()).toEqual([contoso.id, northwind.id].sort());
    });

    it('removes exactly the cancelled occurrence of the daily stand-up', async () => {
      const cursor = await cursorFor(ROME_THREE_DAYS);
      const standUps = (await eventsOf(ROME_THREE_DAYS)).filter((event) => event.subject === 'Atlas team stand-up');
      const thursday = standUps.find((event) => event.start === '2026-11-25T07:30:00.000Z');
      if (!thursday) throw new Error(`no 25 November stand-up in ${standUps.map((event) => event.start).join(', ')}`);
      sandbox.control.google.deleteEvent(atlas.id, thursday.id);

      const result = await source().sync(atlas, ROME_THREE_DAYS, cursor);

      expect(result).toEqual({ full: false, events: [], removed: [thursday.id], cursor: expect.any(String) });
    });

    it('walks every page of changes', async () => {
      const cursor = await cursorFor();
      const added = [20, 21, 22].map((hour) => sandbox.control.google.addEvent(atlas.id, { summary: `Evening ${hour}`, start: romeTime(23, hour), end: romeTime(23, hour + 1) }).id);
      sandbox.control.clearRequests();

      const result = await source({ pageSize: 2 }).sync(atlas, ROME_DAY, cursor);

      expect(ids(result.events)).toEqual([...added].sort());
      expect(apiRequests()).toHaveLength(2);
    });

    it('answers a sync token Google no longer accepts (410) with a full sync, transparently', async () => {
      const cursor = await cursorFor();
      sandbox.control.google.invalidateSyncTokens();
      sandbox.control.clearRequests();

      const result = await source().sync(atlas, ROME_DAY, cursor);
      const statuses = apiRequests().map((r) => r.status);

      expect(result).toMatchObject({ full: true, removed: [] });
      expect(statuses).toEqual([410, 200]);
      expect(ids(result.events)).toEqual(ids(await eventsOf(ROME_DAY)));
      expect(await source().sync(atlas, ROME_DAY, result.cursor)).toMatchObject({ full: false, events: [], removed: [] });
    });
  });

  describe('throttling and outages', () => {
    const fault = (status: number, retryAfter?: number, times = 1) =>
      sandbox.control.addFault({ service: 'google-apis', path: '/events$', times, action: { type: 'status', status, ...(retryAfter === undefined ? {} : { retryAfter }) } });

    it('turns a 429 into RetryLaterError with its Retry-After, in one request, and keeps the cursor usable', async () => {
      const cursor = await cursorFor();
      fault(429, 7);
      sandbox.control.clearRequests();

      const error = await retryLater(source().sync(atlas, ROME_DAY, cursor));

      expect(error).toMatchObject({ afterMs: 7000, status: 429 });
      expect(apiRequests()).toHaveLength(1);
      expect(await source().sync(atlas, ROME_DAY, cursor)).toMatchObject({ full: false, events: [], removed: [] });
    });

    it('treats 403 rateLimitExceeded like 429, and a first-sync 503 too', async () => {
      const cursor = await cursorFor();
      // GoogleAuth's client has forceRefreshOnFailure: on any 401/403 google-auth-library refreshes the token and
      // replays the call once, so a persistent 403 costs two API requests (the second one fails the same way).
      fault(403, 2, 2);
      sandbox.control.clearRequests();
      expect(await retryLater(source().sync(atlas, ROME_DAY, cursor))).toMatchObject({ afterMs: 2000, status: 403 });
      expect(apiRequests().map((r) => r.status)).toEqual([403, 403]);
      fault(503, 3);
      expect(await retryLater(source().sync(atlas, ROME_DAY, null))).toMatchObject({ afterMs: 3000, status: 503 });
    });

    it('backs off exponentially per calendar without Retry-After, and starts again after a success', async () => {
      const kiosk = source();
      const cursor = await cursorFor();
      const failedSync = async (status: number) => {
        fault(status);
        return (await retryLater(kiosk.sync(atlas, ROME_DAY, cursor))).afterMs;
      };

      expect([await failedSync(503), await failedSync(500), await failedSync(429)]).toEqual([1000, 2000, 4000]);
      const recovered: SyncResult = await kiosk.sync(atlas, ROME_DAY, cursor);
      expect(recovered.full).toBe(false);
      expect(await failedSync(503)).toBe(1000);
    });
  });
});
