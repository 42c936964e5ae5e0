import { base64url } from '../../core/ids';
import { resolveTimeZone } from '../../core/time';
import type { Reply } from '../../core/http';
import { calendarFor, googleJson, type CalendarCall } from './handler';
import { boundedWindow, generatedOccurrences, overlaps, recordView } from './instances';
import { CalendarApiError, type CalendarInfo, type EventView, type StoredEvent } from './model';
import { listItem } from './serialize';
import { instantOf, parseRfc3339 } from './times';
import type { Window } from './rrule';
import type { GoogleCalendarStore } from './store';

/** What a list asks for, in a form a page token can carry (dates as ISO strings). */
interface ListQuery {
  readonly singleEvents: boolean;
  /** null: not given (Google's default, false, except that sync and updatedMin always include deleted events). */
  readonly showDeleted: boolean | null;
  readonly orderBy: 'startTime' | 'updated' | null;
  readonly timeMin: string | null;
  readonly timeMax: string | null;
  readonly updatedMin: string | null;
  readonly q: string | null;
  readonly iCalUID: string | null;
  readonly maxResults: number;
  readonly timeZone: string | null;
  /** Incremental: changes after this watermark. */
  readonly since: number | null;
}

interface PageState {
  readonly calendarId: string;
  readonly query: ListQuery;
  readonly offset: number;
  /** Store watermark when the listing began: the sync token the last page hands out. */
  readonly asOf: number;
  readonly epoch: number;
}

interface SyncState {
  readonly calendarId: string;
  readonly watermark: number;
  readonly epoch: number;
  readonly singleEvents: boolean;
  readonly timeMin: string | null;
  readonly timeMax: string | null;
}

const DEFAULT_PAGE = 250;
const MAX_PAGE = 2500;
/** Google refuses these together with syncToken, so a client's state cannot drift from the server's. */
const NOT_WITH_SYNC_TOKEN = ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin'];

const encode = (value: unknown): string => base64url(JSON.stringify(value));

function decode<T>(token: string, valid: (value: Partial<T>) => boolean): T | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<T>;
    return valid(value) ? (value as T) : null;
  } catch {
    return null;
  }
}

function badParameter(name: string, message = 'Bad Request', reason = 'badRequest'): CalendarApiError {
  return new CalendarApiError(400, reason, message, 'global', { name, type: 'parameter' });
}

function instantParam(params: URLSearchParams, name: string): string | null {
  const text = params.get(name);
  if (text === null) return null;
  const instant = parseRfc3339(text);
  if (!instant) throw badParameter(name);
  return instant.toISOString();
}

function flag(params: URLSearchParams, name: string): boolean | null {
  const text = params.get(name);
  return text === null ? null : text === 'true';
}

function maxResultsOf(params: URLSearchParams): number {
  const text = params.get('maxResults');
  if (text === null) return DEFAULT_PAGE;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw badParameter('maxResults', `Invalid value '${text}'. Values must be within the range: [1, ${MAX_PAGE}]`, 'invalid');
  return Math.min(value, MAX_PAGE);
}

function orderByOf(params: URLSearchParams, singleEvents: boolean): ListQuery['orderBy'] {
  const value = params.get('orderBy');
  if (value === null) return null;
  if (value !== 'startTime' && value !== 'updated') throw badParameter('orderBy', `Invalid value for: orderBy`, 'invalid');
  if (value === 'startTime' && !singleEvents) throw badParameter('orderBy', 'The requested ordering is not available for the particular query.');
  return value;
}

function timeZoneOf(params: URLSearchParams): string | null {
  const zone = params.get('timeZone');
  if (zone !== null && resolveTimeZone(zone) !== zone) throw badParameter('timeZone', `Invalid time zone: ${zone}`, 'invalid');
  return zone;
}

function syncStateOf(call: CalendarCall, calendar: CalendarInfo, params: URLSearchParams): SyncState | null {
  const token = params.get('syncToken');
  if (token === null) return null;
  const forbidden = NOT_WITH_SYNC_TOKEN.find((name) => params.has(name));
  if (forbidden) throw badParameter(forbidden, `The parameter ${forbidden} cannot be used together with syncToken.`, 'invalid');
  if (params.get('showDeleted') === 'false') throw badParameter('showDeleted', 'The parameter showDeleted cannot be false with syncToken.', 'invalid');
  const state = decode<SyncState>(token, (value) => typeof value.watermark === 'number' && typeof value.epoch === 'number');
  if (!state) throw badParameter('syncToken', 'Invalid sync token value.', 'invalid');
  if (state.epoch !== call.ctx.store.syncEpoch || state.calendarId !== calendar.id) {
    throw new CalendarApiError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.', 'calendar', { name: 'syncToken', type: 'parameter' });
  }
  return state;
}

