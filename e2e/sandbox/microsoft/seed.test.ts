import type { Event } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { CONTOSO, Directory } from '../microsoft/directory';
import { instancesInWindow } from '../microsoft/graph/calendar-view';
import { instantOf } from '../microsoft/graph/event-factory';
import { CalendarStore } from '../microsoft/graph/store';
import { cleanICalUId, globalObjectIdValue } from '../microsoft/graph/global-object-id';
import { loadSeed, SEED_ACCOUNTS, seedEvents, seedMessages } from '../microsoft/seed';

const HOUR = 3600_000;
const ROOMS = ['boardroom4@contoso.com', 'huddle2@contoso.com', 'focus1@contoso.com'];

function seededStore(anchor: Date): CalendarStore {
  const store = new CalendarStore(() => anchor, new Directory(CONTOSO, SEED_ACCOUNTS));
  loadSeed(store, CONTOSO, anchor);
  return store;
}

function timedAround(store: CalendarStore, room: string, anchor: Date): Event[] {
  const calendar = store.defaultCalendar(room);
  if (!calendar) throw new Error(`no calendar for ${room}`);
  const window = { start: new Date(anchor.getTime() - 24 * HOUR), end: new Date(anchor.getTime() + 24 * HOUR) };
  return instancesInWindow(store.eventsIn(calendar.id), window).filter((event) => !event.isAllDay);
}

const start = (event: Event): number => instantOf(event.start)?.getTime() ?? NaN;
const end = (event: Event): number => instantOf(event.end)?.getTime() ?? NaN;

describe('seed', () => {
  // Mid-morning in Rome; Rome's spring-forward night; late evening; a Saturday afternoon in summer.
  const anchors = ['2026-11-23T10:10:00Z', '2026-03-29T00:50:00Z', '2026-11-23T21:45:00Z', '2026-06-06T15:00:00Z'].map((iso) => new Date(iso));

  it.each(anchors)('keeps each room alive around %s: one meeting now, the next in 60–90 minutes, no double booking', (anchor) => {
    const store = seededStore(anchor);
    for (const room of ROOMS) {
      const events = timedAround(store, room, anchor);
      const now = events.filter((event) => start(event) <= anchor.getTime() && end(event) > anchor.getTime());
      expect(now, room).toHaveLength(1);
      const next = events.filter((event) => start(event) > anchor.getTime()).sort((a, b) => start(a) - start(b))[0];
      expect((start(next ?? {}) - anchor.getTime()) / 60_000, room).toBeGreaterThan(60);
      expect((start(next ?? {}) - anchor.getTime()) / 60_000, room).toBeLessThanOrEqual(90);
      for (const [index, event] of events.entries()) {
        for (const other of events.slice(index + 1)) expect(start(other) >= end(event) || end(other) <= start(event), `${event.subject} / ${other.subject}`).toBe(true);
      }
    }
  });

  it('has seven meetings in Boardroom 4 on an ordinary day, and an all-day entry in Huddle 2', () => {
    const anchor = new Date('2026-11-23T10:10:00Z');
    const store = seededStore(anchor);
    const romeDay = { start: new Date('2026-11-22T23:00:00Z'), end: new Date('2026-11-23T23:00:00Z') };
    const boardroom = instancesInWindow(store.eventsIn(store.defaultCalendar(ROOMS[0] ?? '')?.id ?? ''), romeDay);
    expect(boardroom).toHaveLength(7);
    const huddle = store.events('huddle2@contoso.com');
    expect(huddle.filter((event) => event.isAllDay).map((event) => event.subject)).toEqual(['Facilities: carpet cleaning (room usable)']);
  });

  it('is deterministic for an anchor', () => {
    const anchor = new Date('2026-11-23T10:10:00Z');
    expect(seedEvents(CONTOSO, anchor)).toEqual(seedEvents(CONTOSO, anchor));
    expect(seedEvents(CONTOSO, anchor)).not.toEqual(seedEvents(CONTOSO, new Date('2026-11-24T10:10:00Z')));
  });

  it('files every meeting’s invitation in its room’s mailbox, correlated by GlobalObjectId; only Focus Room 1 strips its calendar items', () => {
    const anchor = new Date('2026-11-23T10:10:00Z');
    const events = seedEvents(CONTOSO, anchor);
    const messages = seedMessages(CONTOSO, anchor);
    expect(messages).toHaveLength(events.length);
    for (const [index, seeded] of events.entries()) {
      const { message } = messages[index] ?? {};
      const properties = Object.fromEntries((message?.extendedProperties ?? []).map((property) => [property.id, property.value]));
      expect(message?.eventId).toBe(seeded.id);
      expect(message?.message.subject).toBe(seeded.invitation.subject);
      expect(message?.message.body?.content).toBe(seeded.invitation.body);
      expect(properties['Binary {6ED8DA90-450B-101B-98DA-00AA003F1305} Id 0x23']).toBe(globalObjectIdValue(cleanICalUId(seeded.event.iCalUId ?? '')));
      const stripped = seeded.ownerUpn === 'focus1@contoso.com';
      expect(seeded.event.subject, seeded.id).toBe(stripped ? seeded.event.organizer?.emailAddress?.name : seeded.invitation.subject);
      expect(seeded.event.body?.content === seeded.invitation.body, seeded.id).toBe(!stripped);
    }
  });
});
