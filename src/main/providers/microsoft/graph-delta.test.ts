import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../e2e/sandbox';
import { accessTokenFor, startTestSandbox } from '../../../../e2e/sandbox/test-support';
import type { CalendarChoice } from '../../../shared/model';
import { RetryLaterError, type SourceEvent, type SyncResult } from '../../calendar/calendar-source';
import { silentLogger } from '../../health/logger';
import { GraphApi, isSyncStateLost, retryLaterOf } from './graph-api';
import { GraphCalendarSource } from './graph-calendar';
import { GraphDeltaItemSchema } from './graph-schemas';

const ANCHOR = new Date('2026-11-23T10:10:00Z'); // Monday; 11:10 in Rome
const ROOM = 'boardroom4@contoso.com';
const AVERY = 'avery.chen@contoso.com';
/** Boardroom 4's day in Rome (CET), as the agenda asks for it. */
const ROME_DAY = { start: new Date('2026-11-22T23:00:00Z'), end: new Date('2026-11-23T23:00:00Z') };
const FIXTURES = join(import.meta.dirname, '../../../../e2e/sandbox/microsoft/fixtures/graph');

function rome(time: string, day = '2026-11-23'): { dateTime: string; timeZone: string } {
  return { dateTime: `${day}T${time}:00`, timeZone: 'Europe/Rome' };
}

/** A SourceEvent without the `@odata.type` delta adds to the raw event, so delta and calendarView compare equal. */
function comparable(event: SourceEvent): SourceEvent {
  const raw = event.linkSource.event;
  if (event.linkSource.source !== 'graph' || typeof raw !== 'object' || raw === null) return event;
  const { '@odata.type': _type, ...rest } = raw as Record<string, unknown>;
  return { ...event, linkSource: { source: 'graph', event: rest } };
}

function byId(a: SourceEvent, b: SourceEvent): number {
  return a.id.localeCompare(b.id);
}

