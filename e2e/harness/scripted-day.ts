import type { calendar_v3 } from '@googleapis/calendar';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { Sandbox, ServiceName } from '../sandbox';
import { addDays, atTime, daysBetween, formatLocalDate, fromLocal, localDateOf, parseLocalDate, toLocal, windowsZoneName, type LocalDate } from '../sandbox/core/time';
import type { RoomProviderRef } from './room-expectation';

/**
 * A room's day of calendar changes, written once for both providers: what people do to a room's calendar (book,
 * move, rename, cancel, make private, book from other time zones, edit one occurrence of a series…) and what the
 * services do behind it (a room mailbox replacing the subject with the organizer's name, a sync cursor thrown away,
 * the network gone for a while). Each provider's adapter applies a change to the sandbox as its own calendar would
 * hold it; the tests compare the screen with `room-expectation.ts` after every step.
 */

/** A wall-clock time in the room's script: `HH:MM` on its day, or `day` days later (or earlier). */
export interface Wall {
  day: number;
  time: string;
}

export const at = (time: string, day = 0): Wall => ({ day, time });

export interface Person {
  name: string;
  email: string;
}

export type ShowAs = 'busy' | 'tentative' | 'free';

export interface Booking {
  subject: string;
  organizer: Person;
  start: Wall;
  end: Wall;
  /** The zone the organizer wrote it in (IANA); the room's when absent. */
  zone?: string;
  /** Whole days from `start.day` to `end.day` (times ignored), in the room's zone. */
  allDay?: boolean;
  private?: boolean;
  showAs?: ShowAs;
}

export type Change =
  | { kind: 'add'; key: string; booking: Booking }
  /** A daily series of `count` occurrences from the booking's day. */
  | { kind: 'add-series'; key: string; booking: Booking; count: number }
  | { kind: 'move'; key: string; start: Wall; end: Wall }
  | { kind: 'rename'; key: string; subject: string }
  | { kind: 'make-private'; key: string }
  | { kind: 'show-as'; key: string; showAs: ShowAs }
  /** What an Exchange room mailbox does by default (AddOrganizerToSubject): the subject becomes the organizer's name. */
  | { kind: 'subject-becomes-organizer'; key: string }
  /** The organizer cancels: gone from the calendar (Graph deletes the room's copy; Google marks it cancelled). */
  | { kind: 'cancel'; key: string }
  /** Cancelled but still in the calendar (Graph `isCancelled`, "Canceled: …"); Google has only the one kind. */
  | { kind: 'cancel-in-place'; key: string }
  | { kind: 'move-occurrence'; key: string; day: number; start: Wall; end: Wall }
  | { kind: 'cancel-occurrence'; key: string; day: number }
  /** The provider forgets every sync cursor (Graph 410 syncStateNotFound, Google 410 fullSyncRequired). */
  | { kind: 'lose-cursor' }
  | { kind: 'network-down' }
  | { kind: 'network-up' }
  /** Nothing changes: only time passes (midnight, a meeting starting or ending). */
  | { kind: 'look' };

export interface Step {
  at: Wall;
  change: Change;
}

const P = {
  avery: { name: 'Avery Chen', email: 'avery.chen@contoso.com' },
  bruno: { name: 'Bruno Rossi', email: 'bruno.rossi@contoso.com' },
  chiara: { name: 'Chiara Bianchi', email: 'chiara.bianchi@contoso.com' },
  dana: { name: 'Dana Ortiz', email: 'dana.ortiz@contoso.com' },
  kenji: { name: 'Kenji Sato', email: 'kenji.sato@contoso.com' },
  hr: { name: 'HR Partner', email: 'hr.partner@contoso.com' },
  priya: { name: 'Priya Nair', email: 'priya.nair@contoso.com' },
  tom: { name: 'Tom Becker', email: 'tom.becker@northwind.example' },
  sam: { name: 'Sam Patel', email: 'sam.patel@contoso.com' },
  giulia: { name: 'Giulia Romano', email: 'giulia.romano@contoso.com' },
} as const satisfies Record<string, Person>;

/** The subject of the meeting made private from the start: it must never reach the screen. */
export const SECRET_SUBJECT = 'Salary review: N. Rossi';

