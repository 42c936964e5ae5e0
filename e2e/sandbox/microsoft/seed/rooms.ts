import type { Event, FreeBusyStatus, Location, Sensitivity } from '@microsoft/microsoft-graph-types';
import { stableHex } from '../../core/ids';
import { addDays, atTime, formatGraphDateTime, formatLocalDate, fromLocal, localDateOf, toLocal, windowsZoneName, type LocalDate } from '../../core/time';
import type { DirectoryUser, Tenant } from '../directory';
import { graphId, iCalUIdFor } from '../graph/event-factory';
import { BOARDROOM_4, FOCUS_1, HUDDLE_2, PEOPLE } from './accounts';
import { EXCHANGE_DEFAULTS, KEEP_INVITATION, processForRoom, type CalendarProcessing } from './calendar-processing';
import { attendeesFor, conferencing, emailOf, roomLocation, type ConferencingKind, type Participant } from './meetings';

/** One meeting of a room's seeded day; when it happens is decided by the day plan. */
export interface MeetingSpec {
  readonly key: string;
  readonly subject: string;
  readonly intro: string;
  readonly organizer: Participant;
  readonly attendees: readonly Participant[];
  readonly minutes: number;
  readonly kind: ConferencingKind;
  readonly showAs?: FreeBusyStatus;
  readonly sensitivity?: Sensitivity;
  /** A daily series that started two weeks before the anchor day. */
  readonly daily?: boolean;
}

export interface RoomPlan {
  readonly room: DirectoryUser;
  /** The mailbox's Set-CalendarProcessing; default: IT kept bodies and subjects (KEEP_INVITATION). */
  readonly processing?: CalendarProcessing;
  /** In progress at the anchor time. */
  readonly now: MeetingSpec;
  /** Starts 60–90 minutes after the anchor time. */
  readonly next: MeetingSpec;
  /** Placed in the first free standard slots of the anchor day. */
  readonly fixed: readonly MeetingSpec[];
  /** All-day entries on the anchor day. */
  readonly allDay: readonly MeetingSpec[];
}

const FABRIKAM: Participant = { displayName: 'Inès Moreau', mail: 'ines.moreau@fabrikam.com' };
const NORTHWIND: Participant = { displayName: 'Raj Patel', mail: 'raj.patel@northwindtraders.com' };

