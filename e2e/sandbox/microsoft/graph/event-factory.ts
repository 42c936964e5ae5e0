import { randomBytes } from 'node:crypto';
import type { DateTimeTimeZone, Event } from '@microsoft/microsoft-graph-types';
import { stableHex, stableUuid } from '../../core/ids';
import { fromLocal, parseGraphDateTime, resolveTimeZone } from '../../core/time';
import type { Directory, DirectoryUser } from '../directory';
import { teamsMeeting } from '../invitations';
import { bodyPreview } from './body-text';
import { assertSupportedRecurrence } from './recurrence';

/** Exchange's "no time" marker in responseStatus / attendee status. */
export const NO_TIME = '0001-01-01T00:00:00Z';

export function newChangeKey(): string {
  return randomBytes(16).toString('base64');
}

/** Graph/Exchange ids are long URL-safe base64 strings starting "AAMkA"; this one is derived from a seed. */
export function graphId(seed: string): string {
  return `AAMkA${Buffer.from(stableHex(seed, 96), 'hex').toString('base64url')}AAA=`;
}

/** Exchange iCalUIds: a fixed 040000008200E00074C5B7101A82E008 prefix plus a per-item part. */
export function iCalUIdFor(seed: string): string {
  return `040000008200E00074C5B7101A82E00800000000${stableHex(`ical:${seed}`, 72).toUpperCase()}`;
}

export function instantOf(value: DateTimeTimeZone | null | undefined): Date | null {
  const zone = resolveTimeZone(value?.timeZone ?? '');
  const local = parseGraphDateTime(value?.dateTime ?? '');
  return zone && local ? fromLocal(local, zone) : null;
}

function assertValidTimes(event: Event): void {
  const start = instantOf(event.start);
  const end = instantOf(event.end);
  if (!start || !end) throw new Error('an event needs start and end as {dateTime: "YYYY-MM-DDTHH:MM:SS", timeZone: Windows or IANA name}');
  if (end < start) throw new Error('event end is before its start');
}

export interface EventContext {
  readonly id: string;
  readonly owner: DirectoryUser;
  readonly directory: Directory;
  readonly now: Date;
}

/** Everything Exchange fills in on create, in the key order real responses use. */
function defaults(ctx: EventContext, input: Event): Event {
  const organizer = input.organizer ?? { emailAddress: { name: ctx.owner.displayName, address: ctx.owner.mail } };
  const isOrganizer = organizer.emailAddress?.address?.toLowerCase() === ctx.owner.mail.toLowerCase();
  const changeKey = newChangeKey();
  return {
    id: ctx.id,
    createdDateTime: ctx.now.toISOString(),
    lastModifiedDateTime: ctx.now.toISOString(),
    changeKey,
    categories: [],
    transactionId: null,
    originalStartTimeZone: input.start?.timeZone ?? null,
    originalEndTimeZone: input.end?.timeZone ?? null,
    iCalUId: iCalUIdFor(ctx.id),
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: '',
    bodyPreview: '',
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    isOrganizer,
    responseRequested: true,
    seriesMasterId: null,
    showAs: 'busy',
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(ctx.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: isOrganizer ? 'organizer' : 'none', time: NO_TIME },
    body: { contentType: 'html', content: '' },
    start: input.start,
    end: input.end,
    location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
    locations: [],
    recurrence: null,
    attendees: [],
    organizer,
    onlineMeeting: null,
  };
}

/** Fields Exchange derives from others; recomputed on create and on every update. */
function derive(ctx: EventContext, event: Event): Event {
  if (event.recurrence) assertSupportedRecurrence(event.recurrence);
  const derived: Event = {
    ...event,
    bodyPreview: bodyPreview(event.body?.content ?? ''),
    type: event.recurrence ? 'seriesMaster' : event.type === 'seriesMaster' ? 'singleInstance' : event.type,
  };
  // "After you set isOnlineMeeting to true, Microsoft Graph initializes onlineMeeting" (event resource docs).
  if (derived.isOnlineMeeting && derived.onlineMeetingProvider === 'teamsForBusiness' && !derived.onlineMeeting?.joinUrl) {
    const organizer = derived.organizer?.emailAddress?.address ?? ctx.owner.mail;
    const teams = teamsMeeting(ctx.id, ctx.directory.tenant.id, ctx.directory.find(organizer)?.id ?? stableUuid(organizer));
    derived.onlineMeeting = { joinUrl: teams.joinUrl, conferenceId: teams.conferenceId, tollNumber: teams.tollNumber };
  }
  return derived;
}

export function createEvent(ctx: EventContext, input: Event): Event {
  const event = derive(ctx, { ...defaults(ctx, input), ...input, id: ctx.id });
  assertValidTimes(event);
  return event;
}

export function updateEvent(ctx: EventContext, existing: Event, patch: Event): Event {
  const event = derive(ctx, { ...existing, ...patch, id: existing.id, changeKey: newChangeKey(), lastModifiedDateTime: ctx.now.toISOString() });
  assertValidTimes(event);
  return event;
}
