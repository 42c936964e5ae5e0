import { calendar, type calendar_v3 } from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';
import type { z } from 'zod';
import type { CalendarChoice, ShowAs } from '../../../shared/model';
import { asConnectionLost } from '../../auth/google-auth';
import { Backoff } from '../../calendar/backoff';
import { PROVIDER_REQUEST_TIMEOUT_MS, type CalendarSource, type SourceEvent, type SyncResult, type SyncWindow } from '../../calendar/calendar-source';
import type { Logger } from '../../health/logger';
import { GoogleCalendarEntrySchema, GoogleEventSchema, GooglePageSchema, type GoogleCalendarEntry, type GoogleEvent, type GoogleEventTime, type GooglePage } from './google-schemas';
import { encodeCursor, overlapsWindow, retryLaterOf, syncTokenFor, syncTokenRejected } from './google-sync';

/** Guards against a server that pages forever. */
const MAX_PAGES = 50;
/** Calendar v3's own default page size for events.list. */
const DEFAULT_PAGE_SIZE = 250;
/**
 * Sync calls make exactly one request each: googleapis would otherwise retry a GET 3 times on 429/5xx (ignoring
 * Retry-After), so one failing poll costs 4 requests and ~2 s before anyone hears of it. The poll loop is the
 * retry, paced by the RetryLaterError we throw. The OAuth2Client still refreshes and replays once on 401/403
 * (GoogleAuth sets forceRefreshOnFailure), which no request option turns off. The time-out ends a response that
 * never comes, so the poll fails (stale banner) instead of waiting for ever.
 */
const ONE_REQUEST = { retry: false, timeout: PROVIDER_REQUEST_TIMEOUT_MS } as const;
/** When an events.list answer has no `timeZone` (Google always sends it), all-day dates are read as UTC days. */
const FALLBACK_ZONE = 'UTC';

/** Every page of one listing, and what only its last page carries. */
interface Listing {
  items: unknown[];
  nextSyncToken: string | null;
  timeZone: string | null;
}

type PageFetcher = (pageToken: string | undefined) => Promise<{ data: unknown }>;

interface EventTimes {
  start: string;
  end: string;
  isAllDay: boolean;
}

/** `2026-11-23T09:30:00+01:00` → `2026-11-23T08:30:00.000Z`: the agenda compares instants. */
function instant(dateTime: string): string {
  return new Date(dateTime).toISOString();
}

/** All-day events are calendar dates (end exclusive), timed ones instants; null when the pair is unusable. */
function timesOf(start: GoogleEventTime, end: GoogleEventTime): EventTimes | null {
  if (start.date && end.date) return { start: start.date, end: end.date, isAllDay: true };
  if (start.dateTime && end.dateTime) return { start: instant(start.dateTime), end: instant(end.dateTime), isAllDay: false };
  return null;
}

/**
 * A cancelled occurrence of a series may carry only `originalStartTime` (Google's minimal form): it still says when
 * the slot was, which is all an "is cancelled" entry needs.
 */
function eventTimes(event: GoogleEvent): EventTimes | null {
  if (event.start && event.end) return timesOf(event.start, event.end);
  if (event.status === 'cancelled' && event.originalStartTime) return timesOf(event.originalStartTime, event.originalStartTime);
  return null;
}

/**
 * Google has no Graph-style showAs: `transparency: transparent` ("show me as available") is free; a tentative event,
 * or the room's own tentative reply, is tentative; everything else blocks the room.
 */
function showAsOf(event: GoogleEvent): ShowAs {
  if (event.transparency === 'transparent') return 'free';
  const self = event.attendees?.find((attendee) => attendee.self === true);
  if (event.status === 'tentative' || self?.responseStatus === 'tentative') return 'tentative';
  return 'busy';
}

/** `GoogleEventSchema` is loose, so `event` still carries every field the link detector reads (conferenceData, description…). */
export function toSourceEvent(event: GoogleEvent): SourceEvent | null {
  const times = eventTimes(event);
  if (!times) return null;
  return {
    id: event.id,
    subject: event.summary ?? null,
    organizer: event.organizer?.displayName ?? event.organizer?.email ?? null,
    ...times,
    showAs: showAsOf(event),
    isPrivate: event.visibility === 'private' || event.visibility === 'confidential',
    isCancelled: event.status === 'cancelled',
    linkSource: { source: 'google', event },
  };
}

