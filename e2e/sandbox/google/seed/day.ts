import { stableLetters } from '../../core/ids';
import { addDays, atTime, formatLocalDate, fromLocal, localDateOf, toLocal, type LocalDate } from '../../core/time';
import { meetConference } from '../calendar/conference';
import type { ApiEvent, Person } from '../calendar/model';
import type { GoogleCalendarStore } from '../calendar/store';
import { formatRfc3339, instanceSuffix } from '../calendar/times';
import type { ExternalContact, GoogleAccount } from '../directory';
import { GOOGLE_EXTERNALS, GOOGLE_PEOPLE } from './accounts';
import { ATLAS_RESOURCE } from './calendars';
import { teamsDescription, webexDescription, zoomDescription } from './invitations';

type Participant = GoogleAccount | ExternalContact;
type Conferencing = 'meet' | 'zoom' | 'teams' | 'webex' | 'none';

interface SeedMeeting {
  readonly key: string;
  readonly summary: string;
  readonly intro: string;
  readonly organizer: Participant;
  readonly attendees: readonly Participant[];
  readonly minutes: number;
  readonly conferencing: Conferencing;
  readonly visibility?: 'private';
  /** The zone the organizer wrote the event in (their own), when not the room's. */
  readonly zone?: string;
}

interface Slot {
  readonly start: Date;
  readonly end: Date;
}

const MINUTE = 60_000;
const ROOM_ZONE = ATLAS_RESOURCE.timeZone;
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
const { giulia, marco, sofia, luca, emma, noah } = GOOGLE_PEOPLE;

/** In progress at the anchor: a Meet call made in Calendar (conferenceData, no description link). */
const NOW: SeedMeeting = { key: 'planning', summary: 'Quarterly planning', intro: 'Q3 plan; agenda in the shared doc.', organizer: giulia, attendees: [marco, sofia, luca], minutes: 60, conferencing: 'meet' };
/** 90 minutes after the anchor's half hour: a Zoom invitation pasted in the description. */
const NEXT: SeedMeeting = { key: 'adatum-review', summary: 'Design review with Adatum', intro: 'Walkthrough of the signage mock-ups.', organizer: sofia, attendees: [GOOGLE_EXTERNALS.adatum, marco], minutes: 45, conferencing: 'zoom' };
/** Placed in the first free standard slots of the anchor day. */
const FIXED: readonly SeedMeeting[] = [
  { key: 'contoso-sync', summary: 'Contoso partnership sync', intro: 'Monthly sync on the reseller agreement.', organizer: GOOGLE_EXTERNALS.contoso, attendees: [marco, emma], minutes: 60, conferencing: 'teams', zone: 'America/Los_Angeles' },
  { key: 'northwind-supply', summary: 'Northwind supply review', intro: 'Delivery dates for the Q4 display order.', organizer: GOOGLE_EXTERNALS.northwind, attendees: [giulia, noah], minutes: 45, conferencing: 'webex', zone: 'Europe/London' },
  { key: 'salary-review', summary: 'Salary review', intro: 'Confidential.', organizer: noah, attendees: [luca], minutes: 30, conferencing: 'none', visibility: 'private' },
  { key: 'interview', summary: 'Interview: frontend engineer', intro: 'Panel interview, in person.', organizer: luca, attendees: [sofia], minutes: 60, conferencing: 'none' },
];
const SLOT_STARTS: readonly (readonly [number, number])[] = [[10, 0], [11, 30], [13, 0], [14, 30], [16, 0], [17, 30], [19, 0]];
const STANDUP = { hour: 8, minute: 30, minutes: 15 };

function eventId(key: string, day: LocalDate): string {
  return stableLetters(`google-event:${key}:${formatLocalDate(day)}`, 26, BASE32HEX);
}

function asPerson(participant: Participant): Person {
  return { email: participant.email, displayName: participant.displayName };
}

function description(meeting: SeedMeeting, seed: string): string {
  switch (meeting.conferencing) {
    case 'zoom':
      return zoomDescription(seed, meeting.organizer.displayName, meeting.intro);
    case 'teams':
      return teamsDescription(seed, meeting.organizer.email, meeting.intro);
    case 'webex':
      return webexDescription(seed, meeting.organizer.displayName, meeting.intro);
    default:
      return meeting.intro;
  }
}

/** The room's copy lists everyone, the room as an accepted resource, and a realistic mix of replies. */
function attendeeList(meeting: SeedMeeting): NonNullable<ApiEvent['attendees']> {
  const people = [meeting.organizer, ...meeting.attendees].map((participant, index) => ({
    email: participant.email,
    displayName: participant.displayName,
    responseStatus: index === 0 ? 'accepted' : ['accepted', 'tentative', 'needsAction'][index % 3],
  }));
  return [...people, { email: ATLAS_RESOURCE.id, displayName: ATLAS_RESOURCE.summary, resource: true, responseStatus: 'accepted' }];
}

function timed(instant: Date, zone: string) {
  return { dateTime: formatRfc3339(instant, zone), timeZone: zone };
}