/**
 * From 06:00 in the room (when the kiosk starts) to 01:00 the next day: 46 steps, 39 of them calendar changes, the
 * rest a lost cursor, an outage and moments when only time passes (midnight, a meeting across it).
 */
export const SCRIPTED_DAY: readonly Step[] = [
  { at: at('06:05'), change: { kind: 'add', key: 'early', booking: { subject: 'Early ops review', organizer: P.avery, start: at('06:30'), end: at('07:00') } } },
  { at: at('06:15'), change: { kind: 'add', key: 'offsite', booking: { subject: 'Offsite prep (room reserved)', organizer: P.bruno, start: at('00:00'), end: at('00:00', 1), allDay: true } } },
  { at: at('06:25'), change: { kind: 'add', key: 'ny', booking: { subject: 'Call with the New York office', organizer: P.dana, start: at('10:00'), end: at('10:45'), zone: 'America/New_York' } } },
  { at: at('06:35'), change: { kind: 'add', key: 'tokyo', booking: { subject: 'Tokyo handover', organizer: P.kenji, start: at('22:00'), end: at('22:30'), zone: 'Asia/Tokyo' } } },
  { at: at('06:45'), change: { kind: 'add-series', key: 'standup', count: 6, booking: { subject: 'Team stand-up', organizer: P.chiara, start: at('09:30', -2), end: at('09:45', -2) } } },
  { at: at('06:55'), change: { kind: 'move-occurrence', key: 'standup', day: 0, start: at('10:00'), end: at('10:15') } },
  { at: at('07:05'), change: { kind: 'cancel-occurrence', key: 'standup', day: 1 } },
  { at: at('07:15'), change: { kind: 'add', key: 'budget', booking: { subject: 'Budget review', organizer: P.avery, start: at('11:00'), end: at('12:00') } } },
  { at: at('07:25'), change: { kind: 'rename', key: 'budget', subject: 'Budget review (Q2)' } },
  { at: at('07:35'), change: { kind: 'add', key: 'salary', booking: { subject: SECRET_SUBJECT, organizer: P.hr, start: at('12:30'), end: at('13:00'), private: true } } },
  { at: at('07:45'), change: { kind: 'add', key: 'critique', booking: { subject: 'Design critique', organizer: P.chiara, start: at('13:00'), end: at('14:00') } } },
  { at: at('07:55'), change: { kind: 'subject-becomes-organizer', key: 'critique' } },
  { at: at('08:05'), change: { kind: 'add', key: 'interview', booking: { subject: 'Interview: frontend engineer', organizer: P.priya, start: at('14:00'), end: at('15:00'), showAs: 'tentative' } } },
  { at: at('08:15'), change: { kind: 'add', key: 'plants', booking: { subject: 'Facilities: plants (room usable)', organizer: P.bruno, start: at('08:30'), end: at('08:45'), showAs: 'free' } } },
  { at: at('08:25'), change: { kind: 'cancel', key: 'offsite' } },
  { at: at('08:35'), change: { kind: 'lose-cursor' } },
  { at: at('08:36'), change: { kind: 'add', key: 'resync', booking: { subject: 'Booked while the sync restarted', organizer: P.tom, start: at('17:00'), end: at('17:30') } } },
  { at: at('09:05'), change: { kind: 'move', key: 'budget', start: at('11:30'), end: at('12:30') } },
  { at: at('09:40'), change: { kind: 'show-as', key: 'interview', showAs: 'busy' } },
  { at: at('10:10'), change: { kind: 'cancel-in-place', key: 'tokyo' } },
  { at: at('10:20'), change: { kind: 'add', key: 'walk-in', booking: { subject: 'Walk-in: customer call', organizer: P.giulia, start: at('10:28'), end: at('10:50') } } },
  { at: at('10:40'), change: { kind: 'move', key: 'walk-in', start: at('10:40'), end: at('11:00') } },
  { at: at('11:10'), change: { kind: 'add', key: 'late', booking: { subject: 'Late call with San Francisco', organizer: P.sam, start: at('14:30'), end: at('15:30'), zone: 'America/Los_Angeles' } } },
  { at: at('11:20'), change: { kind: 'make-private', key: 'ny' } },
  { at: at('11:50'), change: { kind: 'move', key: 'ny', start: at('11:00'), end: at('11:45') } },
  { at: at('12:10'), change: { kind: 'add', key: 'vendor', booking: { subject: 'Vendor demo', organizer: P.tom, start: at('14:30'), end: at('15:30'), zone: 'Europe/London' } } },
  { at: at('12:20'), change: { kind: 'rename', key: 'vendor', subject: 'Vendor demo: Northwind' } },
  { at: at('12:40'), change: { kind: 'network-down' } },
  { at: at('12:45'), change: { kind: 'add', key: 'offline', booking: { subject: 'Booked while the kiosk was offline', organizer: P.giulia, start: at('18:00'), end: at('18:30') } } },
  { at: at('12:55'), change: { kind: 'network-up' } },
  { at: at('13:30'), change: { kind: 'cancel', key: 'resync' } },
  { at: at('14:10'), change: { kind: 'add-series', key: 'evening', count: 3, booking: { subject: 'Evening check-in', organizer: P.bruno, start: at('19:30'), end: at('19:45') } } },
  { at: at('14:20'), change: { kind: 'move-occurrence', key: 'evening', day: 0, start: at('20:00'), end: at('20:15') } },
  { at: at('15:00'), change: { kind: 'lose-cursor' } },
  { at: at('15:10'), change: { kind: 'cancel', key: 'vendor' } },
  { at: at('16:00'), change: { kind: 'rename', key: 'critique', subject: 'Design critique: onboarding' } },
  { at: at('17:30'), change: { kind: 'add', key: 'training', booking: { subject: 'Training day (room reserved)', organizer: P.bruno, start: at('00:00', 1), end: at('00:00', 2), allDay: true } } },
  { at: at('18:40'), change: { kind: 'add', key: 'cleaning', booking: { subject: 'Cleaning crew', organizer: P.bruno, start: at('21:00'), end: at('22:00'), showAs: 'free' } } },
  { at: at('19:00'), change: { kind: 'move', key: 'late', start: at('14:45'), end: at('15:45') } },
  { at: at('20:05'), change: { kind: 'cancel-occurrence', key: 'evening', day: 0 } },
  { at: at('22:00'), change: { kind: 'subject-becomes-organizer', key: 'late' } },
  { at: at('23:50'), change: { kind: 'look' } },
  { at: at('00:10', 1), change: { kind: 'look' } },
  { at: at('00:20', 1), change: { kind: 'add', key: 'night', booking: { subject: 'Night shift handover', organizer: P.giulia, start: at('06:00', 1), end: at('06:30', 1) } } },
  { at: at('00:50', 1), change: { kind: 'look' } },
  { at: at('01:00', 1), change: { kind: 'move', key: 'night', start: at('07:00', 1), end: at('07:30', 1) } },
];

