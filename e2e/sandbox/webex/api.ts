import { z } from 'zod';
import type { Clock } from '../core/clock';
import { emptyReply, jsonReply, parseJsonBody, type Reply, type SandboxRequest } from '../core/http';
import { route, type Route, type RouteParams } from '../core/router';
import { parseQueryInstant, resolveTimeZone } from '../core/time';
import { createGuard } from '../oauth2-generic/bearer';
import { isReply } from '../oauth2-generic/http';
import type { Grant } from '../oauth2-generic/model';
import type { OAuthProvider } from '../oauth2-generic/provider';
import { ROOM_WEBEX, WEBEX_PEOPLE, type WebexPerson } from './accounts';
import { webexDenial, webexError, webexInvalidInput } from './errors';
import { meetingJson, parseWebexTime, participantJson, type WebexMeetingRecord, type WebexMeetingStore } from './meetings';
import { pageOf, parseMax, decodeCursor, type CursorState } from './paging';
import { listPeople, personJson } from './people';
import { WEBEX_ENDPOINT_SCOPES as SCOPES } from './scopes';

export interface WebexApiContext {
  readonly clock: Clock;
  readonly oauth: OAuthProvider;
  readonly meetings: WebexMeetingStore;
}

const createBody = z.object({
  title: z.string().min(1).max(128),
  agenda: z.string().max(1300).optional(),
  password: z.string().max(32).optional(),
  start: z.string(),
  end: z.string(),
  timezone: z.string().optional(),
  invitees: z.array(z.object({ email: z.string(), displayName: z.string().optional(), coHost: z.boolean().optional() })).optional(),
  hostEmail: z.string().optional(),
  siteUrl: z.string().optional(),
  sendEmail: z.boolean().optional(),
});

const controlsBody = z.object({ locked: z.boolean().optional(), recordingStarted: z.boolean().optional(), recordingPaused: z.boolean().optional() });

type MeetingType = 'meetingSeries' | 'scheduledMeeting' | 'meeting';

interface MeetingQuery {
  readonly meetingType: MeetingType;
  readonly from: number | null;
  readonly to: number | null;
}

function personOf(grant: Grant): WebexPerson {
  return WEBEX_PEOPLE.find((person) => person.id === grant.account.id) ?? ROOM_WEBEX;
}

