import type { z } from 'zod';
import { headerValue, type Reply, type SandboxRequest } from '../core/http';
import { badInput } from './errors';

/** The Dropbox endpoint name of a path: `/2/files/list_folder` → `files/list_folder`. */
export function endpointOf(path: string): string {
  return path.replace(/^\/2\//, '');
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain; charset=dropbox-cors-hack'];

function validated<T>(endpoint: string, where: string, raw: unknown, schema: z.ZodType<T>): T | Reply {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return badInput(endpoint, `${where}: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'}`);
}

/** RPC arguments: a JSON body with a JSON content type (no body, or `null`, for endpoints without arguments). */
export function rpcArgs<T>(req: SandboxRequest, schema: z.ZodType<T>): T | Reply {
  const endpoint = endpointOf(req.path);
  const contentType = (headerValue(req, 'content-type') ?? '').toLowerCase();
  if (req.body !== '' && !JSON_TYPES.includes(contentType)) {
    return badInput(endpoint, `Bad HTTP "Content-Type" header: "${contentType}".  Expecting one of ${JSON_TYPES.map((type) => `"${type}"`).join(', ')}.`);
  }
  let raw: unknown;
  try {
    raw = req.body === '' ? null : (JSON.parse(req.body) as unknown);
  } catch {
    return badInput(endpoint, 'request body: could not decode input as JSON');
  }
  return validated(endpoint, 'request body', raw, schema);
}

/**
 * Content-endpoint arguments: JSON in the Dropbox-API-Arg header (or the `arg` URL parameter). Header values must
 * be ASCII, so non-ASCII characters have to be sent as \uXXXX escapes; raw ones are refused.
 */
export function headerArgs<T>(req: SandboxRequest, schema: z.ZodType<T>): T | Reply {
  const endpoint = endpointOf(req.path);
  const text = headerValue(req, 'dropbox-api-arg') ?? req.query['arg'];
  if (text === undefined) return badInput(endpoint, 'Must provide HTTP header "Dropbox-API-Arg" or URL parameter "arg".');
  if (/[^\x20-\x7e]/.test(text)) return badInput(endpoint, 'HTTP header "Dropbox-API-Arg": could not decode input as JSON (non-ASCII characters must be escaped as \\uXXXX)');
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    return badInput(endpoint, 'HTTP header "Dropbox-API-Arg": could not decode input as JSON');
  }
  return validated(endpoint, 'HTTP header "Dropbox-API-Arg"', raw, schema);
}
