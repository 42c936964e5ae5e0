import type { calendar_v3 } from '@googleapis/calendar';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { Sandbox } from '../sandbox';
import { addDays, atTime, fromLocal, localDateOf, parseLocalDate, toLocal } from '../sandbox/core/time';
import { instancesInWindow } from '../sandbox/microsoft/graph/calendar-view';
import { instantOf } from '../sandbox/microsoft/graph/event-factory';

/**
 * What a room screen should show, worked out from the sandbox's calendar as it stands (not from what the kiosk was
 * told along the way) and from the providers' own fields, with none of Roomdeck's code: the yardstick for the
 * scripted-day tests. The rules are the ones people expect of a room display (research/kiosk-features.md §2.2–2.3).
 */

/** One line of the room's day as a person should read it (English wording). */
export interface ShownMeeting {
  /** "Private meeting"; "Meeting by {organizer}" when the subject is missing or is only the organizer's name. */
  title: string;
  organizer: string | null;
  /** Instants; an all-day entry runs from midnight to midnight of the room's zone. */
  start: string;
  end: string;
  allDay: boolean;
  /** Whether it holds the room: "free" entries (reminders, "room usable") do not. */
  holdsRoom: boolean;
}

export interface RoomDay {
  meetings: ShownMeeting[];
  /** Subjects of private meetings: never to be sent to the screen. */
  secrets: string[];
}

export type StatusKind = 'free' | 'starting-soon' | 'busy';

export interface RoomProviderRef {
  provider: 'microsoft' | 'google';
  /** The Microsoft room's mailbox, or the Google room's calendar id. */
  calendar: string;
}

const SOON_MS = 10 * 60_000;

/** The room's day around `now`: midnight to midnight in its zone (23 or 25 hours on DST days). */
export function roomDayWindow(now: Date, zone: string): { start: Date; end: Date } {
  const day = localDateOf(toLocal(now, zone));
  return { start: fromLocal(atTime(day, 0, 0), zone), end: fromLocal(atTime(addDays(day, 1), 0, 0), zone) };
}

function roomMidnight(date: string, zone: string): string {
  const day = parseLocalDate(date);
  if (!day) throw new Error(`not a calendar date: ${date}`);
  return fromLocal(atTime(day, 0, 0), zone).toISOString();
}

function sameName(subject: string, organizer: string | null): boolean {
  return organizer !== null && subject.trim().toLowerCase() === organizer.trim().toLowerCase();
}

function titleOf(subject: string | null | undefined, organizer: string | null, isPrivate: boolean): string {
  if (isPrivate) return 'Private meeting';
  const text = subject?.trim() ?? '';
  if (text !== '' && !sameName(text, organizer)) return text;
  return organizer ? `Meeting by ${organizer}` : 'Meeting';
}

function shown(fields: { subject: string | null | undefined; organizer: string | null; isPrivate: boolean; start: string; end: string; allDay: boolean; holdsRoom: boolean }): ShownMeeting {
  const { subject, organizer, isPrivate, ...when } = fields;
  return { title: titleOf(subject, organizer, isPrivate), organizer: isPrivate ? null : organizer, ...when };
}

function graphMeeting(event: Event, zone: string): ShownMeeting {
  const allDay = event.isAllDay === true;
  const timed = (value: Event['start']) => instantOf(value)?.toISOString() ?? '';
  const dated = (value: Event['start']) => roomMidnight(value?.dateTime?.slice(0, 10) ?? '', zone);
  const isPrivate = event.sensitivity === 'private' || event.sensitivity === 'confidential';
  return shown({
    subject: event.subject,
    organizer: event.organizer?.emailAddress?.name ?? event.organizer?.emailAddress?.address ?? null,
    isPrivate,
    start: allDay ? dated(event.start) : timed(event.start),
    end: allDay ? dated(event.end) : timed(event.end),
    allDay,
    holdsRoom: event.showAs !== 'free',
  });
}

function googleMeeting(event: calendar_v3.Schema$Event, zone: string): ShownMeeting {
  const allDay = !!event.start?.date;
  const when = (value: calendar_v3.Schema$EventDateTime | undefined) => (allDay ? roomMidnight(value?.date ?? '', zone) : new Date(value?.dateTime ?? '').toISOString());
  return shown({
    subject: event.summary,
    organizer: event.organizer?.displayName ?? event.organizer?.email ?? null,
    isPrivate: event.visibility === 'private' || event.visibility === 'confidential',
    start: when(event.start),
    end: when(event.end),
    allDay,
    holdsRoom: event.transparency !== 'transparent',
  });
}

function graphDay(sandbox: Sandbox, mailbox: string, now: Date, zone: string): RoomDay {
  const live = instancesInWindow(sandbox.control.events(mailbox), roomDayWindow(now, zone)).filter((event) => event.isCancelled !== true);
  const secrets = live.filter((event) => event.sensitivity === 'private' || event.sensitivity === 'confidential').map((event) => event.subject ?? '');
  return { meetings: live.map((event) => graphMeeting(event, zone)), secrets };
}

function googleDay(sandbox: Sandbox, calendarId: string, now: Date, zone: string): RoomDay {
  const live = sandbox.control.google.instances(calendarId, roomDayWindow(now, zone));
  const secrets = live.filter((event) => event.visibility === 'private' || event.visibility === 'confidential').map((event) => event.summary ?? '');
  return { meetings: live.map((event) => googleMeeting(event, zone)), secrets };
}

/** The room's day as its calendar holds it at `now`, sorted as a screen lists it. */
export function expectedDay(sandbox: Sandbox, room: RoomProviderRef, now: Date, zone: string): RoomDay {
  const day = room.provider === 'microsoft' ? graphDay(sandbox, room.calendar, now, zone) : googleDay(sandbox, room.calendar, now, zone);
  return { meetings: sortShown(day.meetings), secrets: day.secrets.filter((secret) => secret.trim() !== '') };
}

export function sortShown(meetings: ShownMeeting[]): ShownMeeting[] {
  return [...meetings].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.title.localeCompare(b.title));
}

/** One comparable line per meeting, so a mismatch reads as a diff of the day. */
export function describeDay(meetings: readonly ShownMeeting[]): string[] {
  return meetings.map((m) => `${m.start} → ${m.end} ${m.allDay ? '[all day] ' : ''}${m.title} · ${m.organizer ?? '—'}${m.holdsRoom ? '' : ' (free)'}`);
}

/** What the status band must say: busy while something holds the room, "starting soon" ten minutes before. */
export function expectedStatus(meetings: readonly ShownMeeting[], now: Date): StatusKind {
  const t = now.getTime();
  const holding = meetings.filter((m) => m.holdsRoom);
  if (holding.some((m) => Date.parse(m.start) <= t && Date.parse(m.end) > t)) return 'busy';
  return holding.some((m) => Date.parse(m.start) > t && Date.parse(m.start) - t <= SOON_MS) ? 'starting-soon' : 'free';
}

/** The "Now" card: the timed meeting holding the room, else the all-day booking holding it; and the next one to. */
export function expectedNowAndNext(meetings: readonly ShownMeeting[], now: Date): { now: string | null; next: string | null } {
  const t = now.getTime();
  const holding = sortShown(meetings.filter((m) => m.holdsRoom));
  const live = holding.filter((m) => Date.parse(m.start) <= t && Date.parse(m.end) > t);
  const current = live.find((m) => !m.allDay) ?? live[0] ?? null;
  const next = holding.find((m) => Date.parse(m.start) > t) ?? null;
  return { now: current?.title ?? null, next: next?.title ?? null };
}
