import { z } from 'zod';
import type { Clock } from '../core/clock';
import { emptyReply, jsonReply, parseJsonBody, type Reply, type SandboxRequest } from '../core/http';
import { route, type Route, type RouteParams } from '../core/router';
import { resolveTimeZone } from '../core/time';
import { createGuard } from '../oauth2-generic/bearer';
import { isReply } from '../oauth2-generic/http';
import type { Grant } from '../oauth2-generic/model';
import type { OAuthProvider } from '../oauth2-generic/provider';
import { ROOM_ZOOM, ZOOM_ACCOUNT_ID, ZOOM_CONTACTS, ZOOM_SIGN_IN_ACCOUNTS, type ZoomUser } from './accounts';
import { searchContacts } from './contacts';
import { zoomDenial, zoomError, zoomValidationError } from './errors';
import { meetingJson, meetingListItem, parseZoomStart, type ZoomMeetingStore } from './meetings';
import { ZOOM_ENDPOINT_SCOPES as SCOPES } from './scopes';

export interface ZoomApiContext {
  readonly clock: Clock;
  readonly oauth: OAuthProvider;
  readonly meetings: ZoomMeetingStore;
}

const createMeetingBody = z.object({
  topic: z.string().max(200).optional(),
  type: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(8)]).optional(),
  start_time: z.string().optional(),
  duration: z.number().int().min(0).optional(),
  timezone: z.string().optional(),
  password: z.string().max(10).optional(),
  agenda: z.string().max(2000).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

function userOf(grant: Grant): ZoomUser {
  return ZOOM_SIGN_IN_ACCOUNTS.find((user) => user.id === grant.account.id) ?? ROOM_ZOOM;
}

/** `me`, or the caller's own id or email; a user-level app sees no one else. */
function resolveUser(grant: Grant, key: string): ZoomUser | null {
  const user = userOf(grant);
  const lower = key.toLowerCase();
  return lower === 'me' || lower === user.id.toLowerCase() || lower === user.email.toLowerCase() ? user : null;
}

function userMissing(key: string): Reply {
  return zoomError(404, 1001, `User does not exist: ${key}.`);
}

function userJson(user: ZoomUser): Record<string, unknown> {
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: user.displayName,
    email: user.email,
    type: 2,
    role_name: 'Member',
    pmi: user.pmi,
    use_pmi: false,
    personal_meeting_url: `https://contoso.zoom.us/j/${user.pmi}`,
    timezone: user.timezone,
    verified: 1,
    dept: user.dept,
    created_at: '2024-01-15T09:00:00Z',
    last_login_time: '2026-11-02T08:12:44Z',
    last_client_version: '6.2.5.37701(win)',
    pic_url: '',
    cms_user_id: '',
    jid: `${user.id.toLowerCase()}@xmpp.zoom.us`,
    group_ids: [],
    im_group_ids: [],
    account_id: ZOOM_ACCOUNT_ID,
    language: 'en-US',
    phone_country: 'IT',
    phone_number: user.phoneNumber,
    status: 'active',
    job_title: user.jobTitle,
    cost_center: '',
    location: user.location,
    login_types: [100],
    role_id: '2',
    cluster: 'us06',
    user_created_at: '2024-01-15T09:00:00Z',
  };
}

function parseBody(req: SandboxRequest): z.infer<typeof createMeetingBody> | Reply {
  let raw: unknown;
  try {
    raw = parseJsonBody(req) ?? {};
  } catch {
    return zoomError(400, 300, 'Request Body should be a valid JSON object.');
  }
  const parsed = createMeetingBody.safeParse(raw);
  if (!parsed.success) return zoomValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: 'Invalid field.' })));
  return parsed.data;
}

function createMeeting(ctx: ZoomApiContext, req: SandboxRequest, params: RouteParams, grant: Grant): Reply {
  const host = resolveUser(grant, params['user'] ?? '');
  if (!host) return userMissing(params['user'] ?? '');
  const body = parseBody(req);
  if (isReply(body)) return body;
  const zone = body.timezone ?? host.timezone;
  if (resolveTimeZone(zone) === null) return zoomValidationError([{ field: 'timezone', message: 'Invalid field.' }]);
  const start = body.start_time === undefined ? null : parseZoomStart(body.start_time, resolveTimeZone(zone) ?? 'UTC');
  if (body.start_time !== undefined && start === null) return zoomValidationError([{ field: 'start_time', message: 'Invalid field.' }]);
  const meeting = ctx.meetings.create(
    host,
    { topic: body.topic, type: body.type, duration: body.duration, timezone: body.timezone, agenda: body.agenda, password: body.password, settings: body.settings },
    start,
  );
  return jsonReply(201, meetingJson(meeting));
}