/** Items are validated one by one: one that fails is skipped and logged, never the whole list. */
function validItems<S extends z.ZodType>(items: readonly unknown[], schema: S, log: Logger, event: string): z.output<S>[] {
  const results: z.output<S>[] = [];
  for (const raw of items) {
    const checked = schema.safeParse(raw);
    if (checked.success) results.push(checked.data);
    else log.warn(event, { issue: checked.error.issues[0]?.message });
  }
  return results;
}

/** One Google cannot place in time is skipped like one that fails validation. */
function mappedEvents(events: readonly GoogleEvent[], log: Logger): SourceEvent[] {
  return events.flatMap((event) => {
    const mapped = toSourceEvent(event);
    if (!mapped) log.warn('google.event-skipped', { id: event.id, issue: 'no usable start/end' });
    return mapped ? [mapped] : [];
  });
}

/** Events as the agenda reads them. */
export function sourceEventsOf(items: readonly unknown[], log: Logger): SourceEvent[] {
  return mappedEvents(validItems(items, GoogleEventSchema, log, 'google.event-skipped'), log);
}

/**
 * An incremental listing as changes to the caller's window. Deleted events and cancelled occurrences (Google's
 * tombstones may carry only an id) are removals; so is a changed event that now lies outside the window — it may
 * have been moved out of it, and removing an id the caller never had is harmless.
 */
function windowChanges(items: readonly unknown[], window: SyncWindow, timeZone: string, log: Logger): Pick<SyncResult, 'events' | 'removed'> {
  const valid = validItems(items, GoogleEventSchema, log, 'google.event-skipped');
  const cancelled = valid.filter((event) => event.status === 'cancelled');
  const live = mappedEvents(valid.filter((event) => event.status !== 'cancelled'), log);
  const inside = live.filter((event) => overlapsWindow(event, window, timeZone));
  const outside = live.filter((event) => !inside.includes(event));
  return { events: inside, removed: [...cancelled, ...outside].map((event) => event.id) };
}

/** Resource calendars (rooms) have ids like `{domain}_{hex}@resource.calendar.google.com`; the id is their address. */
function toChoice(entry: GoogleCalendarEntry, account: { name: string; username: string }): CalendarChoice {
  const name = entry.summaryOverride ?? entry.summary ?? entry.id;
  const own = entry.primary === true;
  return { id: entry.id, name, ownerName: own ? account.name : name, ownerEmail: own ? account.username : entry.id, isRoomAccountOwn: own };
}

export interface GoogleCalendarOptions {
  /** events.list `maxResults`; tests make it small to walk several pages. */
  pageSize?: number;
  /** Jitter source for the 429/5xx backoff; tests pin it. */
  random?: () => number;
}

/**
 * The room's Google calendar through @googleapis/calendar, read with calendar.readonly: the room account's calendar
 * list (its primary calendar and the room resource calendars shared with it) and a day's events, recurring series
 * expanded by Google (`singleEvents`), either listed whole (`eventsBetween`) or kept up to date with sync tokens (`sync`).
 */
export class GoogleCalendarSource implements CalendarSource {
  private readonly api: calendar_v3.Calendar;
  private readonly backoff: Backoff;

  /** `auth` is GoogleAuth.accessClient(); `account` is the connected account (owner of the primary calendar). */
  constructor(
    auth: OAuth2Client,
    calendarRootUrl: string,
    private readonly account: { name: string; username: string },
    private readonly log: Logger,
    private readonly options: GoogleCalendarOptions = {},
  ) {
    this.api = calendar({ version: 'v3', auth, rootUrl: calendarRootUrl });
    this.backoff = new Backoff(options.random);
  }

  async listCalendars(): Promise<CalendarChoice[]> {
    const { items } = await this.allPages((pageToken) => this.api.calendarList.list({ ...(pageToken ? { pageToken } : {}) }));
    return validItems(items, GoogleCalendarEntrySchema, this.log, 'google.calendar-skipped').map((entry) => toChoice(entry, this.account));
  }

