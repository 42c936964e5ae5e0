import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { conferenceAfterWrite } from './conference';
import { readEditable, timingChanged, type EditableFields } from './event-input';
import { findOccurrence, overlaps, parseInstanceId, seriesZone } from './instances';
import { CalendarApiError, type AccessRole, type ApiEvent, type CalendarInfo, type Conference, type Person, type StoredEvent } from './model';

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
const EVENT_ID = /^[a-v0-9]{5,1024}$/;

function newEventId(): string {
  return Array.from(randomBytes(26), (byte) => BASE32HEX[byte % 32]).join('');
}

export interface WriteOptions {
  /** `conferenceDataVersion`; below 1 conferenceData in the body is ignored. */
  readonly conferenceDataVersion: number;
  /** Who writes (the creator); null: the calendar itself (seed, control). */
  readonly actor: Person | null;
  /** Only events.import may set the organizer in Google; the seed and control need to, for invitations from others. */
  readonly organizer?: Person;
  /** A conference made in the Calendar UI (the seed's): present without any createRequest. */
  readonly conference?: Conference;
}

const key = (calendarId: string, eventId: string): string => `${calendarId}\u0000${eventId}`;

export const NOT_FOUND = (): CalendarApiError => new CalendarApiError(404, 'notFound', 'Not Found');

/**
 * Calendars, their ACLs, and their events, with a store-wide change counter for sync tokens. The API routes and
 * the control operations both write through here, so a test's edit shows up in the kiosk's next incremental sync.
 */
export class GoogleCalendarStore {
  private readonly calendars = new Map<string, CalendarInfo>();
  private readonly records = new Map<string, StoredEvent>();
  private changeCounter = 0;
  private epoch = 1;
  private pendingReadsForNext = 0;

  constructor(private readonly clock: Clock) {}

  addCalendar(calendar: CalendarInfo): void {
    this.calendars.set(calendar.id, calendar);
  }

  calendar(id: string): CalendarInfo | null {
    return this.calendars.get(id) ?? null;
  }

  requireCalendar(id: string): CalendarInfo {
    const calendar = this.calendar(id);
    if (!calendar) throw new Error(`unknown calendar "${id}"; known: ${[...this.calendars.keys()].join(', ')}`);
    return calendar;
  }

  /** The calendar list of an account: every calendar it has a role on. */
  calendarsOf(email: string): { calendar: CalendarInfo; role: AccessRole }[] {
    const wanted = email.toLowerCase();
    return [...this.calendars.values()].flatMap((calendar) => {
      const role = calendar.acl.get(wanted);
      return role ? [{ calendar, role }] : [];
    });
  }

  roleOf(email: string, calendarId: string): AccessRole | null {
    return this.calendar(calendarId)?.acl.get(email.toLowerCase()) ?? null;
  }

  /** Sync tokens carry the watermark they were issued at and this epoch; bumping it makes every token answer 410. */
  get watermark(): number {
    return this.changeCounter;
  }

  get syncEpoch(): number {
    return this.epoch;
  }

  invalidateSyncTokens(): void {
    this.epoch += 1;
  }

  /** The next Meet conference created stays "pending" for this many events.get calls. */
  pendingConference(reads: number): void {
    if (!Number.isInteger(reads) || reads < 0) throw new Error(`pendingConference needs a non-negative integer, got ${reads}`);
    this.pendingReadsForNext = reads;
  }

  eventsIn(calendarId: string): StoredEvent[] {
    return [...this.records.values()].filter((record) => record.calendarId === calendarId);
  }

  find(calendarId: string, eventId: string): StoredEvent | null {
    return this.records.get(key(calendarId, eventId)) ?? null;
  }

  exceptionsOf(series: StoredEvent): StoredEvent[] {
    return this.eventsIn(series.calendarId).filter((record) => record.recurringEventId === series.id);
  }

  insert(calendarId: string, input: ApiEvent, options: WriteOptions): StoredEvent {
    const calendar = this.requireCalendar(calendarId);
    const id = this.idFor(calendarId, input.id ?? null);
    const fields = readEditable(input, null, calendar.timeZone);
    const calendarAsPerson: Person = { email: calendar.id, displayName: calendar.summary };
    const now = this.clock();
    const record: StoredEvent = {
      ...fields,
      calendarId,
      id,
      iCalUID: `${id}@google.com`,
      created: now,
      // The organizer of a new event is the calendar it is created in, whoever writes it.
      organizer: options.organizer ?? calendarAsPerson,
      creator: options.actor ?? options.organizer ?? calendarAsPerson,
      recurringEventId: null,
      originalStart: null,
      conference: options.conference ?? conferenceAfterWrite(input, null, this.conferenceWrite(calendarId, id, options)),
      sequence: 0,
      updated: now,
      changeSeq: 0,
    };
    this.records.set(key(calendarId, id), record);
    this.touch(record);
    this.syncResourceCopies(record);
    return record;
  }

  /** events.patch (`replace` false) and events.update (`replace` true); an occurrence id turns into an exception first. */
  patch(calendarId: string, eventId: string, input: ApiEvent, options: WriteOptions, replace = false): StoredEvent {
    const calendar = this.requireCalendar(calendarId);
    const record = this.find(calendarId, eventId) ?? this.materializeException(calendar, eventId);
    const before: EditableFields = { ...record };
    const after = readEditable(input, before, calendar.timeZone, replace);
    if (record.recurringEventId !== null && after.recurrence !== null) throw new CalendarApiError(400, 'invalid', 'An exception of a recurring event cannot have a recurrence.');
    Object.assign(record, after);
    record.conference = conferenceAfterWrite(input, record.conference, this.conferenceWrite(calendarId, record.id, options));
    if (options.organizer) record.organizer = options.organizer;
    if (timingChanged(before, after, calendar.timeZone)) record.sequence += 1;
    this.touch(record);
    if (record.recurrence !== null && record.status === 'cancelled') this.cancelExceptions(record);
    this.syncResourceCopies(record);
    return record;
  }

