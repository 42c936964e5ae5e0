import { CalendarApiError, type ApiAttendee, type ApiEvent, type EventTime, type PassThrough, type StoredEvent } from './model';
import { assertSupportedRecurrence } from './rrule';
import { instantOf, parseEventTime } from './times';

/** The fields of an event a client writes (insert, patch, update); the store adds ids, times and bookkeeping. */
export type EditableFields = Pick<
  StoredEvent,
  'status' | 'summary' | 'description' | 'location' | 'visibility' | 'transparency' | 'attendees' | 'start' | 'end' | 'recurrence' | 'passThrough'
>;

/** Stored and returned unchanged; everything else a client sends that the sandbox does not model is dropped. */
const PASS_THROUGH_KEYS = ['colorId', 'reminders', 'extendedProperties', 'guestsCanModify', 'guestsCanInviteOthers', 'guestsCanSeeOtherGuests', 'anyoneCanAddSelf', 'source', 'attachments'] as const;

const STATUSES = ['confirmed', 'tentative', 'cancelled'] as const;
const VISIBILITIES = ['default', 'public', 'private', 'confidential'];
const TRANSPARENCIES = ['opaque', 'transparent'];

function has<K extends keyof ApiEvent>(input: ApiEvent, key: K): boolean {
  return Object.prototype.hasOwnProperty.call(input, key);
}

function pick<T>(input: ApiEvent, key: keyof ApiEvent, read: () => T, current: T): T {
  return has(input, key) ? read() : current;
}

function oneOf(value: string | null | undefined, allowed: readonly string[], field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!allowed.includes(value)) throw new CalendarApiError(400, 'invalid', `Invalid value for: ${field}`);
  return value;
}

function statusOf(value: string | null | undefined): StoredEvent['status'] {
  if (!value) return 'confirmed';
  const status = STATUSES.find((candidate) => candidate === value);
  if (!status) throw new CalendarApiError(400, 'invalid', 'Invalid value for: status');
  return status;
}

function attendeesOf(list: ApiAttendee[] | undefined): ApiAttendee[] {
  return (list ?? []).map((attendee) => {
    if (!attendee.email) throw new CalendarApiError(400, 'required', 'Missing attendee email.');
    const { self: _self, organizer: _organizer, ...rest } = attendee;
    return { ...rest, email: attendee.email.toLowerCase(), responseStatus: attendee.responseStatus ?? 'needsAction' };
  });
}

function passThroughOf(input: ApiEvent, current: PassThrough): PassThrough {
  const next: Record<string, unknown> = { ...current };
  for (const key of PASS_THROUGH_KEYS) if (has(input, key)) next[key] = structuredClone(input[key]);
  return next;
}

function checkTimes(start: EventTime, end: EventTime, recurrence: string[] | null, zone: string): void {
  if (start.kind !== end.kind) throw new CalendarApiError(400, 'invalid', 'Start and end times must either both be date or both be dateTime.');
  if (instantOf(end, zone) <= instantOf(start, zone)) throw new CalendarApiError(400, 'timeRangeEmpty', 'The specified time range is empty.', 'calendar', { name: 'end', type: 'parameter' });
  if (recurrence === null) return;
  // Google needs the zone of a series to know where its wall-clock time repeats.
  if (start.kind === 'dateTime' && start.timeZone === null) throw new CalendarApiError(400, 'badRequest', 'Missing time zone definition for start time.');
  assertSupportedRecurrence(recurrence, start.timeZone ?? zone);
}

/**
 * A client's body over the current fields: insert (`current` null), patch (only what the body names changes), or
 * update (`replace`: what the body omits is cleared). Throws Google's 400s for what it would refuse.
 */
export function readEditable(input: ApiEvent, current: EditableFields | null, zone: string, replace = false): EditableFields {
  const base = replace ? null : current;
  const start = has(input, 'start') || !base ? parseEventTime(input.start, 'start') : base.start;
  const end = has(input, 'end') || !base ? parseEventTime(input.end, 'end') : base.end;
  const recurrence = pick(input, 'recurrence', () => (input.recurrence && input.recurrence.length > 0 ? [...input.recurrence] : null), base?.recurrence ?? null);
  checkTimes(start, end, recurrence, zone);
  return {
    status: pick(input, 'status', () => statusOf(input.status), base?.status ?? 'confirmed'),
    summary: pick(input, 'summary', () => input.summary ?? null, base?.summary ?? null),
    description: pick(input, 'description', () => input.description ?? null, base?.description ?? null),
    location: pick(input, 'location', () => input.location ?? null, base?.location ?? null),
    visibility: pick(input, 'visibility', () => oneOf(input.visibility, VISIBILITIES, 'visibility'), base?.visibility ?? null),
    transparency: pick(input, 'transparency', () => oneOf(input.transparency, TRANSPARENCIES, 'transparency'), base?.transparency ?? null),
    attendees: pick(input, 'attendees', () => attendeesOf(input.attendees), base?.attendees ?? []),
    start,
    end,
    recurrence,
    passThrough: passThroughOf(input, base?.passThrough ?? {}),
  };
}

/** Changing when an event happens is what bumps Google's `sequence` (iCalendar SEQUENCE). */
export function timingChanged(before: EditableFields, after: EditableFields, zone: string): boolean {
  const same = (a: EventTime, b: EventTime) => a.kind === b.kind && instantOf(a, zone).getTime() === instantOf(b, zone).getTime();
  return !same(before.start, after.start) || !same(before.end, after.end) || JSON.stringify(before.recurrence) !== JSON.stringify(after.recurrence);
}
