import type { Reply, SandboxRequest } from '../../core/http';
import { route, type Route, type RouteParams } from '../../core/router';
import { parseQueryInstant } from '../../core/time';
import type { DirectoryUser } from '../directory';
import { authenticate, CALENDAR_SCOPES, hasScope, type Principal } from './auth';
import { applyOrderBy, decodeSkipToken, DEFAULT_PAGE_SIZE, instancesInWindow, nextLink, type PageCursor, type TimeWindow } from './calendar-view';
import type { GraphContext } from './context';
import { graphError, graphErrorNamed, graphJson } from './errors';
import { parsePrefer, preferenceAppliedHeader } from './prefer';
import { eventToWire, parseSelect } from './serialize';
import type { StoredCalendar } from './store';

export type Authed = (ctx: GraphContext, req: SandboxRequest, params: RouteParams, principal: Principal) => Reply;

/** Every Graph route needs a live token; this turns the auth result into either the handler's reply or the 401. */
function authed(ctx: GraphContext, handler: Authed): Route['handle'] {
  return (req, params) => {
    const auth = authenticate(ctx, req);
    return auth.ok ? handler(ctx, req, params, auth.principal) : auth.reply;
  };
}

export const ME = '(?:me|users/(?<user>[^/]+))';
const V1 = '/v1\\.0/';

export function graphRoute(ctx: GraphContext, suffix: string, handler: Authed, method = 'GET'): Route {
  return route(method, new RegExp(`^${V1}${suffix}$`, 'i'), authed(ctx, handler));
}

export function metadata(req: SandboxRequest, fragment: string): string {
  return `${req.origin}/v1.0/$metadata#${fragment}`;
}

/** `me`, or the user in /users/{id|upn}; null when no such user exists. */
export function targetUser(ctx: GraphContext, params: RouteParams, principal: Principal): DirectoryUser | null {
  const key = params['user'];
  return key === undefined ? principal.user : ctx.directory.find(key);
}

export function invalidUser(ctx: GraphContext, req: SandboxRequest, params: RouteParams): Reply {
  return graphError(req, ctx.clock, 404, 'ErrorInvalidUser', `The requested user '${params['user'] ?? ''}' is invalid.`);
}

// ---------------------------------------------------------------- users