/** The wall time of `instant` in `zone`, as a day of the script (day 0 is `day`, the room's date). */
export function wallOf(instant: Date, day: string, zone: string): Wall {
  const local = toLocal(instant, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: daysBetween(scriptDay(day, 0), localDateOf(local)), time: `${pad(local.hour)}:${pad(local.minute)}` };
}

/**
 * The same kinds of change, for a kiosk running in real time (e2e): bookings placed from `now` on so they are still
 * ahead and on screen, each change applied once the screen has caught up with the one before. `day` is the room's
 * date at `now`.
 */
export function liveScript(now: Date, zone: string): { day: string; changes: Change[] } {
  const day = formatLocalDate(localDateOf(toLocal(now, zone)));
  const inMinutes = (minutes: number, where = zone): Wall => wallOf(new Date(now.getTime() + minutes * 60_000), day, where);
  const standup = inMinutes(150);
  const changes: Change[] = [
    { kind: 'add', key: 'walk-in', booking: { subject: 'Walk-in: budget huddle', organizer: P.giulia, start: inMinutes(4), end: inMinutes(20) } },
    { kind: 'move', key: 'walk-in', start: inMinutes(30), end: inMinutes(60) },
    { kind: 'add', key: 'salary', booking: { subject: SECRET_SUBJECT, organizer: P.hr, start: inMinutes(70), end: inMinutes(100), private: true } },
    { kind: 'add', key: 'offsite', booking: { subject: 'Offsite prep (room reserved)', organizer: P.bruno, start: at('00:00'), end: at('00:00', 1), allDay: true } },
    { kind: 'cancel', key: 'offsite' },
    { kind: 'add', key: 'ny', booking: { subject: 'Call with the New York office', organizer: P.dana, start: inMinutes(120, 'America/New_York'), end: inMinutes(165, 'America/New_York'), zone: 'America/New_York' } },
    { kind: 'add-series', key: 'standup', count: 4, booking: { subject: 'Team stand-up', organizer: P.chiara, start: { ...standup, day: standup.day - 1 }, end: { ...inMinutes(165), day: standup.day - 1 } } },
    { kind: 'move-occurrence', key: 'standup', day: standup.day, start: inMinutes(180), end: inMinutes(195) },
    { kind: 'subject-becomes-organizer', key: 'walk-in' },
    { kind: 'add', key: 'interview', booking: { subject: 'Interview: frontend engineer', organizer: P.priya, start: inMinutes(5), end: inMinutes(25), showAs: 'tentative' } },
    { kind: 'show-as', key: 'interview', showAs: 'free' },
    { kind: 'lose-cursor' },
    { kind: 'add', key: 'resync', booking: { subject: 'Booked while the sync restarted', organizer: P.tom, start: inMinutes(200), end: inMinutes(230) } },
    { kind: 'cancel-in-place', key: 'ny' },
    { kind: 'make-private', key: 'resync' },
    { kind: 'add', key: 'late', booking: { subject: 'Late call with San Francisco', organizer: P.sam, start: at('23:30'), end: at('00:30', 1) } },
    { kind: 'network-down' },
    { kind: 'add', key: 'offline', booking: { subject: 'Booked while the kiosk was offline', organizer: P.giulia, start: inMinutes(240), end: inMinutes(260) } },
    { kind: 'network-up' },
  ];
  return { day, changes };
}

