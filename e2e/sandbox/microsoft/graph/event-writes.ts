import type { Event } from '@microsoft/microsoft-graph-types';
import { parseJsonBody, emptyReply, type Reply, type SandboxRequest } from '../../core/http';
import type { Route, RouteParams } from '../../core/router';
import { CALENDAR_SCOPES, hasScope, type Principal } from './auth';
import type { GraphContext } from './context';
import { instantOf } from './event-factory';
import { graphError, graphErrorNamed, graphJson } from './errors';
import { parsePrefer, preferenceAppliedHeader } from './prefer';
import { graphRoute, invalidUser, ME, metadata, targetCalendar, targetUser, type Authed } from './routes';
import { eventToWire } from './serialize';
import type { StoredCalendar } from './store';

/** Write permissions (learn.microsoft.com/graph/permissions-reference): .Shared also covers the user's own calendars. */
const WRITE_SCOPES = {
  own: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared'],
  shared: ['Calendars.ReadWrite.Shared'],
} as const;

/**
 * Server-owned properties a client cannot set; Graph ignores or rejects them, the sandbox drops them. `onlineMeeting`
 * is read-only too (event resource docs): only Graph fills in a join URL, so a client cannot fake a Teams meeting.
 */
const READ_ONLY = ['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'iCalUId', 'webLink', 'organizer', 'isOrganizer', 'type', 'seriesMasterId', 'onlineMeeting', 'onlineMeetingUrl'];

/**
 * The provider an online meeting gets when the create names none: the calendar's `defaultOnlineMeetingProvider`, which
 * the sandbox's calendars all report as Teams (routes.ts). The event factory then initializes `onlineMeeting`.
 */
const DEFAULT_ONLINE_MEETING_PROVIDER = 'teamsForBusiness';

function withMeetingProvider(input: Event): Event {
  if (input.isOnlineMeeting !== true || (input.onlineMeetingProvider !== undefined && input.onlineMeetingProvider !== null)) return input;
  return { ...input, onlineMeetingProvider: DEFAULT_ONLINE_MEETING_PROVIDER };
}

/**
 * The sandbox's sharing knows only "shared with" (Outlook's "can view all details"), not editor delegates; a
 * ReadWrite.Shared token may write to any calendar shared with its user, which is what a room's delegate has.
 */
function canWrite(principal: Principal, calendar: StoredCalendar): boolean {
  const own = calendar.ownerUpn.toLowerCase() === principal.user.userPrincipalName.toLowerCase();
  return hasScope(principal, own ? WRITE_SCOPES.own : WRITE_SCOPES.shared);
}

function badRequest(ctx: GraphContext, req: SandboxRequest, message: string): Reply {
  return graphError(req, ctx.clock, 400, 'ErrorInvalidRequest', message);
}

/** The JSON object body of a write, or the 400 Graph gives for anything else. */
function eventBody(ctx: GraphContext, req: SandboxRequest): { input: Event } | { reply: Reply } {
  let parsed: unknown;
  try {
    parsed = parseJsonBody(req);
  } catch {
    return { reply: badRequest(ctx, req, 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.') };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { reply: badRequest(ctx, req, 'Empty Payload. JSON content expected.') };
  const input: Record<string, unknown> = { ...parsed };
  for (const key of [...READ_ONLY, ...Object.keys(input).filter((k) => k.startsWith('@odata.'))]) delete input[key];
  return { input: input as Event };
}

/** createEvent/updateEvent throw on unusable times; Graph answers those with a 400, not a 500. */
function timesProblem(event: Event): string | null {
  const start = instantOf(event.start);
  const end = instantOf(event.end);
  if (!start || !end) return 'An event needs start and end as {dateTime, timeZone}.';
  return end < start ? 'The end of the event is before its start.' : null;
}

/** The writable calendar a POST path points at (/events and /calendar/events mean the default one). */
function writableCalendar(ctx: GraphContext, req: SandboxRequest, params: RouteParams, principal: Principal): { calendar: StoredCalendar } | { reply: Reply } {
  const target = targetCalendar(ctx, req, params, principal);
  if ('reply' in target) return target;
  return canWrite(principal, target.calendar) ? target : { reply: graphErrorNamed(req, ctx.clock, 'accessDenied') };
}

function eventReply(ctx: GraphContext, req: SandboxRequest, status: number, event: Event, calendar: StoredCalendar): Reply {
  const prefs = parsePrefer(req);
  const owner = ctx.directory.find(calendar.ownerUpn);
  const { transactionId, ...wire } = eventToWire(event, prefs, null);
  // "This property is only returned in a response payload if an app has set it" (event resource docs).
  const body = { '@odata.context': metadata(req, `users('${owner?.id ?? ''}')/events/$entity`), ...wire, ...(transactionId ? { transactionId } : {}) };
  return graphJson(req, status, body, preferenceAppliedHeader(prefs));
}

/**
 * POST …/events → 201 with the whole event. `transactionId` makes a client's retry harmless: a POST repeating one
 * already used in the mailbox returns the event it created (still 201: the docs give no replay status, §2.2), Teams
 * meeting included: the join URL is made once, when the event is.
 */
const createEvent: Authed = (ctx, req, params, principal) => {
  const target = writableCalendar(ctx, req, params, principal);
  if ('reply' in target) return target.reply;
  const body = eventBody(ctx, req);
  if ('reply' in body) return body.reply;
  const { input } = body;
  const problem = timesProblem(input);
  if (problem) return badRequest(ctx, req, problem);
  const transactionId = typeof input.transactionId === 'string' && input.transactionId !== '' ? input.transactionId : null;
  const replayed = transactionId === null ? undefined : ctx.calendars.events(target.calendar.ownerUpn).find((event) => event.transactionId === transactionId);
  if (replayed) return eventReply(ctx, req, 201, replayed, target.calendar);
  const created = ctx.calendars.addEvent(target.calendar.ownerUpn, withMeetingProvider(input), { calendarId: target.calendar.id });
  return eventReply(ctx, req, 201, created, target.calendar);
};

/**
 * The event an /events/{id} path names and its calendar: /me/events/{id} looks in the user's own calendars,
 * /me/calendars/{c}/events/{id} in that (possibly shared) calendar. Writes also need a write scope.
 */
function targetEvent(ctx: GraphContext, req: SandboxRequest, params: RouteParams, principal: Principal, write: boolean): { calendar: StoredCalendar; event: Event } | { reply: Reply } {
  const user = targetUser(ctx, params, principal);
  if (!user) return { reply: invalidUser(ctx, req, params) };
  const eventId = params['event'] ?? '';
  let calendars: StoredCalendar[];
  if (params['calendar'] === undefined) {
    calendars = ctx.calendars.ownCalendars(user.userPrincipalName);
  } else {
    const target = targetCalendar(ctx, req, params, principal);
    if ('reply' in target) return target;
    calendars = [target.calendar];
  }
  for (const calendar of calendars) {
    const event = ctx.calendars.eventsIn(calendar.id).find((candidate) => candidate.id === eventId);
    if (!event) continue;
    const own = calendar.ownerUpn.toLowerCase() === principal.user.userPrincipalName.toLowerCase();
    const readable = hasScope(principal, own ? CALENDAR_SCOPES.readOwn : CALENDAR_SCOPES.readShared);
    if (!readable || (write && !canWrite(principal, calendar))) return { reply: graphErrorNamed(req, ctx.clock, 'accessDenied') };
    return { calendar, event };
  }
  return { reply: graphErrorNamed(req, ctx.clock, 'itemNotFound') };
}

const getEvent: Authed = (ctx, req, params, principal) => {
  const target = targetEvent(ctx, req, params, principal, false);
  return 'reply' in target ? target.reply : eventReply(ctx, req, 200, target.event, target.calendar);
};

/** PATCH …/events/{id} → 200 with the updated event. transactionId is fixed at creation (event resource docs). */
const patchEvent: Authed = (ctx, req, params, principal) => {
  const target = targetEvent(ctx, req, params, principal, true);
  if ('reply' in target) return target.reply;
  const body = eventBody(ctx, req);
  if ('reply' in body) return body.reply;
  const { transactionId: _fixed, ...patch } = body.input;
  const problem = timesProblem({ ...target.event, ...patch });
  if (problem) return badRequest(ctx, req, problem);
  const updated = ctx.calendars.updateEvent(target.calendar.ownerUpn, target.event.id ?? '', patch);
  return eventReply(ctx, req, 200, updated, target.calendar);
};

const deleteEvent: Authed = (ctx, req, params, principal) => {
  const target = targetEvent(ctx, req, params, principal, true);
  if ('reply' in target) return target.reply;
  ctx.calendars.deleteEvent(target.calendar.ownerUpn, target.event.id ?? '');
  return emptyReply(204);
};

/** Event create/read/update/delete; every write goes through the store, so calendarView and delta see it. */
export function eventWriteRoutes(ctx: GraphContext): Route[] {
  const collections = [`${ME}/(?:calendar/)?events`, `${ME}/calendars/(?<calendar>[^/]+)/events`];
  const items = collections.map((collection) => `${collection}/(?<event>[^/]+)`);
  return [
    ...collections.map((path) => graphRoute(ctx, path, createEvent, 'POST')),
    ...items.flatMap((path) => [graphRoute(ctx, path, getEvent), graphRoute(ctx, path, patchEvent, 'PATCH'), graphRoute(ctx, path, deleteEvent, 'DELETE')]),
  ];
}
