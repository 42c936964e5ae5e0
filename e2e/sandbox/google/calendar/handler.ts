import { jsonReply, type Reply, type SandboxRequest } from '../../core/http';
import type { RouteParams } from '../../core/router';
import { authorize, type Principal } from '../api-auth';
import { calendarError, INSUFFICIENT_SCOPES_MESSAGE, insufficientScopeHeaders, scopeInsufficientDetails, UNAUTHENTICATED } from '../api-errors';
import type { CalendarApiContext } from './context';
import { CalendarApiError, type AccessRole, type CalendarInfo } from './model';
import { NOT_FOUND } from './store';

export interface CalendarCall {
  readonly ctx: CalendarApiContext;
  readonly req: SandboxRequest;
  readonly params: RouteParams;
  readonly principal: Principal;
}

export type CalendarMethod = (call: CalendarCall) => Reply;

function authFailure(problem: 'missing' | 'invalid' | 'scope', anyOf: readonly string[], method: string): Reply {
  if (problem === 'scope') {
    return calendarError(
      403,
      { domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission' },
      { topMessage: INSUFFICIENT_SCOPES_MESSAGE, status: 'PERMISSION_DENIED', details: scopeInsufficientDetails('calendar-json.googleapis.com', method), headers: insufficientScopeHeaders(anyOf) },
    );
  }
  const item = problem === 'missing' ? { message: 'Login Required.', reason: 'required' } : { message: 'Invalid Credentials', reason: 'authError' };
  return calendarError(
    401,
    { ...item, domain: 'global', location: 'Authorization', locationType: 'header' },
    { topMessage: UNAUTHENTICATED[problem], status: 'UNAUTHENTICATED', headers: UNAUTHENTICATED.headers },
  );
}

function apiErrorReply(error: CalendarApiError): Reply {
  const location = error.location ? { location: error.location.name, locationType: error.location.type } : {};
  return calendarError(error.status, { domain: error.domain, reason: error.reason, message: error.message, ...location });
}

/**
 * A Calendar method: token, then scopes (`method` names it in the 403's ErrorInfo, e.g. calendar.v3.Events.List),
 * then the handler, whose CalendarApiErrors become Google's error bodies.
 */
export function calendarMethod(ctx: CalendarApiContext, anyOf: readonly string[], method: string, handle: CalendarMethod) {
  return (req: SandboxRequest, params: RouteParams): Reply => {
    const auth = authorize(ctx, req, anyOf);
    if (!auth.ok) return authFailure(auth.problem, anyOf, method);
    try {
      return handle({ ctx, req, params, principal: auth.principal });
    } catch (error) {
      if (error instanceof CalendarApiError) return apiErrorReply(error);
      throw error;
    }
  };
}

export const RANK: Readonly<Record<AccessRole, number>> = { freeBusyReader: 0, reader: 1, writer: 2, owner: 3 };

/**
 * The calendar named in the path (`primary` = the caller's own) and the caller's role on it. A calendar the caller
 * cannot see is 404, not 403, as Google answers; one it can read but not write is 403 requiredAccessLevel.
 */
export function calendarFor(call: CalendarCall, needed: 'reader' | 'writer'): { calendar: CalendarInfo; role: AccessRole } {
  const requested = call.params['calendarId'] ?? '';
  const id = requested === 'primary' ? call.principal.account.email : requested;
  const calendar = call.ctx.store.calendar(id);
  const role = calendar ? call.ctx.store.roleOf(call.principal.account.email, calendar.id) : null;
  if (!calendar || !role || RANK[role] < RANK.reader) throw NOT_FOUND();
  if (RANK[role] < RANK[needed]) throw new CalendarApiError(403, 'requiredAccessLevel', 'You need to have writer access to this calendar.', 'calendar');
  return { calendar, role };
}

export function googleJson(value: unknown): Reply {
  return jsonReply(200, value, { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', vary: 'Origin, X-Origin, Referer' });
}