/** Applies the script's changes to one room of the sandbox, as that room's calendar would hold them. */
export interface ScriptedRoom {
  readonly ref: RoomProviderRef;
  apply(change: Change): void;
}

/** One function per kind of change, each given its own kind. */
type Handlers = { [K in Change['kind']]: (change: Extract<Change, { kind: K }>) => void };

function dispatch(handlers: Handlers, change: Change): void {
  (handlers[change.kind] as (change: Change) => void)(change);
}

/** The script's day 0 (YYYY-MM-DD) moved by `offset` days. */
function scriptDay(day: string, offset: number): LocalDate {
  const parsed = parseLocalDate(day);
  if (!parsed) throw new Error(`the script's day must be YYYY-MM-DD, got ${day}`);
  return addDays(parsed, offset);
}

/** The instant a wall time of the script denotes in `zone`. */
export function wallInstant(day: string, wall: Wall, zone: string): Date {
  const [hour, minute] = wall.time.split(':').map(Number);
  return fromLocal(atTime(scriptDay(day, wall.day), hour ?? 0, minute ?? 0), zone);
}

interface ScriptContext {
  /** The script's day 0 in the room (YYYY-MM-DD). */
  day: string;
  roomZone: string;
}

function dateText(ctx: ScriptContext, offset: number): string {
  return formatLocalDate(scriptDay(ctx.day, offset));
}

function localText(ctx: ScriptContext, wall: Wall): string {
  return `${dateText(ctx, wall.day)}T${wall.time}:00`;
}

/** Keys to provider ids, and each key's booking as last written (its zone and kind for later edits). */
class Bookings {
  private readonly ids = new Map<string, string>();
  private readonly bookings = new Map<string, Booking>();

  remember(key: string, id: string | null | undefined, booking: Booking): void {
    if (!id) throw new Error(`the sandbox gave ${key} no id`);
    this.ids.set(key, id);
    this.bookings.set(key, booking);
  }

  id(key: string): string {
    const id = this.ids.get(key);
    if (!id) throw new Error(`the script names ${key} before adding it`);
    return id;
  }

  booking(key: string): Booking {
    const booking = this.bookings.get(key);
    if (!booking) throw new Error(`the script names ${key} before adding it`);
    return booking;
  }

