import type { Clock } from '../../core/clock';
import { requestId } from '../../core/ids';
import { headerValue, jsonReply, type Reply, type SandboxRequest } from '../../core/http';

/** Graph's JSON content type, including the OData parameters real responses carry. */
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

function correlationHeaders(req: SandboxRequest, id: string): Record<string, string> {
  return { 'request-id': id, 'client-request-id': headerValue(req, 'client-request-id') ?? id };
}

export function graphJson(req: SandboxRequest, status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, value, { 'content-type': GRAPH_JSON, ...correlationHeaders(req, requestId()), ...headers });
}

/** `{"error":{"code","message","innerError":{date, request-id, client-request-id}}}`, as every Graph error. */
export function graphError(
  req: SandboxRequest,
  clock: Clock,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  innerExtra: Record<string, string> = {},
): Reply {
  const id = requestId();
  const ids = correlationHeaders(req, id);
  const innerError = { ...innerExtra, date: clock().toISOString().replace(/\.\d+Z$/, ''), 'request-id': id, 'client-request-id': ids['client-request-id'] };
  return jsonReply(status, { error: { code, message, innerError } }, { 'content-type': GRAPH_JSON, ...ids, ...headers });
}

/** The catalogue of Graph errors the sandbox produces: status, code, message. */
export const GRAPH_ERRORS = {
  tokenMissing: [401, 'InvalidAuthenticationToken', 'Access token is empty.'],
  tokenMalformed: [401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed, there are no dots (.).'],
  tokenExpired: [401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'],
  tokenRevoked: [401, 'InvalidAuthenticationToken', 'Access token has been revoked. Acquire a new token by signing in again.'],
  accessDenied: [403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
  directoryDenied: [403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
  itemNotFound: [404, 'ErrorItemNotFound', 'The specified object was not found in the store.'],
  missingWindow: [400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.'],
  badWindow: [400, 'ErrorInvalidParameter', "The value of the parameter 'StartDateTime' or 'EndDateTime' is invalid."],
  badSkipToken: [400, 'ErrorInvalidUrlQuery', "The value of the '$skiptoken' query parameter is invalid."],
  badDeltaToken: [400, 'ErrorInvalidUrlQuery', "The value of the '$deltatoken' query parameter is invalid."],
  // The code and message directory delta sends for an expired token (Microsoft 365 Developer Blog, 2020-07-03).
  syncStateNotFound: [410, 'syncStateNotFound', 'The sync state generation is not found. The delta token is expired and data must be synchronized again.'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type GraphErrorName = keyof typeof GRAPH_ERRORS;

export function graphErrorNamed(req: SandboxRequest, clock: Clock, name: GraphErrorName, headers: Record<string, string> = {}): Reply {
  const [status, code, message] = GRAPH_ERRORS[name];
  return graphError(req, clock, status, code, message, headers);
}

/** Injected throttling / outage, with the body Graph sends for each status (429: the throttling docs' sample). */
export function graphStatusFault(req: SandboxRequest, clock: Clock, status: number, retryAfter: number | undefined): Reply {
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  const inner = { code: String(status), status: String(status), message: 'Please retry after' };
  if (status === 429) return graphError(req, clock, status, 'TooManyRequests', 'Please retry again later.', headers, inner);
  if (status === 503) return graphError(req, clock, status, 'ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.', headers, inner);
  if (status === 504) return graphError(req, clock, status, 'GatewayTimeout', 'The gateway did not receive a timely response from the upstream server.', headers);
  return graphError(req, clock, status, 'UnknownError', '', headers);
}
