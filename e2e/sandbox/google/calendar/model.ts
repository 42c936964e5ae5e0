import type { calendar_v3 } from '@googleapis/calendar';
import type { LocalDate } from '../../core/time';

export type ApiEvent = calendar_v3.Schema$Event;
export type ApiAttendee = calendar_v3.Schema$EventAttendee;

/** A timed start/end (an instant, plus the zone the event was written in, if any) or an all-day date. */
export type EventTime =
  | { readonly kind: 'dateTime'; readonly instant: Date; readonly timeZone: string | null }
  | { readonly kind: 'date'; readonly date: LocalDate; readonly timeZone: string | null };

export type AccessRole = 'owner' | 'writer' | 'reader' | 'freeBusyReader';

export interface CalendarInfo {
  /** Primary calendars are named by their account's email; resource calendars by `…@resource.calendar.google.com`. */
  readonly id: string;
  readonly summary: string;
  readonly description: string | null;
  readonly timeZone: string;
  readonly kind: 'primary' | 'resource';
  /** Lower-case email → role; the calendar list of an account is every calendar it has a role on. */
  readonly acl: ReadonlyMap<string, AccessRole>;
  readonly colorId: string;
  readonly backgroundColor: string;
  readonly foregroundColor: string;
}

/** A Meet conference attached to an event. `pendingReads` > 0: still being created (createRequest status pending). */
export interface Conference {
  /** The client's createRequest.requestId; null for conferences made in the Calendar UI (seeded ones). */
  readonly requestId: string | null;
  readonly code: string;
  readonly pin: string;
  pendingReads: number;
}

export interface Person {
  readonly email: string;
  readonly displayName: string | null;
}

/** Fields a client may set that the sandbox stores and returns as they came (reminders, colorId, ...). */
export type PassThrough = Readonly<Record<string, unknown>>;

/**
 * One stored event: a single event, a recurring series (`recurrence` set), or an exception of a series
 * (`recurringEventId` + `originalStart`). Deleting keeps the record with status "cancelled", as Google does,
 * so incremental sync can report it.
 */
export interface StoredEvent {
  readonly calendarId: string;
  readonly id: string;
  readonly iCalUID: string;
  readonly created: Date;
  status: 'confirmed' | 'tentative' | 'cancelled';
  summary: string | null;
  description: string | null;
  location: string | null;
  visibility: string | null;
  transparency: string | null;
  organizer: Person;
  creator: Person;
  attendees: ApiAttendee[];
  start: EventTime;
  end: EventTime;
  recurrence: string[] | null;
  recurringEventId: string | null;
  originalStart: EventTime | null;
  conference: Conference | null;
  passThrough: PassThrough;
  sequence: number;
  updated: Date;
  /** Store-wide change counter at the last write: what sync tokens compare against. */
  changeSeq: number;
}

/** What a list or get returns for one event: a stored record, or an occurrence computed from a series. */
export interface EventView {
  readonly record: StoredEvent;
  readonly id: string;
  readonly start: EventTime;
  readonly end: EventTime;
  readonly recurringEventId: string | null;
  readonly originalStart: EventTime | null;
  readonly recurrence: string[] | null;
  readonly status: StoredEvent['status'];
}

export class CalendarApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly domain = 'global',
    readonly location?: { readonly name: string; readonly type: 'parameter' | 'header' },
  ) {
    super(message);
  }
}
