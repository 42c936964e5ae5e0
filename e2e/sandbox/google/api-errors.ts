import { jsonReply, type Reply } from '../core/http';

/**
 * Google's two API error shapes. Calendar (a "discovery" API) sends `{error: {code, message, errors[{domain,
 * reason, message, location?, locationType?}], status?}}`; People (a One Platform API) sends `{error: {code,
 * message, status, details?}}` with no `errors` array. Clients that read `errors[0].reason` must not assume it.
 */

export interface ErrorItem {
  readonly domain: string;
  readonly reason: string;
  readonly message: string;
  readonly location?: string;
  readonly locationType?: 'parameter' | 'header';
}

export interface ErrorExtras {
  /** Canonical status name (`UNAUTHENTICATED`, `PERMISSION_DENIED`): live responses carry it, the docs' samples do not. */
  readonly status?: string;
  readonly details?: readonly unknown[];
  readonly topMessage?: string;
  readonly headers?: Record<string, string>;
}

export function calendarError(code: number, item: ErrorItem, extras: ErrorExtras = {}): Reply {
  const error = {
    errors: [item],
    code,
    message: extras.topMessage ?? item.message,
    ...(extras.status ? { status: extras.status } : {}),
    ...(extras.details ? { details: extras.details } : {}),
  };
  return jsonReply(code, { error }, extras.headers ?? {});
}

export function platformError(code: number, status: string, message: string, extras: Pick<ErrorExtras, 'details' | 'headers'> = {}): Reply {
  return jsonReply(code, { error: { code, message, status, ...(extras.details ? { details: extras.details } : {}) } }, extras.headers ?? {});
}

const REALM = 'Bearer realm="https://accounts.google.com/"';

export const UNAUTHENTICATED = {
  missing:
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  invalid:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  headers: { 'www-authenticate': `${REALM}, error="invalid_token"` },
} as const;

export const INSUFFICIENT_SCOPES_MESSAGE = 'Request had insufficient authentication scopes.';

/** The ErrorInfo detail that tells a client which scope is missing for which method. */
export function scopeInsufficientDetails(service: string, method: string): unknown[] {
  return [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', domain: 'googleapis.com', metadata: { service, method } }];
}

export function insufficientScopeHeaders(anyOf: readonly string[]): Record<string, string> {
  return { 'www-authenticate': `${REALM}, error="insufficient_scope", scope="${anyOf.join(' ')}"` };
}

export function retryAfterHeader(retryAfter: number | undefined): Record<string, string> {
  return retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
}

/** Injected throttling / outages for Calendar, with the bodies of Google's error guide. */
export function calendarStatusFault(status: number, retryAfter: number | undefined): Reply {
  const headers = retryAfterHeader(retryAfter);
  if (status === 429 || status === 403) return calendarError(status, { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }, { headers });
  if (status >= 500) return calendarError(status, { domain: 'global', reason: 'backendError', message: 'Backend Error' }, { headers });
  return calendarError(status, { domain: 'global', reason: 'badRequest', message: 'Bad Request' }, { headers });
}

const PLATFORM_STATUS: Readonly<Record<number, readonly [string, string]>> = {
  429: ['RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'people.googleapis.com'."],
  500: ['INTERNAL', 'Internal error encountered.'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
};

export function platformStatusFault(status: number, retryAfter: number | undefined): Reply {
  const [name, message] = PLATFORM_STATUS[status] ?? ['UNKNOWN', 'Unknown error.'];
  return platformError(status, name, message, { headers: retryAfterHeader(retryAfter) });
}