describe('GraphCalendarSource.sync: calendarView delta against the sandbox (msal-node + Graph client, real HTTP)', () => {
  let sandbox: Sandbox;
  let roomToken = '';
  let averyToken = '';

  function sourceFor(token: string, account: { name: string; username: string }): GraphCalendarSource {
    return new GraphCalendarSource(new GraphApi(sandbox.urls.graph, async () => token, silentLogger), account);
  }

  async function ownCalendar(source: GraphCalendarSource): Promise<CalendarChoice> {
    const calendar = (await source.listCalendars()).find((c) => c.isRoomAccountOwn);
    if (!calendar) throw new Error('no own calendar');
    return calendar;
  }

  /** The requests one sync made: how many, and what they asked for. */
  async function measured(run: () => Promise<SyncResult>): Promise<{ result: SyncResult; requests: { path: string; query: Record<string, string> }[] }> {
    sandbox.control.clearRequests();
    const result = await run();
    const requests = sandbox.control.requests({ service: 'graph' }).map((r) => ({ path: r.path, query: { ...r.query } }));
    return { result, requests };
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    roomToken = await accessTokenFor(sandbox, ROOM, ['Calendars.Read']);
    averyToken = await accessTokenFor(sandbox, AVERY, ['Calendars.Read']);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.control.clearFaults());

  describe('Boardroom 4', () => {
    let source: GraphCalendarSource;
    let calendar: CalendarChoice;
    let cursor: string | null = null;

    /** One poll with the last cursor, as the agenda service makes it. */
    async function poll(): Promise<{ result: SyncResult; requests: { path: string; query: Record<string, string> }[] }> {
      const polled = await measured(() => source.sync(calendar, ROME_DAY, cursor));
      cursor = polled.result.cursor;
      return polled;
    }

    beforeAll(async () => {
      source = sourceFor(roomToken, { name: 'Boardroom 4', username: ROOM });
      calendar = await ownCalendar(source);
    });

    it('starts with a full round equal to calendarView for the window, in one request', async () => {
      const { result, requests } = await poll();
      const view = await source.eventsBetween(calendar, ROME_DAY.start, ROME_DAY.end);

      expect(result).toMatchObject({ full: true, removed: [] });
      expect(result.events.map(comparable).sort(byId)).toEqual([...view].sort(byId));
      expect(result.events).toHaveLength(7);
      expect(requests).toEqual([{ path: expect.stringMatching(/^\/v1\.0\/me\/calendars\/[^/]+\/calendarView\/delta$/), query: { startDateTime: ROME_DAY.start.toISOString(), endDateTime: ROME_DAY.end.toISOString() } }]);
      expect(result.cursor).toMatch(/\/calendarView\/delta\?\$deltatoken=/);
    });

    it('costs exactly one request, the deltaLink replayed verbatim, when nothing changed', async () => {
      for (let i = 0; i < 3; i++) {
        const sent = new URL(cursor ?? '');
        const { result, requests } = await poll();
        expect(result).toEqual({ full: false, events: [], removed: [], cursor: expect.any(String) });
        expect(requests).toEqual([{ path: sent.pathname, query: Object.fromEntries(sent.searchParams) }]);
      }
    });

    it('returns exactly the change: added, moved, cancelled, cancelled occurrence, moved out, deleted', async () => {
      const added = sandbox.control.addEvent(ROOM, { subject: 'Walk-in', start: rome('19:00'), end: rome('19:30') });
      const id = added.id ?? '';
      let { result, requests } = await poll();
      expect(requests).toHaveLength(1);
      expect(result).toMatchObject({ full: false, removed: [] });
      expect(result.events).toEqual([expect.objectContaining({ id, subject: 'Walk-in', start: '2026-11-23T18:00:00.000Z', end: '2026-11-23T18:30:00.000Z', isCancelled: false })]);

      sandbox.control.updateEvent(ROOM, id, { start: rome('20:00'), end: rome('21:00') });
      ({ result } = await poll());
      expect(result.events.map((e) => [e.id, e.start, e.end])).toEqual([[id, '2026-11-23T19:00:00.000Z', '2026-11-23T20:00:00.000Z']]);
      expect(result.removed).toEqual([]);

      sandbox.control.updateEvent(ROOM, id, { isCancelled: true });
      ({ result } = await poll());
      expect(result.events.map((e) => [e.id, e.isCancelled])).toEqual([[id, true]]);

      const series = sandbox.control.events(ROOM).find((event) => event.subject === 'Ops stand-up');
      const instance = (await source.eventsBetween(calendar, ROME_DAY.start, ROME_DAY.end)).find((e) => e.subject === 'Ops stand-up');
      sandbox.control.cancelOccurrence(ROOM, series?.id ?? '', '2026-11-23');
      ({ result } = await poll());
      expect(result).toMatchObject({ full: false, events: [], removed: [instance?.id] });

      sandbox.control.updateEvent(ROOM, id, { start: rome('09:00', '2026-11-24'), end: rome('10:00', '2026-11-24') });
      ({ result } = await poll());
      expect(result).toMatchObject({ full: false, events: [], removed: [id] });

      const other = sandbox.control.addEvent(ROOM, { subject: 'Short-lived', start: rome('21:00'), end: rome('21:30') });
      ({ result } = await poll());
      expect(result.events.map((e) => e.id)).toEqual([other.id]);
      sandbox.control.deleteEvent(ROOM, other.id ?? '');
      ({ result, requests } = await poll());
      expect(result).toMatchObject({ full: false, events: [], removed: [other.id] });
      expect(requests).toHaveLength(1);
    });

    it('starts over transparently when the delta token is gone (410 syncStateNotFound)', async () => {
      const before = cursor;
      sandbox.control.invalidateDeltaTokens();
      const { result, requests } = await poll();
      const view = await source.eventsBetween(calendar, ROME_DAY.start, ROME_DAY.end);

      expect(result.full).toBe(true);
      expect(result.removed).toEqual([]);
      expect(result.events.map(comparable).sort(byId)).toEqual([...view].sort(byId));
      expect(requests.map((r) => Object.keys(r.query))).toEqual([['$deltatoken'], ['startDateTime', 'endDateTime']]);
      expect(result.cursor).not.toBe(before);
      expect((await poll()).result).toMatchObject({ full: false, events: [], removed: [] });
    });

    it('surfaces a 429 with a long Retry-After at once, as RetryLaterError carrying it', async () => {
      sandbox.control.addFault({ service: 'graph', path: 'calendarView/delta$', action: { type: 'status', status: 429, retryAfter: 120 } });
      sandbox.control.clearRequests();
      const error = await source.sync(calendar, ROME_DAY, cursor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryLaterError);
      expect(error).toMatchObject({ afterMs: 120_000, status: 429 });
      // The client did not sit on the request for two minutes: one attempt, then the scheduler's turn.
      expect(sandbox.control.requests({ service: 'graph' })).toHaveLength(1);
      expect((await poll()).result).toMatchObject({ full: false, events: [], removed: [] });
    });

    it('lets the client ride out short throttling, and reports it once its retries are spent', async () => {
      sandbox.control.addFault({ service: 'graph', path: 'calendarView/delta$', times: 2, action: { type: 'status', status: 429, retryAfter: 0 } });
      const { result, requests } = await poll();
      expect(result).toMatchObject({ full: false, events: [], removed: [] });
      expect(requests).toHaveLength(3);

      sandbox.control.addFault({ service: 'graph', path: 'calendarView/delta$', times: 4, action: { type: 'status', status: 503, retryAfter: 1 } });
      const error = await source.sync(calendar, ROME_DAY, cursor).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'RetryLaterError', afterMs: 1_000, status: 503 });
    });
  });

  it('follows nextLinks across pages, on the full round and on a busy incremental one', async () => {
    const source = sourceFor(averyToken, { name: 'Avery Chen', username: AVERY });
    const calendar = await ownCalendar(source);
    const day = { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2026-12-02T00:00:00Z') };
    const slot = (minute: number): Event => ({
      subject: `Slot ${minute}`,
      start: { dateTime: `2026-12-01T08:${String(minute).padStart(2, '0')}:00`, timeZone: 'UTC' },
      end: { dateTime: `2026-12-01T09:${String(minute).padStart(2, '0')}:00`, timeZone: 'UTC' },
    });
    const ids = Array.from({ length: 60 }, (_, minute) => sandbox.control.addEvent(AVERY, slot(minute)).id ?? '');

    const full = await measured(() => source.sync(calendar, day, null));
    expect(full.result.events.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(full.requests.map((r) => Object.keys(r.query))).toEqual([['startDateTime', 'endDateTime'], ['$skiptoken']]);

    for (const id of ids.slice(0, 55)) sandbox.control.updateEvent(AVERY, id, { subject: 'Renamed' });
    const busy = await measured(() => source.sync(calendar, day, full.result.cursor));
    expect(busy.result.events.map((e) => e.subject)).toEqual(Array<string>(55).fill('Renamed'));
    expect(busy.requests.map((r) => Object.keys(r.query))).toEqual([['$deltatoken'], ['$skiptoken']]);
    expect((await measured(() => source.sync(calendar, day, busy.result.cursor))).requests).toHaveLength(1);
  });
});