function parseBody<T>(req: SandboxRequest, schema: z.ZodType<T>): T | Reply {
  let raw: unknown;
  try {
    raw = parseJsonBody(req) ?? {};
  } catch {
    return webexInvalidInput(['The request body is not valid JSON.']);
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : webexInvalidInput(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`));
}

function createMeeting(ctx: WebexApiContext, req: SandboxRequest, grant: Grant): Reply {
  const body = parseBody(req, createBody);
  if (isReply(body)) return body;
  const host = personOf(grant);
  const zone = resolveTimeZone(body.timezone ?? host.timezone);
  if (zone === null) return webexInvalidInput([`timezone: "${body.timezone ?? ''}" is not a valid time zone.`]);
  const start = parseWebexTime(body.start, zone);
  const end = parseWebexTime(body.end, zone);
  if (!start || !end) return webexInvalidInput(['start and end must be valid date-times.']);
  if (end.getTime() <= start.getTime()) return webexInvalidInput(['end must be later than start.']);
  const meeting = ctx.meetings.create(host, {
    title: body.title,
    agenda: body.agenda,
    password: body.password,
    timezone: body.timezone ?? host.timezone,
    start,
    end,
    invitees: (body.invitees ?? []).map((invitee) => invitee.email),
  });
  return jsonReply(200, meetingJson(meeting));
}

function meetingQueryOf(req: SandboxRequest): CursorState<MeetingQuery> | Reply {
  const cursor = req.query['cursor'];
  if (cursor !== undefined) return decodeCursor<MeetingQuery>(cursor) ?? webexInvalidInput(['The cursor is invalid or has expired.']);
  const meetingType = req.query['meetingType'] ?? 'meetingSeries';
  if (meetingType !== 'meetingSeries' && meetingType !== 'scheduledMeeting' && meetingType !== 'meeting') return webexInvalidInput([`meetingType "${meetingType}" is not supported.`]);
  const bound = (name: 'from' | 'to'): number | null | 'bad' => {
    const text = req.query[name];
    if (text === undefined) return null;
    return parseQueryInstant(text)?.getTime() ?? 'bad';
  };
  const from = bound('from');
  const to = bound('to');
  if (from === 'bad' || to === 'bad') return webexInvalidInput(['from and to must be ISO 8601 date-times.']);
  return { query: { meetingType, from, to }, offset: 0 };
}

/**
 * Meetings whose start lies in [from, to): Webex filters on the start time, so to find a meeting overlapping "now" a
 * client must look back by the longest meeting it cares about.
 */
function listMeetings(ctx: WebexApiContext, req: SandboxRequest, grant: Grant): Reply {
  const state = meetingQueryOf(req);
  if (isReply(state)) return state;
  const max = parseMax(req.query['max'], 10, 100);
  if (max === null) return webexInvalidInput(['max must be between 1 and 100.']);
  const { meetingType, from, to } = state.query;
  const mine = ctx.meetings.all().filter((meeting) => meeting.host.id === grant.account.id);
  const inRange = mine.filter((meeting) => (from === null || meeting.start.getTime() >= from) && (to === null || meeting.start.getTime() < to));
  const wanted = meetingType === 'meeting' ? inRange.filter((meeting) => ctx.meetings.phase(meeting) !== 'scheduled') : inRange;
  const page = pageOf(req, wanted, state, max);
  return jsonReply(200, { items: page.items.map((meeting) => listItem(ctx, meeting, meetingType)) }, page.headers);
}

function listItem(ctx: WebexApiContext, meeting: WebexMeetingRecord, meetingType: MeetingType): Record<string, unknown> {
  if (meetingType !== 'meeting') return meetingJson(meeting, meetingType);
  return { ...meetingJson(meeting), id: `${meeting.id}_I_${meeting.meetingNumber}`, meetingSeriesId: meeting.id, meetingType: 'meeting', state: ctx.meetings.phase(meeting) };
}

function ownMeeting(ctx: WebexApiContext, id: string, grant: Grant): WebexMeetingRecord | Reply {
  const meeting = ctx.meetings.find(id);
  return meeting && meeting.host.id === grant.account.id ? meeting : webexError(404, 'Meeting not found.');
}

function withMeeting(ctx: WebexApiContext, id: string | undefined, grant: Grant, then: (meeting: WebexMeetingRecord) => Reply): Reply {
  if (!id) return webexInvalidInput(['meetingId is required.']);
  const meeting = ownMeeting(ctx, id, grant);
  return isReply(meeting) ? meeting : then(meeting);
}

function participants(ctx: WebexApiContext, req: SandboxRequest, grant: Grant): Reply {
  return withMeeting(ctx, req.query['meetingId'], grant, (meeting) => {
    const max = parseMax(req.query['max'], 10, 100) ?? 10;
    const all = ctx.meetings.participants(meeting);
    const page = pageOf(req, all, { query: { meetingId: meeting.id }, offset: Number(req.query['offset'] ?? 0) }, max);
    return jsonReply(200, { items: page.items.map((participant) => participantJson(meeting, participant)) }, page.headers);
  });
}

function liveControls(ctx: WebexApiContext, req: SandboxRequest, grant: Grant, update: boolean): Reply {
  return withMeeting(ctx, req.query['meetingId'], grant, (meeting) => {
    if (ctx.meetings.phase(meeting) !== 'inProgress') return webexError(404, 'The meeting is not in progress.');
    if (update) {
      const body = parseBody(req, controlsBody);
      if (isReply(body)) return body;
      Object.assign(meeting.controls, Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)));
    }
    return jsonReply(200, { ...meeting.controls });
  });
}

const ID = '(?<id>[^/]+)';

export function webexApiRoutes(ctx: WebexApiContext): Route[] {
  const guard = createGuard(ctx.oauth.grants, { deny: (_req, denial) => webexDenial(denial) });
  const id = (params: RouteParams): string => params['id'] ?? '';
  return [
    route('GET', /^\/v1\/people\/me$/, guard(SCOPES.people, (_req, _params, grant) => jsonReply(200, personJson(personOf(grant))))),
    route('GET', /^\/v1\/people$/, guard(SCOPES.people, (req) => listPeople(req, WEBEX_PEOPLE))),
    route('POST', /^\/v1\/meetings$/, guard(SCOPES.writeMeetings, (req, _params, grant) => createMeeting(ctx, req, grant))),
    route('GET', /^\/v1\/meetings$/, guard(SCOPES.readMeetings, (req, _params, grant) => listMeetings(ctx, req, grant))),
    route('GET', /^\/v1\/meetings\/controls$/, guard(SCOPES.readControls, (req, _params, grant) => liveControls(ctx, req, grant, false))),
    route('PUT', /^\/v1\/meetings\/controls$/, guard(SCOPES.writeControls, (req, _params, grant) => liveControls(ctx, req, grant, true))),
    route('GET', new RegExp(`^/v1/meetings/${ID}$`), guard(SCOPES.readMeetings, (_req, params, grant) => withMeeting(ctx, id(params), grant, (meeting) => jsonReply(200, meetingJson(meeting))))),
    route(
      'DELETE',
      new RegExp(`^/v1/meetings/${ID}$`),
      guard(SCOPES.writeMeetings, (_req, params, grant) =>
        withMeeting(ctx, id(params), grant, (meeting) => {
          ctx.meetings.delete(meeting.id);
          return emptyReply(204);
        }),
      ),
    ),
    route(
      'POST',
      new RegExp(`^/v1/meetings/${ID}/end$`),
      guard(SCOPES.writeMeetings, (_req, params, grant) =>
        withMeeting(ctx, id(params), grant, (meeting) => {
          if (ctx.meetings.phase(meeting) !== 'inProgress') return webexError(400, 'The meeting is not in progress.');
          ctx.meetings.end(meeting);
          return emptyReply(204);
        }),
      ),
    ),
    route('GET', /^\/v1\/meetingParticipants$/, guard(SCOPES.participants, (req, _params, grant) => participants(ctx, req, grant))),
  ];
}
