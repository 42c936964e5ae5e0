import { calendar, type calendar_v3 } from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';
import type { z } from 'zod';
import type { CalendarChoice, ShowAs } from '../../../shared/model';
import { asConnectionLost } from '../../auth/google-auth';
import type { CalendarSource, SourceEvent } from '../../calendar/calendar-source';
import type { Logger } from '../../health/logger';
import { GoogleCalendarEntrySchema, GoogleEventSchema, GooglePageSchema, type GoogleCalendarEntry, type GoogleEvent, type GoogleEventTime } from './google-schemas';

/** Guards against a server that pages forever. */
const MAX_PAGES = 50;
/** Calendar v3's own default page size for events.list. */
const DEFAULT_PAGE_SIZE = 250;

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

/** Events as the agenda reads them; one Google cannot place in time is skipped like one that fails validation. */
export function sourceEventsOf(items: readonly unknown[], log: Logger): SourceEvent[] {
  return validItems(items, GoogleEventSchema, log, 'google.event-skipped').flatMap((event) => {
    const mapped = toSourceEvent(event);
    if (!mapped) log.warn('google.event-skipped', { id: event.id, issue: 'no usable start/end' });
    return mapped ? [mapped] : [];
  });
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
}

/**
 * The room's Google calendar through @googleapis/calendar, read with calendar.readonly: the room account's calendar
 * list (its primary calendar and the room resource calendars shared with it) and a day's events, recurring series
 * expanded by Google (`singleEvents`). A full listing each time; incremental syncToken sync can replace `listEvents`.
 */
export class GoogleCalendarSource implements CalendarSource {
  private readonly api: calendar_v3.Calendar;

  /** `auth` is GoogleAuth.accessClient(); `account` is the connected account (owner of the primary calendar). */
  constructor(
    auth: OAuth2Client,
    calendarRootUrl: string,
    private readonly account: { name: string; username: string },
    private readonly log: Logger,
    private readonly options: GoogleCalendarOptions = {},
  ) {
    this.api = calendar({ version: 'v3', auth, rootUrl: calendarRootUrl });
  }

  async listCalendars(): Promise<CalendarChoice[]> {
    const items = await this.allItems((pageToken) => this.api.calendarList.list({ ...(pageToken ? { pageToken } : {}) }));
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
    const items = await this.allItems((pageToken) => this.api.events.list({ ...query, ...(pageToken ? { pageToken } : {}) }));
    return sourceEventsOf(items, this.log);
  }

  /** Follows `nextPageToken`; a dead grant surfaces as ConnectionLostError (the client refreshes inside the call). */
  private async allItems(fetchPage: (pageToken: string | undefined) => Promise<{ data: unknown }>): Promise<unknown[]> {
    const items: unknown[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await fetchPage(pageToken).catch((err: unknown) => {
        throw asConnectionLost(err) ?? err;
      });
      const parsed = GooglePageSchema.parse(response.data);
      items.push(...(parsed.items ?? []));
      pageToken = parsed.nextPageToken ?? undefined;
      if (!pageToken) break;
    }
    return items;
  }
}
