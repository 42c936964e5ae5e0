import { jsonReply, type Reply } from '../core/http';
import type { Denial } from '../oauth2-generic/bearer';
import { retryAfterHeaders } from '../oauth2-generic/http';

/** A Dropbox union value: `{".tag": tag, ...fields}`. */
export type Tagged = { readonly '.tag': string } & Readonly<Record<string, unknown>>;

export function tag(name: string, fields: Readonly<Record<string, unknown>> = {}): Tagged {
  return { '.tag': name, ...fields };
}

/** error_summary spells the union path with slashes and a trailing "/.." (e.g. `path/not_found/..`). */
function summaryOf(error: Tagged): string {
  const parts: string[] = [];
  let current: Tagged | undefined = error;
  while (current) {
    const name: string = current['.tag'];
    parts.push(name);
    const inner: unknown = current[name] ?? current['reason'];
    current = typeof inner === 'object' && inner !== null && '.tag' in inner ? (inner as Tagged) : undefined;
  }
  return `${parts.join('/')}/..`;
}

/** An endpoint-specific error: 409 with `{error_summary, error}`. */
export function endpointError(error: Tagged, extra: Readonly<Record<string, unknown>> = {}): Reply {
  return jsonReply(409, { error_summary: summaryOf(error), error: { ...error, ...extra } });
}

export function pathError(lookup: 'not_found' | 'not_folder' | 'not_file' | 'malformed_path'): Reply {
  return endpointError(tag('path', { path: tag(lookup) }));
}

/** Dropbox answers a malformed call (bad header, bad JSON, wrong content type) with 400 and plain text. */
export function badInput(endpoint: string, message: string): Reply {
  return { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Error in call to API function "${endpoint}": ${message}` };
}

function authError(error: Tagged): Reply {
  return jsonReply(401, { error_summary: summaryOf(error), error }, { 'www-authenticate': 'Bearer realm="Dropbox-API"' });
}

export function dropboxDenial(endpoint: string, denial: Denial): Reply {
  if (denial.kind === 'forbidden') return authError(tag('missing_scope', { required_scope: denial.anyOf[0] ?? '' }));
  if (denial.reason === 'missing') return badInput(endpoint, 'Must provide HTTP header "Authorization" or URL parameter "authorization".');
  return authError(tag(denial.reason === 'expired' ? 'expired_access_token' : 'invalid_access_token'));
}

/**
 * Injected status faults. 429 carries `{error: {reason, retry_after}}` and Retry-After, except when `bare` (some
 * real 429s come back with no JSON body at all, Jesus/dropbox_api#99); 5xx bodies are plain text.
 */
export function dropboxStatusFault(status: number, retryAfter: number | undefined, bare: boolean): Reply {
  const headers = retryAfterHeaders(retryAfter ?? (status === 429 ? 1 : undefined));
  if (status === 429 && !bare) return jsonReply(429, { error_summary: 'too_many_requests/..', error: { reason: tag('too_many_requests'), retry_after: retryAfter ?? 1 } }, headers);
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: bare ? '' : 'Internal Server Error' };
}