function meetingIdOf(params: RouteParams): number {
  const id = Number(params['id']);
  return Number.isSafeInteger(id) ? id : -1;
}

function meetingMissing(params: RouteParams): Reply {
  return zoomError(404, 3001, `Meeting does not exist: ${params['id'] ?? ''}.`);
}

function getMeeting(ctx: ZoomApiContext, params: RouteParams, grant: Grant): Reply {
  const meeting = ctx.meetings.find(meetingIdOf(params));
  if (!meeting || meeting.host.id !== grant.account.id) return meetingMissing(params);
  return jsonReply(200, meetingJson(meeting));
}

function deleteMeeting(ctx: ZoomApiContext, params: RouteParams, grant: Grant): Reply {
  const meeting = ctx.meetings.find(meetingIdOf(params));
  if (!meeting || meeting.host.id !== grant.account.id) return meetingMissing(params);
  ctx.meetings.delete(meeting.id);
  return emptyReply(204);
}

function listMeetings(ctx: ZoomApiContext, req: SandboxRequest, params: RouteParams, grant: Grant): Reply {
  const host = resolveUser(grant, params['user'] ?? '');
  if (!host) return userMissing(params['user'] ?? '');
  const type = req.query['type'] ?? 'scheduled';
  const now = ctx.clock().getTime();
  const meetings = ctx.meetings.hostedBy(host).filter((meeting) => {
    if (type === 'upcoming' || type === 'upcoming_meetings') return meeting.startTime.getTime() + meeting.duration * 60_000 > now;
    if (type === 'scheduled') return meeting.type !== 1;
    return type === 'live' ? false : true;
  });
  return jsonReply(200, { page_size: 30, total_records: meetings.length, next_page_token: '', meetings: meetings.map(meetingListItem) });
}

function contacts(ctx: ZoomApiContext, req: SandboxRequest): Reply {
  const page = searchContacts(ZOOM_CONTACTS, ctx.clock, {
    searchKey: req.query['search_key'],
    pageSize: req.query['page_size'],
    nextPageToken: req.query['next_page_token'],
    withPresence: req.query['query_presence_status'] === 'true',
  });
  return page.ok ? jsonReply(200, page.body) : zoomError(400, 300, page.message);
}

/** Zoom has refused access tokens in the query string since 2023. */
function refuseQueryToken(req: SandboxRequest): Reply | null {
  return req.query['access_token'] === undefined ? null : zoomError(401, 124, 'Invalid access token, this access token is not supported as query parameter string.');
}

const USER = '(?<user>[^/]+)';
const MEETING = '(?<id>[^/]+)';

export function zoomApiRoutes(ctx: ZoomApiContext): Route[] {
  const guard = createGuard(ctx.oauth.grants, { deny: (_req, denial) => zoomDenial(denial), precheck: refuseQueryToken });
  return [
    route(
      'GET',
      new RegExp(`^/v2/users/${USER}$`),
      guard(SCOPES.me, (_req, params, grant) => {
        const user = resolveUser(grant, params['user'] ?? '');
        return user ? jsonReply(200, userJson(user)) : userMissing(params['user'] ?? '');
      }),
    ),
    route('POST', new RegExp(`^/v2/users/${USER}/meetings$`), guard(SCOPES.createMeeting, (req, params, grant) => createMeeting(ctx, req, params, grant))),
    route('GET', new RegExp(`^/v2/users/${USER}/meetings$`), guard(SCOPES.listMeetings, (req, params, grant) => listMeetings(ctx, req, params, grant))),
    route('GET', new RegExp(`^/v2/meetings/${MEETING}$`), guard(SCOPES.getMeeting, (_req, params, grant) => getMeeting(ctx, params, grant))),
    route('DELETE', new RegExp(`^/v2/meetings/${MEETING}$`), guard(SCOPES.deleteMeeting, (_req, params, grant) => deleteMeeting(ctx, params, grant))),
    route('GET', /^\/v2\/contacts$/, guard(SCOPES.contacts, (req) => contacts(ctx, req))),
  ];
}