  async eventsBetween(calendar: CalendarChoice, start: Date, end: Date): Promise<SourceEvent[]> {
    const query: calendar_v3.Params$Resource$Events$List = {
      calendarId: calendar.id,
      singleEvents: true,
      orderBy: 'startTime',
      timeMin: start.toISOString(),
      timeMax: end.toISOString(),
      maxResults: this.options.pageSize ?? DEFAULT_PAGE_SIZE,
    };
    const { items } = await this.allPages((pageToken) => this.api.events.list({ ...query, ...(pageToken ? { pageToken } : {}) }));
    return sourceEventsOf(items, this.log);
  }

  /**
   * Google's sync-token protocol (https://developers.google.com/calendar/api/guides/sync). Throttling and outages
   * become RetryLaterError (Retry-After, else exponential backoff per calendar, reset by the next success).
   */
  async sync(calendar: CalendarChoice, window: SyncWindow, cursor: string | null): Promise<SyncResult> {
    try {
      const result = await this.syncFrom(calendar, window, syncTokenFor(cursor, calendar.id, window));
      this.backoff.succeeded(calendar.id);
      return result;
    } catch (err) {
      throw retryLaterOf(err, () => this.backoff.failed(calendar.id), new Date()) ?? err;
    }
  }

  /** A sync token Google no longer accepts (410) means a full sync, which the caller sees only as `full: true`. */
  private async syncFrom(calendar: CalendarChoice, window: SyncWindow, syncToken: string | null): Promise<SyncResult> {
    if (syncToken !== null) {
      try {
        return await this.incrementalSync(calendar, window, syncToken);
      } catch (err) {
        if (!syncTokenRejected(err)) throw err;
        this.log.info('google.sync-token-rejected', { calendar: calendar.id });
      }
    }
    return this.fullSync(calendar, window);
  }

  /**
   * The window's events and a sync token for them. No orderBy (Google gives no sync token for ordered listings) and
   * no showDeleted: a full result replaces everything the caller had, so tombstones would be noise.
   */
  private async fullSync(calendar: CalendarChoice, window: SyncWindow): Promise<SyncResult> {
    const query: calendar_v3.Params$Resource$Events$List = {
      calendarId: calendar.id,
      singleEvents: true,
      timeMin: window.start.toISOString(),
      timeMax: window.end.toISOString(),
      maxResults: this.options.pageSize ?? DEFAULT_PAGE_SIZE,
    };
    const listing = await this.allPages((pageToken) => this.api.events.list({ ...query, ...(pageToken ? { pageToken } : {}) }, ONE_REQUEST));
    return { full: true, events: sourceEventsOf(listing.items, this.log), removed: [], cursor: this.cursorOf(calendar, window, listing) };
  }

  /** Everything changed since `syncToken`; time bounds are refused alongside it, so the window is applied here. */
  private async incrementalSync(calendar: CalendarChoice, window: SyncWindow, syncToken: string): Promise<SyncResult> {
    const query: calendar_v3.Params$Resource$Events$List = { calendarId: calendar.id, syncToken, singleEvents: true, maxResults: this.options.pageSize ?? DEFAULT_PAGE_SIZE };
    const listing = await this.allPages((pageToken) => this.api.events.list({ ...query, ...(pageToken ? { pageToken } : {}) }, ONE_REQUEST));
    const changes = windowChanges(listing.items, window, listing.timeZone ?? FALLBACK_ZONE, this.log);
    return { full: false, ...changes, cursor: this.cursorOf(calendar, window, listing) };
  }

  /** Without a sync token (a listing cut at MAX_PAGES) the next sync is a full one: slower, never wrong. */
  private cursorOf(calendar: CalendarChoice, window: SyncWindow, listing: Listing): string | null {
    if (listing.nextSyncToken === null) this.log.warn('google.no-sync-token', { calendar: calendar.id });
    return listing.nextSyncToken === null ? null : encodeCursor(calendar.id, window, listing.nextSyncToken);
  }

  /** Follows `nextPageToken`; a dead grant surfaces as ConnectionLostError (the client refreshes inside the call). */
  private async allPages(fetchPage: PageFetcher): Promise<Listing> {
    const items: unknown[] = [];
    let last: GooglePage = {};
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await fetchPage(last.nextPageToken ?? undefined).catch((err: unknown) => {
        throw asConnectionLost(err) ?? err;
      });
      last = GooglePageSchema.parse(response.data);
      items.push(...(last.items ?? []));
      if (!last.nextPageToken) break;
    }
    return { items, nextSyncToken: last.nextSyncToken ?? null, timeZone: last.timeZone ?? null };
  }
}