export function userToWire(req: SandboxRequest, user: DirectoryUser): Record<string, unknown> {
  return {
    '@odata.context': metadata(req, 'users/$entity'),
    businessPhones: user.businessPhones,
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: user.mobilePhone,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

const getUser: Authed = (ctx, req, params, principal) => {
  const user = targetUser(ctx, params, principal);
  if (!user) return graphError(req, ctx.clock, 404, 'Request_ResourceNotFound', `Resource '${params['user'] ?? ''}' does not exist or one of its queried reference-property objects are not present.`);
  const self = user.id === principal.user.id;
  const allowed = hasScope(principal, self ? ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All'] : ['User.ReadBasic.All', 'User.Read.All']);
  return allowed ? graphJson(req, 200, userToWire(req, user)) : graphErrorNamed(req, ctx.clock, 'directoryDenied');
};

// ---------------------------------------------------------------- calendars

function calendarToWire(req: SandboxRequest, ctx: GraphContext, calendar: StoredCalendar, viewer: DirectoryUser, listedAsShared: boolean): Record<string, unknown> {
  const owner = ctx.directory.find(calendar.ownerUpn) ?? viewer;
  const own = owner.id === viewer.id;
  return {
    '@odata.id': `${req.origin}/v1.0/users('${owner.id}@${ctx.tenant.id}')/calendars('${calendar.id}')`,
    id: calendar.id,
    // A shared calendar added to someone's list shows under its owner's name, as in Outlook.
    name: listedAsShared ? owner.displayName : calendar.name,
    color: calendar.color,
    hexColor: calendar.hexColor,
    isDefaultCalendar: own && calendar.isDefault,
    changeKey: calendar.changeKey,
    canShare: own,
    canViewPrivateItems: own,
    canEdit: own,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: own,
    isRemovable: !(own && calendar.isDefault),
    owner: { name: owner.displayName, address: owner.mail },
  };
}

function canRead(principal: Principal, calendar: StoredCalendar, purpose: 'list' | 'read'): boolean {
  const own = calendar.ownerUpn.toLowerCase() === principal.user.userPrincipalName.toLowerCase();
  if (own) return hasScope(principal, purpose === 'list' ? CALENDAR_SCOPES.listOwn : CALENDAR_SCOPES.readOwn);
  return hasScope(principal, CALENDAR_SCOPES.readShared) && calendar.sharedWith.includes(principal.user.userPrincipalName.toLowerCase());
}

const listCalendars: Authed = (ctx, req, params, principal) => {
  const user = targetUser(ctx, params, principal);
  if (!user) return invalidUser(ctx, req, params);
  const self = user.id === principal.user.id;
  const own = ctx.calendars.ownCalendars(user.userPrincipalName).filter((calendar) => canRead(principal, calendar, 'list'));
  if (own.length === 0) return graphErrorNamed(req, ctx.clock, 'accessDenied');
  const shared = self ? ctx.calendars.calendarsSharedWith(user.userPrincipalName) : [];
  const value = [
    ...own.map((calendar) => calendarToWire(req, ctx, calendar, principal.user, false)),
    ...shared.map((calendar) => calendarToWire(req, ctx, calendar, principal.user, true)),
  ];
  return graphJson(req, 200, { '@odata.context': metadata(req, `users('${user.id}')/calendars`), value });
};

/** The calendar a /calendar, /calendars/{id} or /calendarView path points at, or the error reply. */
export function targetCalendar(ctx: GraphContext, req: SandboxRequest, params: RouteParams, principal: Principal): { calendar: StoredCalendar } | { reply: Reply } {
  const user = targetUser(ctx, params, principal);
  if (!user) return { reply: invalidUser(ctx, req, params) };
  const calendarId = params['calendar'];
  const calendar = calendarId === undefined ? ctx.calendars.defaultCalendar(user.userPrincipalName) : ctx.calendars.findCalendar(calendarId);
  const self = user.id === principal.user.id;
  // /me/calendars/{id} also reaches calendars shared with me; /users/{x}/calendars/{id} only x's own.
  const reachable = calendar !== null && (calendar.ownerUpn === user.userPrincipalName || (self && calendar.sharedWith.includes(user.userPrincipalName.toLowerCase())));
  if (!calendar || !reachable) return { reply: graphErrorNamed(req, ctx.clock, self ? 'itemNotFound' : 'accessDenied') };
  if (!canRead(principal, calendar, 'read')) return { reply: graphErrorNamed(req, ctx.clock, 'accessDenied') };
  return { calendar };
}

const getCalendar: Authed = (ctx, req, params, principal) => {
  const target = targetCalendar(ctx, req, params, principal);
  if ('reply' in target) return target.reply;
  const listedAsShared = params['user'] === undefined && target.calendar.ownerUpn !== principal.user.userPrincipalName;
  // A single GET carries @odata.context instead of the per-item @odata.id of a collection.
  const { '@odata.id': _id, ...calendar } = calendarToWire(req, ctx, target.calendar, principal.user, listedAsShared);
  return graphJson(req, 200, { '@odata.context': metadata(req, `users('${principal.user.id}')/calendars/$entity`), ...calendar });
};

// ---------------------------------------------------------------- calendarView

export function parseWindow(req: SandboxRequest): TimeWindow | 'missing' | 'invalid' {
  const startText = req.query['startDateTime'] ?? req.query['startdatetime'];
  const endText = req.query['endDateTime'] ?? req.query['enddatetime'];
  if (startText === undefined || endText === undefined) return 'missing';
  const start = parseQueryInstant(startText);
  const end = parseQueryInstant(endText);
  return start && end && start < end ? { start, end } : 'invalid';
}

function pageCursor(req: SandboxRequest, maxPageSize: number | null): PageCursor | 'invalid' {
  const token = req.query['$skiptoken'];
  const previous = token === undefined ? { offset: 0, size: DEFAULT_PAGE_SIZE } : decodeSkipToken(token);
  if (previous === null) return 'invalid';
  const top = /^\d+$/.test(req.query['$top'] ?? '') ? Number(req.query['$top']) : null;
  const size = Math.min(1000, Math.max(1, top ?? maxPageSize ?? previous.size));
  return { offset: previous.offset, size };
}

const calendarView: Authed = (ctx, req, params, principal) => {
  const target = targetCalendar(ctx, req, params, principal);
  if ('reply' in target) return target.reply;
  const window = parseWindow(req);
  if (window === 'missing') return graphErrorNamed(req, ctx.clock, 'missingWindow');
  if (window === 'invalid') return graphErrorNamed(req, ctx.clock, 'badWindow');
  const prefs = parsePrefer(req);
  const cursor = pageCursor(req, prefs.maxPageSize);
  if (cursor === 'invalid') return graphErrorNamed(req, ctx.clock, 'badSkipToken');
  const select = parseSelect(req.query['$select']);
  const instances = applyOrderBy(instancesInWindow(ctx.calendars.eventsIn(target.calendar.id), window), req.query['$orderby']);
  const page = instances.slice(cursor.offset, cursor.offset + cursor.size);
  const hasMore = cursor.offset + cursor.size < instances.length;
  const owner = ctx.directory.find(target.calendar.ownerUpn) ?? principal.user;
  const scope = params['calendar'] === undefined ? '' : `calendars('${target.calendar.id}')/`;
  return graphJson(
    req,
    200,
    {
      '@odata.context': metadata(req, `users('${owner.id}')/${scope}calendarView${select ? `(${select.join(',')})` : ''}`),
      ...(hasMore ? { '@odata.nextLink': nextLink(req.url, { offset: cursor.offset + cursor.size, size: cursor.size }) } : {}),
      value: page.map((event) => eventToWire(event, prefs, select)),
    },
    preferenceAppliedHeader(prefs),
  );
};

export function graphRoutes(ctx: GraphContext): Route[] {
  return [
    graphRoute(ctx, ME, getUser),
    graphRoute(ctx, `${ME}/calendars`, listCalendars),
    graphRoute(ctx, `${ME}/calendar`, getCalendar),
    graphRoute(ctx, `${ME}/calendars/(?<calendar>[^/]+)`, getCalendar),
    graphRoute(ctx, `${ME}/(?:calendar/)?calendarView`, calendarView),
    graphRoute(ctx, `${ME}/calendars/(?<calendar>[^/]+)/calendarView`, calendarView),
  ];
}
