import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** One incoming request, fully read and parsed, as every handler in the sandbox sees it. */
export interface SandboxRequest {
  readonly method: string;
  /** Absolute URL at this listener's origin (what the client actually asked for). */
  readonly url: URL;
  readonly path: string;
  /** First value of each query parameter. */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Parsed body of an `application/x-www-form-urlencoded` request, else null. */
  readonly form: Readonly<Record<string, string>> | null;
  /** `https://127.0.0.1:PORT` of the listener that received the request. */
  readonly origin: string;
}

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type Handler = (req: SandboxRequest) => Reply | Promise<Reply>;

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function htmlReply(status: number, markup: string, headers: Record<string, string> = {}): Reply {
  // Pages are rendered by tests and Playwright only; forbid caching so a re-run never sees a stale form.
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: markup };
}

export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: '' };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

/** A header as one string (Node gives arrays for repeated headers; HTTP says they join with commas). */
export function headerValue(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

export function bearerToken(req: SandboxRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(req, 'authorization') ?? '');
  return match?.[1] ?? null;
}

export function parseJsonBody(req: SandboxRequest): unknown {
  if (req.body.trim() === '') return undefined;
  return JSON.parse(req.body) as unknown;
}

function firstValues(params: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in result)) result[key] = value;
  return result;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function readRequest(req: IncomingMessage, origin: string): Promise<SandboxRequest> {
  const url = new URL(req.url ?? '/', origin);
  const body = await readBody(req);
  const isForm = (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    path: url.pathname,
    query: firstValues(url.searchParams),
    headers: req.headers,
    body,
    form: isForm ? firstValues(new URLSearchParams(body)) : null,
    origin,
  };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  // A fault may have destroyed the socket, or the client may have gone away while a delay ran.
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}
