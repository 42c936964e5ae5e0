import { jsonReply, type Reply } from '../core/http';
import type { Denial } from '../oauth2-generic/bearer';
import { retryAfterHeaders } from '../oauth2-generic/http';

/** Zoom's API error body: `{code, message}` with an HTTP status (https://developers.zoom.us/docs/api/errors). */
export function zoomError(status: number, code: number, message: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { code, message }, headers);
}

export function zoomValidationError(errors: readonly { field: string; message: string }[]): Reply {
  return jsonReply(400, { code: 300, message: 'Validation Failed.', errors });
}

/**
 * Refusals before a handler runs. A dead token is 401 code 124; a token without the scope is 400 code 4711 listing
 * the scopes that would do (as reported for real calls, e.g. JubaerHossain/zoom-laravel#15), not 403.
 */
export function zoomDenial(denial: Denial): Reply {
  if (denial.kind === 'forbidden') return zoomError(400, 4711, `Invalid access token, does not contain scopes:[${denial.anyOf.join(', ')}].`);
  return zoomError(401, 124, denial.reason === 'expired' ? 'Access token is expired.' : 'Invalid access token.');
}

export function zoomStatusFault(status: number, retryAfter: number | undefined): Reply {
  const headers = retryAfterHeaders(retryAfter);
  if (status === 429) return zoomError(429, 429, 'You have reached the maximum per-second rate limit for this API. Try again later.', headers);
  return zoomError(status, status, status >= 500 ? 'Internal server error, please try again later.' : 'The request could not be processed.', headers);
}
