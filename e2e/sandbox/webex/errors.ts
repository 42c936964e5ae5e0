import { randomUUID } from 'node:crypto';
import { jsonReply, type Reply } from '../core/http';
import type { Denial } from '../oauth2-generic/bearer';
import { retryAfterHeaders } from '../oauth2-generic/http';

export function trackingId(): string {
  return `ROUTERGW_${randomUUID()}`;
}

/** Webex's error body: `{message, errors: [{description}], trackingId}`, the tracking id also as a header. */
export function webexError(status: number, message: string, descriptions: readonly string[] = [message], headers: Record<string, string> = {}): Reply {
  const id = trackingId();
  return jsonReply(status, { message, errors: descriptions.map((description) => ({ description })), trackingId: id }, { trackingid: id, ...headers });
}

const NO_TOKEN = 'The request requires a valid access token set in the Authorization request header.';
const MISSING_SCOPE = 'The server understood the request, but refused to fulfill it because the access token is missing required scopes or the user is missing required roles or licenses.';

export function webexDenial(denial: Denial): Reply {
  return denial.kind === 'forbidden' ? webexError(403, MISSING_SCOPE) : webexError(401, NO_TOKEN);
}

export function webexStatusFault(status: number, retryAfter: number | undefined): Reply {
  const message = status === 429 ? 'Too Many Requests' : status >= 500 ? 'Service Unavailable' : 'The request could not be processed.';
  return webexError(status, message, [message], retryAfterHeaders(retryAfter));
}

export function webexInvalidInput(descriptions: readonly string[]): Reply {
  return webexError(400, 'The input parameters contain invalid items.', descriptions);
}