describe('Graph delta items and errors', () => {
  it('reads the docs example: a removal is only an id, an update a whole event', () => {
    const documented = JSON.parse(readFileSync(join(FIXTURES, 'calendarview-delta-next-round.json'), 'utf8')) as { value: unknown[] };
    const items = documented.value.map((item) => GraphDeltaItemSchema.parse(item));
    expect(items.map((item) => item.kind)).toEqual(['removed', 'event']);
    expect(items[0]).toEqual({ kind: 'removed', id: 'AAMkADk0MGFkODE3LWE4MmYtNDRhOS04OGQLkRkXbBznTvAADb6ytyAAA=' });
    expect(GraphDeltaItemSchema.safeParse({ id: 'x', subject: 'no times' }).success).toBe(false);
  });

  it('turns 429, and 503 with Retry-After, into RetryLaterError; other failures stay as they are', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const failure = (status: number, headers: Record<string, string> = {}, code: string | null = null): GraphError => {
      const error = new GraphError(status);
      error.headers = new Headers(headers);
      error.code = code;
      return error;
    };
    expect(retryLaterOf(failure(429, { 'retry-after': '7' }), now)).toMatchObject({ afterMs: 7_000, status: 429 });
    expect(retryLaterOf(failure(503, { 'retry-after': 'Mon, 23 Nov 2026 10:01:00 GMT' }), now)).toMatchObject({ afterMs: 60_000, status: 503 });
    expect(retryLaterOf(failure(429), now)?.afterMs).toBeGreaterThan(0);
    expect(retryLaterOf(failure(503), now)).toBeNull();
    expect(retryLaterOf(failure(500, { 'retry-after': '5' }), now)).toBeNull();
    expect(retryLaterOf(new Error('offline'), now)).toBeNull();

    expect(isSyncStateLost(failure(410))).toBe(true);
    expect(isSyncStateLost(failure(400, {}, 'SyncStateNotFound'))).toBe(true);
    expect(isSyncStateLost(failure(404, {}, 'ErrorItemNotFound'))).toBe(false);
  });
});
