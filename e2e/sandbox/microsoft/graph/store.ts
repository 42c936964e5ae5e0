import { randomBytes } from 'node:crypto';
import type { CalendarColor, Event } from '@microsoft/microsoft-graph-types';
import type { Clock } from '../../core/clock';
import type { Directory } from '../directory';
import { createEvent, graphId, newChangeKey, updateEvent } from './event-factory';

export interface StoredCalendar {
  readonly id: string;
  readonly ownerUpn: string;
  readonly name: string;
  readonly color: CalendarColor;
  readonly hexColor: string;
  readonly isDefault: boolean;
  readonly changeKey: string;
  /** Lower-case UPNs with read access (Outlook "can view all details" sharing). */
  readonly sharedWith: readonly string[];
}

export interface NewCalendar {
  readonly ownerUpn: string;
  readonly name: string;
  readonly color?: CalendarColor;
  readonly hexColor?: string;
  readonly isDefault?: boolean;
  readonly sharedWith?: readonly string[];
}

interface StoredEvent {
  readonly calendarId: string;
  readonly ownerUpn: string;
  event: Event;
}

/** One entry of the change log: the event as it was just before change number `seq` (null: it did not exist). */
interface Change {
  readonly seq: number;
  readonly calendarId: string;
  readonly eventId: string;
  readonly before: Event | null;
}

/** Addressing for addEvent: a calendar other than the owner's default, and/or a fixed id (the seed uses both). */
export interface EventPlacement {
  readonly calendarId?: string;
  readonly id?: string;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Mailboxes' calendars and events. Events are kept as Graph `event` resources in their original zone (as
 * Exchange keeps them); time-zone conversion and occurrence expansion happen when they are read.
 */
export class CalendarStore {
  private readonly calendarList: StoredCalendar[] = [];
  private readonly eventsById = new Map<string, StoredEvent>();
  /**
   * Change tracking for delta queries: every mutation bumps `watermark` and logs the prior state, so the calendar as
   * it was at any watermark since `trackedFrom` can be rebuilt. Delta tokens are watermarks; older ones are gone.
   */
  private readonly changeLog: Change[] = [];
  private watermarkValue = 0;
  private trackedFrom = 0;

  constructor(
    private readonly clock: Clock,
    private readonly directory: Directory,
  ) {}

  addCalendar(input: NewCalendar): StoredCalendar {
    const owner = this.directory.require(input.ownerUpn);
    const calendar: StoredCalendar = {
      id: graphId(`calendar:${owner.userPrincipalName}:${input.name}`),
      ownerUpn: owner.userPrincipalName,
      name: input.name,
      color: input.color ?? 'auto',
      hexColor: input.hexColor ?? '',
      isDefault: input.isDefault ?? false,
      changeKey: newChangeKey(),
      sharedWith: (input.sharedWith ?? []).map((upn) => this.directory.require(upn).userPrincipalName.toLowerCase()),
    };
    this.calendarList.push(calendar);
    return calendar;
  }

  ownCalendars(upn: string): StoredCalendar[] {
    return this.calendarList.filter((calendar) => calendar.ownerUpn.toLowerCase() === upn.toLowerCase());
  }

  /** Other people's calendars shared with this user. */
  calendarsSharedWith(upn: string): StoredCalendar[] {
    return this.calendarList.filter((calendar) => calendar.sharedWith.includes(upn.toLowerCase()));
  }

  findCalendar(id: string): StoredCalendar | null {
    return this.calendarList.find((calendar) => calendar.id === id) ?? null;
  }

  defaultCalendar(upn: string): StoredCalendar | null {
    return this.ownCalendars(upn).find((calendar) => calendar.isDefault) ?? null;
  }

  /** Events (series masters, not occurrences) of one calendar; read-only view for the Graph routes. */
  eventsIn(calendarId: string): readonly Event[] {
    return [...this.eventsById.values()].filter((stored) => stored.calendarId === calendarId).map((stored) => stored.event);
  }