function insertMeeting(store: GoogleCalendarStore, meeting: SeedMeeting, slot: Slot, day: LocalDate, extra: ApiEvent = {}): string {
  const id = eventId(meeting.key, day);
  const seed = `${ATLAS_RESOURCE.id}:${meeting.key}:${formatLocalDate(day)}`;
  const zone = meeting.zone ?? ROOM_ZONE;
  const input: ApiEvent = {
    id,
    summary: meeting.summary,
    description: description(meeting, seed),
    location: ATLAS_RESOURCE.summary,
    start: timed(slot.start, zone),
    end: timed(slot.end, zone),
    attendees: attendeeList(meeting),
    ...(meeting.visibility ? { visibility: meeting.visibility } : {}),
    ...extra,
  };
  const organizer = asPerson(meeting.organizer);
  const conference = meeting.conferencing === 'meet' ? meetConference(seed, null, 0) : undefined;
  store.insert(ATLAS_RESOURCE.id, input, { conferenceDataVersion: 0, actor: organizer, organizer, ...(conference ? { conference } : {}) });
  return id;
}

/** The live pair, tied to the anchor so the demo always has a meeting now and one 90 minutes out. */
function liveSlots(anchor: Date): { now: Slot; next: Slot } {
  const halfHour = 30 * MINUTE;
  const base = Math.floor(anchor.getTime() / halfHour) * halfHour;
  const nextStart = base + 3 * halfHour;
  return { now: { start: new Date(base - halfHour), end: new Date(base + halfHour) }, next: { start: new Date(nextStart), end: new Date(nextStart + NEXT.minutes * MINUTE) } };
}

function freeSlots(day: LocalDate, busy: Slot, count: number): Slot[] {
  const starts = SLOT_STARTS.map(([hour, minute]) => fromLocal(atTime(day, hour, minute), ROOM_ZONE));
  const free = starts.filter((start) => start >= busy.end || new Date(start.getTime() + 60 * MINUTE) <= busy.start);
  return free.slice(0, count).map((start, index) => ({ start, end: new Date(start.getTime() + (FIXED[index]?.minutes ?? 0) * MINUTE) }));
}

/**
 * A daily stand-up that began two weeks before the anchor day: today's occurrence is cancelled, tomorrow's is
 * moved half an hour later. Both are exceptions of the series, as Calendar stores them.
 */
function standupSeries(store: GoogleCalendarStore, day: LocalDate): void {
  const first = addDays(day, -14);
  const start = fromLocal(atTime(first, STANDUP.hour, STANDUP.minute), ROOM_ZONE);
  const meeting: SeedMeeting = { key: 'standup', summary: 'Atlas team stand-up', intro: 'Daily 15 minutes, in the room.', organizer: luca, attendees: [sofia, marco], minutes: STANDUP.minutes, conferencing: 'none' };
  const seriesId = insertMeeting(store, meeting, { start, end: new Date(start.getTime() + STANDUP.minutes * MINUTE) }, first, { recurrence: ['RRULE:FREQ=DAILY'] });
  const occurrenceOn = (date: LocalDate): Date => fromLocal(atTime(date, STANDUP.hour, STANDUP.minute), ROOM_ZONE);
  const instanceId = (date: LocalDate): string => `${seriesId}_${instanceSuffix({ kind: 'dateTime', instant: occurrenceOn(date), timeZone: null })}`;
  const writer = { conferenceDataVersion: 0, actor: asPerson(luca) };
  store.remove(ATLAS_RESOURCE.id, instanceId(day));
  const moved = new Date(occurrenceOn(addDays(day, 1)).getTime() + 30 * MINUTE);
  store.patch(ATLAS_RESOURCE.id, instanceId(addDays(day, 1)), { start: timed(moved, ROOM_ZONE), end: timed(new Date(moved.getTime() + STANDUP.minutes * MINUTE), ROOM_ZONE) }, writer);
}

function allDayReservation(store: GoogleCalendarStore, day: LocalDate): void {
  const meeting: SeedMeeting = { key: 'open-house', summary: 'Fabrikam open house (room reserved)', intro: 'Visitors all day; the room is a demo space.', organizer: giulia, attendees: [], minutes: 0, conferencing: 'none' };
  insertMeeting(store, meeting, { start: new Date(0), end: new Date(0) }, day, { start: { date: formatLocalDate(day) }, end: { date: formatLocalDate(addDays(day, 1)) } });
}

/** The Atlas resource calendar's day around the anchor, deterministic for a given anchor (ids, links, times). */
export function seedAtlasDay(store: GoogleCalendarStore, anchor: Date): void {
  const day = localDateOf(toLocal(anchor, ROOM_ZONE));
  const live = liveSlots(anchor);
  insertMeeting(store, NOW, live.now, day);
  insertMeeting(store, NEXT, live.next, day);
  freeSlots(day, { start: live.now.start, end: live.next.end }, FIXED.length).forEach((slot, index) => {
    const meeting = FIXED[index];
    if (meeting) insertMeeting(store, meeting, slot, day);
  });
  allDayReservation(store, day);
  standupSeries(store, day);
}
