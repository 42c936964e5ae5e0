import type { Event } from '@microsoft/microsoft-graph-types';
import type { Sandbox } from '../sandbox';
import { instancesInWindow } from '../sandbox/microsoft/graph/calendar-view';
import { instantOf } from '../sandbox/microsoft/graph/event-factory';

export interface ExpectedMeeting {
  subject: string | null;
  start: Date;
  end: Date;
  isPrivate: boolean;
  joinUrl: string | null;
  raw: Event;
}

/**
 * What the room calendar really holds for the rest of today, read from the sandbox's own store (occurrences
 * expanded the way Graph's calendarView does): the yardstick the screen is compared against.
 */
export function upcomingToday(sandbox: Sandbox, owner: string, now = new Date()): ExpectedMeeting[] {
  const endOfWindow = new Date(now.getTime() + 24 * 3_600_000);
  return instancesInWindow(sandbox.control.events(owner), { start: now, end: endOfWindow })
    .filter((e) => !e.isCancelled)
    .map((e) => ({
      subject: e.subject ?? null,
      start: instantOf(e.start) ?? now,
      end: instantOf(e.end) ?? now,
      isPrivate: e.sensitivity === 'private' || e.sensitivity === 'confidential',
      joinUrl: e.onlineMeeting?.joinUrl ?? null,
      raw: e,
    }))
    .filter((m) => m.end > now && m.start.toDateString() === now.toDateString());
}

/** Graph wall time in UTC (`2026-11-22T10:00:00.0000000`), as Outlook stores an event created in a UTC client. */
export function graphUtc(date: Date): { dateTime: string; timeZone: string } {
  return { dateTime: date.toISOString().replace('Z', '0000'), timeZone: 'UTC' };
}

/** Deletes what holds a Microsoft room now (and, with `minutes`, what starts within them), so "Meet now" / "Book now" are offered. */
export function freeRoomNow(sandbox: Sandbox, owner: string, minutes = 0): void {
  const now = new Date();
  const until = now.getTime() + minutes * 60_000;
  for (const m of upcomingToday(sandbox, owner, now)) if (m.start.getTime() <= until && m.raw.id) sandbox.control.deleteEvent(owner, m.raw.id);
}

/** Clears what holds the Google room now (the seed's all-day reservation and the meeting in progress). */
export function freeGoogleRoom(sandbox: Sandbox): void {
  const calendarId = sandbox.google.roomCalendarId;
  const now = Date.now();
  const today = new Date().toISOString().slice(0, 10);
  for (const e of sandbox.control.google.events(calendarId)) {
    const allDayToday = !!e.start?.date && e.start.date <= today && (e.end?.date ?? '') > today;
    const live = !!e.start?.dateTime && Date.parse(e.start.dateTime) <= now && Date.parse(e.end?.dateTime ?? '') > now;
    if ((allDayToday || live) && e.id && !e.recurrence) sandbox.control.google.deleteEvent(calendarId, e.id);
  }
}