  /** events.delete: the record stays, cancelled. Deleting it again is Google's 410 "Resource has been deleted". */
  remove(calendarId: string, eventId: string): void {
    const calendar = this.requireCalendar(calendarId);
    const record = this.find(calendarId, eventId) ?? this.materializeException(calendar, eventId);
    if (record.status === 'cancelled') throw new CalendarApiError(410, 'deleted', 'Resource has been deleted');
    record.status = 'cancelled';
    this.touch(record);
    this.cancelExceptions(record);
    this.syncResourceCopies(record);
  }

  /** events.get on an event whose Meet conference is still being created: one read closer to "success". */
  noteConferenceRead(record: StoredEvent): void {
    const conference = record.conference;
    if (!conference || conference.pendingReads === 0) return;
    conference.pendingReads -= 1;
    // The event changes when the conference comes up, so incremental sync delivers the link.
    if (conference.pendingReads === 0) this.touch(record);
  }

  private touch(record: StoredEvent): void {
    this.changeCounter += 1;
    record.changeSeq = this.changeCounter;
    record.updated = this.clock();
  }

  private idFor(calendarId: string, requested: string | null): string {
    if (requested === null) return newEventId();
    if (!EVENT_ID.test(requested)) throw new CalendarApiError(400, 'invalid', 'Invalid resource id value.');
    // Ids stay taken after deletion: replaying an insert is how clients make it idempotent.
    if (this.find(calendarId, requested)) throw new CalendarApiError(409, 'duplicate', 'The requested identifier already exists.');
    return requested;
  }

  private conferenceWrite(calendarId: string, eventId: string, options: WriteOptions) {
    return {
      version: options.conferenceDataVersion,
      seed: `${calendarId}:${eventId}`,
      pendingReads: () => {
        const reads = this.pendingReadsForNext;
        this.pendingReadsForNext = 0;
        return reads;
      },
    };
  }

  /** Writing to one occurrence of a series turns it into an exception: a record of its own, tied to the series. */
  private materializeException(calendar: CalendarInfo, instanceId: string): StoredEvent {
    const parsed = parseInstanceId(instanceId);
    const series = parsed ? this.find(calendar.id, parsed.seriesId) : null;
    const occurrence = series && parsed ? findOccurrence(series, calendar, parsed.suffix) : null;
    if (!series || !occurrence) throw NOT_FOUND();
    const exception: StoredEvent = {
      ...structuredClone(series),
      id: instanceId,
      recurrence: null,
      recurringEventId: series.id,
      originalStart: occurrence.start,
      start: occurrence.start,
      end: occurrence.end,
    };
    this.records.set(key(calendar.id, instanceId), exception);
    return exception;
  }

  private cancelExceptions(series: StoredEvent): void {
    for (const exception of this.exceptionsOf(series)) {
      if (exception.status === 'cancelled') continue;
      exception.status = 'cancelled';
      this.touch(exception);
    }
  }

  /**
   * An event its organizer writes in their own calendar, with a resource calendar among the attendees, lands in
   * that resource's calendar too (same id), as Google Calendar does. The resource accepts unless it is already
   * busy then (auto-accept declines conflicts), and a declined resource gets no copy.
   */
  private syncResourceCopies(record: StoredEvent): void {
    if (record.organizer.email !== record.calendarId) return;
    for (const attendee of record.attendees) {
      const resource = attendee.email ? this.calendar(attendee.email) : null;
      if (!resource || resource.kind !== 'resource' || resource.id === record.calendarId) continue;
      attendee.resource = true;
      const copy = this.find(resource.id, record.id);
      if (!copy && attendee.responseStatus !== 'accepted') attendee.responseStatus = this.isBusy(resource, record) ? 'declined' : 'accepted';
      if (attendee.responseStatus === 'accepted') this.writeCopy(resource, record);
      else if (copy && copy.status !== 'cancelled') this.cancelCopy(copy);
    }
    const invited = new Set(record.attendees.map((attendee) => attendee.email));
    for (const copy of [...this.records.values()]) {
      if (copy.id === record.id && copy.calendarId !== record.calendarId && !invited.has(copy.calendarId) && copy.status !== 'cancelled') this.cancelCopy(copy);
    }
  }

  /** Timed, opaque, live single events only: the sandbox's auto-accept ignores series and all-day entries. */
  private isBusy(resource: CalendarInfo, candidate: StoredEvent): boolean {
    if (candidate.recurrence !== null || candidate.start.kind !== 'dateTime' || candidate.end.kind !== 'dateTime') return false;
    const window = { start: candidate.start.instant, end: candidate.end.instant };
    return this.eventsIn(resource.id).some(
      (other) =>
        other.id !== candidate.id && other.status !== 'cancelled' && other.transparency !== 'transparent' && other.recurrence === null && other.start.kind === 'dateTime' && overlaps(other, window, seriesZone(other, resource)),
    );
  }

  private writeCopy(resource: CalendarInfo, record: StoredEvent): void {
    const copy: StoredEvent = { ...structuredClone(record), calendarId: resource.id, changeSeq: 0 };
    this.records.set(key(resource.id, record.id), copy);
    this.touch(copy);
  }

  private cancelCopy(copy: StoredEvent): void {
    copy.status = 'cancelled';
    this.touch(copy);
  }
}
