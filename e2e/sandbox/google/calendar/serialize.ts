import { base64url } from '../../core/ids';
import { conferenceFields } from './conference';
import type { ApiAttendee, ApiEvent, EventView, Person, StoredEvent } from './model';
import { formatEventTime } from './times';

/** Etags change on every write; Google's are quoted 16-digit numbers. */
function eventEtag(record: StoredEvent): string {
  return `"33${String(record.changeSeq).padStart(14, '0')}"`;
}

function person(value: Person, calendarId: string): NonNullable<ApiEvent['organizer']> {
  return { email: value.email, ...(value.displayName ? { displayName: value.displayName } : {}), ...(value.email === calendarId ? { self: true } : {}) };
}

function attendees(record: StoredEvent): ApiAttendee[] {
  return record.attendees.map((attendee) => ({
    ...attendee,
    ...(attendee.email === record.organizer.email ? { organizer: true } : {}),
    ...(attendee.email === record.calendarId ? { self: true } : {}),
  }));
}

/**
 * Deleted events and cancelled occurrences in lists: Google only guarantees the id (and, for occurrences, the
 * series id and original start), so the sandbox sends no more than that.
 */
function tombstone(view: EventView, zone: string): ApiEvent {
  return {
    kind: 'calendar#event',
    etag: eventEtag(view.record),
    id: view.id,
    status: 'cancelled',
    ...(view.recurringEventId ? { recurringEventId: view.recurringEventId } : {}),
    ...(view.originalStart ? { originalStartTime: formatEventTime(view.originalStart, zone) } : {}),
  };
}

/** The event resource, times written in `zone` (the calendar's, or the request's timeZone), fields in Google's order. */
export function toApiEvent(view: EventView, zone: string): ApiEvent {
  const { record } = view;
  const optional = <K extends keyof ApiEvent>(name: K, value: ApiEvent[K] | null): Partial<ApiEvent> => (value === null || value === undefined ? {} : { [name]: value });
  return {
    kind: 'calendar#event',
    etag: eventEtag(record),
    id: view.id,
    status: view.status,
    htmlLink: `https://www.google.com/calendar/event?eid=${base64url(`${view.id} ${record.calendarId}`)}`,
    created: record.created.toISOString(),
    updated: record.updated.toISOString(),
    ...optional('summary', record.summary),
    ...optional('description', record.description),
    ...optional('location', record.location),
    creator: person(record.creator, record.calendarId),
    organizer: person(record.organizer, record.calendarId),
    start: formatEventTime(view.start, zone),
    end: formatEventTime(view.end, zone),
    ...optional('recurrence', view.recurrence),
    ...optional('recurringEventId', view.recurringEventId),
    ...(view.originalStart ? { originalStartTime: formatEventTime(view.originalStart, zone) } : {}),
    ...optional('transparency', record.transparency),
    ...optional('visibility', record.visibility),
    iCalUID: record.iCalUID,
    sequence: record.sequence,
    ...(record.attendees.length > 0 ? { attendees: attendees(record) } : {}),
    ...conferenceFields(record.conference),
    reminders: { useDefault: true },
    ...record.passThrough,
    eventType: 'default',
  };
}

/** What lists return for a view: the event, or a tombstone when it is cancelled. */
export function listItem(view: EventView, zone: string): ApiEvent {
  return view.status === 'cancelled' ? tombstone(view, zone) : toApiEvent(view, zone);
}