  update(key: string, patch: Partial<Booking>): Booking {
    const next = { ...this.booking(key), ...patch };
    this.bookings.set(key, next);
    return next;
  }
}

/** What is the same for every provider: the network the kiosk's requests go over, and time passing. */
function sharedHandlers(sandbox: Sandbox, services: readonly ServiceName[]): Pick<Handlers, 'network-down' | 'network-up' | 'look'> {
  return {
    'network-down': () => {
      for (const service of services) sandbox.control.addFault({ service, path: '.*', times: 1_000_000, action: { type: 'reset' } });
    },
    'network-up': () => sandbox.control.clearFaults(),
    look: () => undefined,
  };
}

// ---------------------------------------------------------------- Microsoft 365 (Graph events, Windows zone names)

function graphTimes(ctx: ScriptContext, booking: Booking, start: Wall, end: Wall): Pick<Event, 'start' | 'end' | 'isAllDay'> {
  if (booking.allDay) {
    const zone = windowsZoneName(ctx.roomZone);
    return { isAllDay: true, start: { dateTime: localText(ctx, at('00:00', start.day)), timeZone: zone }, end: { dateTime: localText(ctx, at('00:00', end.day)), timeZone: zone } };
  }
  const zone = windowsZoneName(booking.zone ?? ctx.roomZone);
  return { start: { dateTime: localText(ctx, start), timeZone: zone }, end: { dateTime: localText(ctx, end), timeZone: zone } };
}

function graphEvent(ctx: ScriptContext, booking: Booking): Event {
  return {
    subject: booking.subject,
    ...graphTimes(ctx, booking, booking.start, booking.end),
    sensitivity: booking.private ? 'private' : 'normal',
    showAs: booking.showAs ?? 'busy',
    organizer: { emailAddress: { name: booking.organizer.name, address: booking.organizer.email } },
  };
}

function graphSeries(ctx: ScriptContext, booking: Booking, count: number): Event {
  const range = { type: 'numbered' as const, startDate: dateText(ctx, booking.start.day), numberOfOccurrences: count };
  return { ...graphEvent(ctx, booking), recurrence: { pattern: { type: 'daily', interval: 1 }, range } };
}

/** A Microsoft 365 room: Graph events in the room's mailbox. */
export function microsoftRoom(sandbox: Sandbox, mailbox: string, day: string, roomZone: string): ScriptedRoom {
  const ctx: ScriptContext = { day, roomZone };
  const { control } = sandbox;
  const known = new Bookings();
  const edit = (key: string, patch: Event): void => void control.updateEvent(mailbox, known.id(key), patch);
  const handlers: Handlers = {
    ...sharedHandlers(sandbox, ['entra', 'graph']),
    add: ({ key, booking }) => known.remember(key, control.addEvent(mailbox, graphEvent(ctx, booking)).id, booking),
    'add-series': ({ key, booking, count }) => known.remember(key, control.addEvent(mailbox, graphSeries(ctx, booking, count)).id, booking),
    move: ({ key, start, end }) => edit(key, graphTimes(ctx, known.update(key, { start, end }), start, end)),
    rename: ({ key, subject }) => edit(key, { subject: known.update(key, { subject }).subject }),
    'make-private': ({ key }) => edit(key, { sensitivity: 'private' }),
    'show-as': ({ key, showAs }) => edit(key, { showAs }),
    'subject-becomes-organizer': ({ key }) => edit(key, { subject: known.booking(key).organizer.name }),
    cancel: ({ key }) => control.deleteEvent(mailbox, known.id(key)),
    'cancel-in-place': ({ key }) => edit(key, { isCancelled: true, subject: `Canceled: ${known.booking(key).subject}` }),
    'move-occurrence': ({ key, day: offset, start, end }) => void control.editOccurrence(mailbox, known.id(key), dateText(ctx, offset), graphTimes(ctx, known.booking(key), start, end)),
    'cancel-occurrence': ({ key, day: offset }) => void control.cancelOccurrence(mailbox, known.id(key), dateText(ctx, offset)),
    'lose-cursor': () => control.invalidateDeltaTokens(),
  };
  return { ref: { provider: 'microsoft', calendar: mailbox }, apply: (change) => dispatch(handlers, change) };
}