function firstPage(call: CalendarCall, calendar: CalendarInfo): PageState {
  const params = call.req.url.searchParams;
  const sync = syncStateOf(call, calendar, params);
  const singleEvents = flag(params, 'singleEvents') ?? sync?.singleEvents ?? false;
  const query: ListQuery = {
    singleEvents,
    showDeleted: flag(params, 'showDeleted'),
    orderBy: orderByOf(params, singleEvents),
    timeMin: sync ? sync.timeMin : instantParam(params, 'timeMin'),
    timeMax: sync ? sync.timeMax : instantParam(params, 'timeMax'),
    updatedMin: instantParam(params, 'updatedMin'),
    q: params.get('q'),
    iCalUID: params.get('iCalUID'),
    maxResults: maxResultsOf(params),
    timeZone: timeZoneOf(params),
    since: sync ? sync.watermark : null,
  };
  if (!sync && query.timeMin && query.timeMax && query.timeMax <= query.timeMin) {
    throw new CalendarApiError(400, 'timeRangeEmpty', 'The specified time range is empty.', 'calendar', { name: 'timeMax', type: 'parameter' });
  }
  return { calendarId: calendar.id, query, offset: 0, asOf: call.ctx.store.watermark, epoch: call.ctx.store.syncEpoch };
}

function pageState(call: CalendarCall, calendar: CalendarInfo): PageState {
  const token = call.req.url.searchParams.get('pageToken');
  if (token === null) return firstPage(call, calendar);
  const state = decode<PageState>(token, (value) => typeof value.offset === 'number' && typeof value.query === 'object');
  if (!state || state.calendarId !== calendar.id) throw badParameter('pageToken', 'Invalid page token value.', 'invalid');
  if (state.query.since !== null && state.epoch !== call.ctx.store.syncEpoch) {
    throw new CalendarApiError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.', 'calendar', { name: 'syncToken', type: 'parameter' });
  }
  return state;
}

function windowOf(query: ListQuery, now: Date): Window {
  return boundedWindow(query.timeMin ? new Date(query.timeMin) : null, query.timeMax ? new Date(query.timeMax) : null, now);
}

/** A series and its exceptions as the list shows them, per singleEvents. */
function seriesViews(store: GoogleCalendarStore, calendar: CalendarInfo, series: StoredEvent, window: Window, singleEvents: boolean): EventView[] {
  if (!singleEvents) return generatedOccurrences(series, calendar, window, []).length > 0 ? [recordView(series)] : [];
  if (series.status === 'cancelled') return [];
  return generatedOccurrences(series, calendar, window, store.exceptionsOf(series));
}

/**
 * What a calendar holds for a window, before filters: single events and exceptions as stored, series as themselves
 * or (singleEvents) as their occurrences in the window. Exceptions of a cancelled series are gone with it.
 */
export function calendarViews(store: GoogleCalendarStore, calendar: CalendarInfo, window: Window, singleEvents: boolean): EventView[] {
  return store.eventsIn(calendar.id).flatMap((record): EventView[] => {
    if (record.recurrence !== null) return seriesViews(store, calendar, record, window, singleEvents);
    if (record.recurringEventId !== null && store.find(calendar.id, record.recurringEventId)?.status === 'cancelled') return [];
    return [recordView(record)];
  });
}

/**
 * Deleted things in a full listing follow Google's showDeleted rules: shown with showDeleted; cancelled
 * occurrences of a live series also shown when showDeleted and singleEvents are both false (and updatedMin
 * always shows them).
 */
function showsCancelled(view: EventView, query: ListQuery): boolean {
  if (view.status !== 'cancelled') return true;
  if (query.showDeleted === true || query.updatedMin !== null) return view.recurrence === null || !query.singleEvents;
  return !query.singleEvents && view.recurringEventId !== null;
}