export const ROOM_PLANS: readonly RoomPlan[] = [
  {
    room: BOARDROOM_4,
    now: { key: 'qbr', subject: 'Quarterly business review', intro: 'Q3 numbers and the plan for Q4. Deck in the channel.', organizer: PEOPLE.avery, attendees: [PEOPLE.bruno, PEOPLE.elena, PEOPLE.chiara], minutes: 60, kind: 'teams' },
    next: { key: 'design-sync', subject: 'Design sync', intro: 'Walkthrough of the new onboarding flow.', organizer: PEOPLE.chiara, attendees: [PEOPLE.avery, PEOPLE.hana], minutes: 45, kind: 'zoom' },
    fixed: [
      { key: 'ops-standup', subject: 'Ops stand-up', intro: 'Daily 15 minutes, in the room.', organizer: PEOPLE.bruno, attendees: [PEOPLE.elena, PEOPLE.avery], minutes: 15, kind: 'none', daily: true },
      { key: 'fabrikam', subject: 'Vendor call — Fabrikam', intro: 'Renewal terms for the display fleet.', organizer: FABRIKAM, attendees: [PEOPLE.bruno], minutes: 60, kind: 'webex-safelinks' },
      { key: 'review', subject: 'Performance review', intro: 'Confidential.', organizer: PEOPLE.dmitri, attendees: [PEOPLE.chiara], minutes: 45, kind: 'none', sensitivity: 'private' },
      { key: 'recruiting', subject: 'Recruiting debrief', intro: 'Debrief for the product designer loop.', organizer: PEOPLE.hana, attendees: [PEOPLE.chiara, PEOPLE.dmitri], minutes: 30, kind: 'google-meet', showAs: 'tentative' },
      { key: 'partners', subject: 'Partner onboarding', intro: 'Kick-off with the new reseller.', organizer: PEOPLE.elena, attendees: [PEOPLE.avery], minutes: 60, kind: 'goto' },
    ],
    allDay: [],
  },
  {
    room: HUDDLE_2,
    now: { key: 'escalation', subject: 'Customer escalation — Northwind', intro: 'Status of the outage follow-ups.', organizer: NORTHWIND, attendees: [PEOPLE.farah, PEOPLE.george], minutes: 60, kind: 'webex' },
    next: { key: 'sprint-planning', subject: 'Sprint planning', intro: 'Sprint 42 planning. Bring your estimates.', organizer: PEOPLE.george, attendees: [PEOPLE.hana, PEOPLE.farah], minutes: 60, kind: 'teams' },
    fixed: [
      { key: 'scrum', subject: 'Daily scrum', intro: 'Daily scrum for the platform team.', organizer: PEOPLE.george, attendees: [PEOPLE.hana], minutes: 15, kind: 'teams', daily: true },
      { key: 'interview', subject: 'Interview — senior engineer', intro: 'Panel interview; feedback in the ATS.', organizer: PEOPLE.hana, attendees: [PEOPLE.george], minutes: 60, kind: 'zoom', showAs: 'tentative' },
      { key: 'board-prep', subject: 'Board prep', intro: 'Dry run of the board update.', organizer: PEOPLE.farah, attendees: [PEOPLE.avery], minutes: 45, kind: 'goto' },
      { key: 'lunch-learn', subject: 'Lunch & learn: Kubernetes', intro: 'Bring your lunch; recording will be shared.', organizer: PEOPLE.hana, attendees: [PEOPLE.farah, PEOPLE.george], minutes: 60, kind: 'google-meet' },
      { key: 'budget', subject: 'Budget review', intro: 'In person only.', organizer: PEOPLE.farah, attendees: [PEOPLE.george], minutes: 30, kind: 'none' },
    ],
    allDay: [{ key: 'carpet', subject: 'Facilities: carpet cleaning (room usable)', intro: 'Cleaning crew in the evening.', organizer: PEOPLE.george, attendees: [], minutes: 0, kind: 'none', showAs: 'free' }],
  },
  {
    // Exchange defaults: every calendar item is "organizer name, no body"; the links survive only in the mailbox.
    room: FOCUS_1,
    processing: EXCHANGE_DEFAULTS,
    now: { key: 'fabrikam-sync', subject: 'Fabrikam partnership sync', intro: 'Joint roadmap. Fabrikam hosts on their Teams.', organizer: FABRIKAM, attendees: [PEOPLE.elena, PEOPLE.avery], minutes: 60, kind: 'teams-external' },
    next: { key: 'design-critique', subject: 'Design critique', intro: 'Onboarding flow, round two.', organizer: PEOPLE.chiara, attendees: [PEOPLE.hana], minutes: 45, kind: 'google-meet' },
    fixed: [
      { key: 'platform-standup', subject: 'Platform stand-up', intro: 'Daily, 15 minutes. Zoom for the remote half.', organizer: PEOPLE.george, attendees: [PEOPLE.hana], minutes: 15, kind: 'zoom-pasted', daily: true },
      { key: 'northwind-review', subject: 'Northwind service review', intro: 'Quarterly service review, Northwind hosts.', organizer: NORTHWIND, attendees: [PEOPLE.farah], minutes: 60, kind: 'webex' },
      { key: 'one-on-one', subject: '1:1 Avery / Bruno', intro: 'Weekly 1:1.', organizer: PEOPLE.avery, attendees: [PEOPLE.bruno], minutes: 30, kind: 'zoom' },
      { key: 'hiring-sync', subject: 'Hiring sync', intro: 'In the room only.', organizer: PEOPLE.dmitri, attendees: [PEOPLE.chiara], minutes: 30, kind: 'none' },
    ],
    allDay: [],
  },
];

/** Standard meeting starts on the anchor day (local time); fixed meetings take the first ones that are free. */
const STANDARD_STARTS: readonly (readonly [number, number])[] = [
  [8, 0],
  [9, 0],
  [10, 30],
  [12, 0],
  [13, 30],
  [15, 0],
  [16, 30],
  [18, 0],
];

const MINUTE = 60_000;

interface Slot {
  readonly start: Date;
  readonly end: Date;
}

export interface SeededEvent {
  readonly ownerUpn: string;
  readonly id: string;
  /** The room's calendar item, after the room's calendar processing. */
  readonly event: Event;
  /** Subject and HTML body of the invitation as the organizer sent it (what the room's mailbox holds). */
  readonly invitation: { readonly subject: string; readonly body: string };
}

interface DayContext {
  readonly plan: RoomPlan;
  readonly tenant: Tenant;
  readonly anchor: Date;
  readonly day: LocalDate;
}

/** The in-progress and next meetings: tied to the anchor so the demo always has a "now" and a "next". */
function dynamicSlots(anchor: Date, next: MeetingSpec): { now: Slot; next: Slot } {
  const floor = Math.floor(anchor.getTime() / (30 * MINUTE)) * 30 * MINUTE;
  const nextStart = new Date(floor + 90 * MINUTE);
  return {
    now: { start: new Date(floor - 30 * MINUTE), end: new Date(floor + 30 * MINUTE) },
    next: { start: nextStart, end: new Date(nextStart.getTime() + next.minutes * MINUTE) },
  };
}