// ---------------------------------------------------------------- Google Workspace (Calendar v3 events, IANA zones)

type GoogleEvent = calendar_v3.Schema$Event;

function googleTimes(ctx: ScriptContext, booking: Booking, start: Wall, end: Wall): Pick<GoogleEvent, 'start' | 'end'> {
  if (booking.allDay) return { start: { date: dateText(ctx, start.day) }, end: { date: dateText(ctx, end.day) } };
  const timeZone = booking.zone ?? ctx.roomZone;
  return { start: { dateTime: localText(ctx, start), timeZone }, end: { dateTime: localText(ctx, end), timeZone } };
}

/** The room (a resource attendee) accepted, or accepted tentatively; "free" is Google's "show me as available". */
function googleShowAs(calendarId: string, showAs: ShowAs): Pick<GoogleEvent, 'transparency' | 'attendees'> {
  return {
    transparency: showAs === 'free' ? 'transparent' : 'opaque',
    attendees: [{ email: calendarId, resource: true, responseStatus: showAs === 'tentative' ? 'tentative' : 'accepted' }],
  };
}

function googleEvent(ctx: ScriptContext, calendarId: string, booking: Booking): GoogleEvent {
  return {
    summary: booking.subject,
    ...googleTimes(ctx, booking, booking.start, booking.end),
    visibility: booking.private ? 'private' : 'default',
    organizer: { email: booking.organizer.email, displayName: booking.organizer.name },
    ...googleShowAs(calendarId, booking.showAs ?? 'busy'),
  };
}

/**
 * Google names an occurrence `{seriesId}_{its original start in UTC}`: what a client reads off the listing. `day` is
 * the script's day of the occurrence (the series may have started days earlier).
 */
function occurrenceId(ctx: ScriptContext, seriesId: string, booking: Booking, day: number): string {
  const start = wallInstant(ctx.day, at(booking.start.time, day), booking.zone ?? ctx.roomZone);
  return `${seriesId}_${start.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`;
}

/** A Google Workspace room: Calendar v3 events in the room's resource calendar. */
export function googleRoom(sandbox: Sandbox, day: string, roomZone: string): ScriptedRoom {
  const ctx: ScriptContext = { day, roomZone };
  const calendarId = sandbox.google.roomCalendarId;
  const control = sandbox.control.google;
  const known = new Bookings();
  const edit = (key: string, patch: GoogleEvent): void => void control.updateEvent(calendarId, known.id(key), patch);
  const occurrence = (key: string, day: number): string => occurrenceId(ctx, known.id(key), known.booking(key), day);
  const cancel = ({ key }: { key: string }): void => control.deleteEvent(calendarId, known.id(key));
  const handlers: Handlers = {
    ...sharedHandlers(sandbox, ['google-oauth', 'google-apis']),
    add: ({ key, booking }) => known.remember(key, control.addEvent(calendarId, googleEvent(ctx, calendarId, booking)).id, booking),
    'add-series': ({ key, booking, count }) => known.remember(key, control.addEvent(calendarId, { ...googleEvent(ctx, calendarId, booking), recurrence: [`RRULE:FREQ=DAILY;COUNT=${count}`] }).id, booking),
    move: ({ key, start, end }) => edit(key, googleTimes(ctx, known.update(key, { start, end }), start, end)),
    rename: ({ key, subject }) => edit(key, { summary: known.update(key, { subject }).subject }),
    'make-private': ({ key }) => edit(key, { visibility: 'private' }),
    'show-as': ({ key, showAs }) => edit(key, googleShowAs(calendarId, showAs)),
    'subject-becomes-organizer': ({ key }) => edit(key, { summary: known.booking(key).organizer.name }),
    cancel,
    'cancel-in-place': cancel,
    'move-occurrence': ({ key, day: offset, start, end }) => void control.updateEvent(calendarId, occurrence(key, offset), googleTimes(ctx, known.booking(key), start, end)),
    'cancel-occurrence': ({ key, day: offset }) => control.deleteEvent(calendarId, occurrence(key, offset)),
    'lose-cursor': () => control.invalidateSyncTokens(),
  };
  return { ref: { provider: 'google', calendar: calendarId }, apply: (change) => dispatch(handlers, change) };
}