function mentions(record: StoredEvent, text: string): boolean {
  const wanted = text.toLowerCase();
  return [record.summary, record.description, record.location, ...record.attendees.map((a) => a.email)].some((field) => field?.toLowerCase().includes(wanted));
}

function matchesFilters(view: EventView, query: ListQuery, window: Window, zone: string): boolean {
  const { record } = view;
  if (query.updatedMin && record.updated < new Date(query.updatedMin)) return false;
  if (query.iCalUID && record.iCalUID !== query.iCalUID) return false;
  if (query.q && !mentions(record, query.q)) return false;
  // A series was matched against the window by its occurrences already.
  return view.recurrence !== null || overlaps(view, window, zone);
}

function fullListing(call: CalendarCall, calendar: CalendarInfo, query: ListQuery, zone: string): EventView[] {
  const window = windowOf(query, call.ctx.clock());
  const views = calendarViews(call.ctx.store, calendar, window, query.singleEvents);
  return views.filter((view) => showsCancelled(view, query) && matchesFilters(view, query, window, zone));
}

/**
 * Incremental: everything written after the token's watermark, deleted things included. A changed series comes
 * back as all its occurrences in the window of the original full sync (as tombstones when it was deleted).
 */
function changesSince(call: CalendarCall, calendar: CalendarInfo, query: ListQuery, since: number): EventView[] {
  const window = windowOf(query, call.ctx.clock());
  const changed = call.ctx.store.eventsIn(calendar.id).filter((record) => record.changeSeq > since);
  changed.sort((a, b) => a.changeSeq - b.changeSeq);
  return changed.flatMap((record): EventView[] => {
    if (record.recurrence === null || !query.singleEvents) return [recordView(record)];
    const occurrences = generatedOccurrences(record, calendar, window, call.ctx.store.exceptionsOf(record));
    return record.status === 'cancelled' ? occurrences.map((view) => ({ ...view, status: 'cancelled' as const })) : occurrences;
  });
}

function sortViews(views: EventView[], query: ListQuery, zone: string): EventView[] {
  if (query.since !== null) return views;
  const startOf = (view: EventView): number => instantOf(view.start, zone).getTime();
  const byUpdated = (a: EventView, b: EventView): number => a.record.updated.getTime() - b.record.updated.getTime();
  const byStart = (a: EventView, b: EventView): number => startOf(a) - startOf(b) || a.id.localeCompare(b.id);
  return [...views].sort(query.orderBy === 'updated' ? byUpdated : byStart);
}

/**
 * A sync token is only handed out for listings it can continue. The sandbox is strict where Google's docs are
 * silent: no token after a listing filtered by q, iCalUID or updatedMin, or ordered (all refused with syncToken).
 */
function canSync(query: ListQuery): boolean {
  return query.orderBy === null && query.q === null && query.iCalUID === null && query.updatedMin === null;
}

/** GET /calendar/v3/calendars/{calendarId}/events */
export function listEvents(call: CalendarCall): Reply {
  const { calendar, role } = calendarFor(call, 'reader');
  const state = pageState(call, calendar);
  const { query } = state;
  const zone = query.timeZone ?? calendar.timeZone;
  const views = sortViews(query.since === null ? fullListing(call, calendar, query, zone) : changesSince(call, calendar, query, query.since), query, zone);
  const page = views.slice(state.offset, state.offset + query.maxResults);
  const more = state.offset + query.maxResults < views.length;
  const sync: SyncState = { calendarId: calendar.id, watermark: state.asOf, epoch: state.epoch, singleEvents: query.singleEvents, timeMin: query.timeMin, timeMax: query.timeMax };
  const updated = views.reduce((latest, view) => Math.max(latest, view.record.updated.getTime()), 0);
  return googleJson({
    kind: 'calendar#events',
    etag: `"p3${String(state.asOf).padStart(12, '0')}g"`,
    summary: calendar.summary,
    description: calendar.description ?? '',
    updated: new Date(updated || call.ctx.clock().getTime()).toISOString(),
    timeZone: zone,
    accessRole: role,
    defaultReminders: calendar.kind === 'primary' ? [{ method: 'popup', minutes: 10 }] : [],
    ...(more ? { nextPageToken: encode({ ...state, offset: state.offset + query.maxResults }) } : canSync(query) ? { nextSyncToken: encode(sync) } : {}),
    items: page.map((view) => listItem(view, zone)),
  });
}