  addEvent(ownerUpn: string, input: Event, placement: EventPlacement = {}): Event {
    const owner = this.directory.require(ownerUpn);
    const calendar = placement.calendarId ? this.findCalendar(placement.calendarId) : this.defaultCalendar(owner.userPrincipalName);
    if (!calendar || calendar.ownerUpn !== owner.userPrincipalName) throw new Error(`${owner.userPrincipalName} has no such calendar`);
    const id = placement.id ?? graphId(`event:${randomBytes(16).toString('hex')}`);
    if (this.eventsById.has(id)) throw new Error(`event id ${id} already exists`);
    const event = createEvent({ id, owner, directory: this.directory, now: this.clock() }, clone(input));
    this.logChange(calendar.id, id, null);
    this.eventsById.set(id, { calendarId: calendar.id, ownerUpn: owner.userPrincipalName, event });
    return clone(event);
  }

  updateEvent(ownerUpn: string, id: string, patch: Event): Event {
    const stored = this.requireEvent(ownerUpn, id);
    const owner = this.directory.require(ownerUpn);
    const updated = updateEvent({ id, owner, directory: this.directory, now: this.clock() }, stored.event, clone(patch));
    this.logChange(stored.calendarId, id, stored.event);
    stored.event = updated;
    return clone(stored.event);
  }

  /** Deleting a series deletes its exceptions with it, as Exchange does. */
  deleteEvent(ownerUpn: string, id: string): void {
    const stored = this.requireEvent(ownerUpn, id);
    this.logChange(stored.calendarId, id, stored.event);
    this.eventsById.delete(id);
    for (const [exceptionId, other] of [...this.eventsById]) {
      if (other.event.type !== 'exception' || other.event.seriesMasterId !== id) continue;
      this.logChange(other.calendarId, exceptionId, other.event);
      this.eventsById.delete(exceptionId);
    }
  }

  /** The calendar an event is in, or null for an unknown id. */
  calendarOf(id: string): string | null {
    return this.eventsById.get(id)?.calendarId ?? null;
  }

  /** The current change number; a delta round started now reports changes after it next time. */
  watermark(): number {
    return this.watermarkValue;
  }

  /** False for a watermark from before `forgetHistory` (or from the future): its delta token is gone. */
  canReplayFrom(watermark: number): boolean {
    return watermark >= this.trackedFrom && watermark <= this.watermarkValue;
  }

  /**
   * Drops the change history, as Exchange does when its delta token cache evicts a sync state: every outstanding
   * watermark stops being replayable. Counts as a change so that tokens issued afterwards are distinguishable.
   */
  forgetHistory(): void {
    this.watermarkValue += 1;
    this.trackedFrom = this.watermarkValue;
    this.changeLog.length = 0;
  }

  /** A calendar's events (series masters, not occurrences) as they were at `watermark`. */
  eventsAt(calendarId: string, watermark: number): Event[] {
    const current = new Map([...this.eventsById].filter(([, stored]) => stored.calendarId === calendarId).map(([id, stored]) => [id, stored.event]));
    // Undo changes newest first, so each event ends up in the state its earliest later change recorded.
    for (const change of this.changesAfter(calendarId, watermark).reverse()) {
      if (change.before) current.set(change.eventId, change.before);
      else current.delete(change.eventId);
    }
    return [...current.values()].map(clone);
  }

  /** Ids of a calendar's events that changed in (from, to], in the order they first changed. */
  changedBetween(calendarId: string, from: number, to: number): string[] {
    return [...new Set(this.changesAfter(calendarId, from).filter((change) => change.seq <= to).map((change) => change.eventId))];
  }

  events(ownerUpn: string): Event[] {
    const owner = this.directory.require(ownerUpn).userPrincipalName;
    return [...this.eventsById.values()].filter((stored) => stored.ownerUpn === owner).map((stored) => clone(stored.event));
  }

  private changesAfter(calendarId: string, watermark: number): Change[] {
    return this.changeLog.filter((change) => change.calendarId === calendarId && change.seq > watermark);
  }

  private logChange(calendarId: string, eventId: string, before: Event | null): void {
    this.watermarkValue += 1;
    this.changeLog.push({ seq: this.watermarkValue, calendarId, eventId, before: before && clone(before) });
  }

  private requireEvent(ownerUpn: string, id: string): StoredEvent {
    const owner = this.directory.require(ownerUpn).userPrincipalName;
    const stored = this.eventsById.get(id);
    if (!stored || stored.ownerUpn !== owner) throw new Error(`${owner} has no event with id ${id}`);
    return stored;
  }
}