function fixedSlots(ctx: DayContext, busy: Slot): Array<{ spec: MeetingSpec; slot: Slot }> {
  const zone = ctx.plan.room.timeZone;
  const placed: Array<{ spec: MeetingSpec; slot: Slot }> = [];
  const specs = [...ctx.plan.fixed];
  for (const [hour, minute] of STANDARD_STARTS) {
    const spec = specs[0];
    if (!spec) break;
    const start = fromLocal(atTime(ctx.day, hour, minute), zone);
    const slot = { start, end: new Date(start.getTime() + spec.minutes * MINUTE) };
    if (slot.start < busy.end && slot.end > busy.start) continue;
    placed.push({ spec, slot });
    specs.shift();
  }
  return placed;
}

function localField(instant: Date, zone: string): { dateTime: string; timeZone: string } {
  return { dateTime: formatGraphDateTime(toLocal(instant, zone)), timeZone: windowsZoneName(zone) };
}

function meetingEvent(ctx: DayContext, spec: MeetingSpec, slot: Slot): SeededEvent {
  const { room } = ctx.plan;
  const seed = `${room.userPrincipalName}:${spec.key}:${formatLocalDate(ctx.day)}`;
  const id = graphId(`event:${seed}`);
  const created = new Date(ctx.anchor.getTime() - 7 * 24 * 60 * MINUTE).toISOString();
  const online = conferencing(spec.kind, { seed, tenantId: ctx.tenant.id, organizer: spec.organizer, subject: spec.subject, intro: spec.intro });
  const tentative = spec.showAs === 'tentative';
  const locations: Location[] = [roomLocation(room), ...online.extraLocations];
  // A daily series starts two weeks earlier at the same wall-clock time; anything else starts in its slot.
  const firstDay = addDays(ctx.day, -14);
  const slotLocal = toLocal(slot.start, room.timeZone);
  const seriesStart = spec.daily ? fromLocal(atTime(firstDay, slotLocal.hour, slotLocal.minute), room.timeZone) : slot.start;
  const event: Event = {
    createdDateTime: created,
    lastModifiedDateTime: created,
    changeKey: Buffer.from(stableHex(`changekey:${seed}`, 32), 'hex').toString('base64'),
    iCalUId: iCalUIdFor(seed),
    subject: spec.subject,
    sensitivity: spec.sensitivity ?? 'normal',
    isOrganizer: false,
    showAs: spec.showAs ?? 'busy',
    responseStatus: { response: tentative ? 'tentativelyAccepted' : 'accepted', time: created },
    body: { contentType: 'html', content: online.body },
    start: localField(seriesStart, room.timeZone),
    end: localField(new Date(seriesStart.getTime() + spec.minutes * MINUTE), room.timeZone),
    location: { ...roomLocation(room), displayName: locations.map((location) => location.displayName).join('; ') },
    locations,
    recurrence: spec.daily
      ? { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: formatLocalDate(firstDay), recurrenceTimeZone: windowsZoneName(room.timeZone) } }
      : null,
    attendees: attendeesFor([spec.organizer, ...spec.attendees], room, created, tentative ? 'tentativelyAccepted' : 'accepted'),
    organizer: { emailAddress: emailOf(spec.organizer) },
    ...online.fields,
  };
  const processed = processForRoom(event, ctx.plan.processing ?? KEEP_INVITATION);
  return { ownerUpn: room.userPrincipalName, id, event: processed, invitation: { subject: spec.subject, body: online.body } };
}

function allDayEvent(ctx: DayContext, spec: MeetingSpec): SeededEvent {
  const { room } = ctx.plan;
  const midnight = (day: LocalDate) => ({ dateTime: formatGraphDateTime(atTime(day, 0, 0)), timeZone: windowsZoneName(room.timeZone) });
  const base = meetingEvent(ctx, spec, { start: fromLocal(atTime(ctx.day, 0, 0), room.timeZone), end: fromLocal(atTime(ctx.day, 0, 0), room.timeZone) });
  return { ...base, event: { ...base.event, isAllDay: true, start: midnight(ctx.day), end: midnight(addDays(ctx.day, 1)) } };
}

/** A room's anchor day: the live pair, then the standard slots that are left, then all-day entries. */
export function roomDay(plan: RoomPlan, tenant: Tenant, anchor: Date): SeededEvent[] {
  const day = localDateOf(toLocal(anchor, plan.room.timeZone));
  const ctx: DayContext = { plan, tenant, anchor, day };
  const live = dynamicSlots(anchor, plan.next);
  const busy = { start: live.now.start, end: live.next.end };
  return [
    meetingEvent(ctx, plan.now, live.now),
    meetingEvent(ctx, plan.next, live.next),
    ...fixedSlots(ctx, busy).map(({ spec, slot }) => meetingEvent(ctx, spec, slot)),
    ...plan.allDay.map((spec) => allDayEvent(ctx, spec)),
  ];
}
