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
    this.eventsById.set(id, { calendarId: calendar.id, ownerUpn: owner.userPrincipalName, event });
    return clone(event);
  }

  updateEvent(ownerUpn: string, id: string, patch: Event): Event {
    const stored = this.requireEvent(ownerUpn, id);
    const owner = this.directory.require(ownerUpn);
    stored.event = updateEvent({ id, owner, directory: this.directory, now: this.clock() }, stored.event, clone(patch));
    return clone(stored.event);
  }

  deleteEvent(ownerUpn: string, id: string): void {
    this.requireEvent(ownerUpn, id);
    this.eventsById.delete(id);
  }

  events(ownerUpn: string): Event[] {
    const owner = this.directory.require(ownerUpn).userPrincipalName;
    return [...this.eventsById.values()].filter((stored) => stored.ownerUpn === owner).map((stored) => clone(stored.event));
  }

  private requireEvent(ownerUpn: string, id: string): StoredEvent {
    const owner = this.directory.require(ownerUpn).userPrincipalName;
    const stored = this.eventsById.get(id);
    if (!stored || stored.ownerUpn !== owner) throw new Error(`${owner} has no event with id ${id}`);
    return stored;
  }
}
