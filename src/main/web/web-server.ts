import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wire } from '../../shared/api';
import type { Roomdeck } from '../app';
import type { Logger } from '../health/logger';
import { contentTypeOf, RENDERER_HEADERS, rendererFileFor } from './renderer-files';
import { SESSION_COOKIE, cookieValue, hostAllowed, originAllowed, sameSecret } from './web-security';

const MAX_BODY_BYTES = 64 * 1024;
const SSE_HEARTBEAT_MS = 15_000;

export interface WebServer {
  /** Open this once: it carries the per-launch secret and trades it for an HttpOnly cookie. */
  launchUrl: string;
  origin: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  app: Roomdeck;
  rendererDir: string;
  port: number;
  log: Logger;
  secret?: string;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering but drain the rest, so the 413 reaches the client instead of a reset.
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The call name from the URL; a malformed escape (`%E0%A4%A`) is no call's name, not a server error. */
function callName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return '';
  }
}

/**
 * The web host: the same api the Electron preload exposes, over HTTP on 127.0.0.1, plus the built renderer.
 * Every request must present the per-launch secret (as the session cookie); the Host and Origin checks keep other
 * pages in the same browser — and DNS-rebinding tricks — out.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { app, log } = options;
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  let port = 0;
  const sockets = new Set<ServerResponse>();

  const handleCall = async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, 'POST only');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
    const text = await readBody(req);
    if (text === null) return send(res, 413, 'Request too large');
    let input: unknown;
    try {
      input = text ? JSON.parse(text) : {};
    } catch {
      return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad-request', message: 'Body is not JSON.' } }), 'application/json');
    }
    const result = await app.router.dispatch(callName(name), input);
    send(res, 200, JSON.stringify(result), 'application/json');
  };

  const handleEvents = (res: ServerResponse): void => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sockets.add(res);
    const unsubscribe = app.bus.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), SSE_HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      sockets.delete(res);
    });
  };

  const serveStatic = async (res: ServerResponse, pathname: string): Promise<void> => {
    const file = rendererFileFor(options.rendererDir, pathname);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return send(res, 404, 'Not found');
    res.writeHead(200, { ...RENDERER_HEADERS, 'Content-Type': contentTypeOf(file) });
    createReadStream(file).pipe(res);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req, port) || !originAllowed(req, port)) return send(res, 403, 'Forbidden');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const key = url.searchParams.get('key');
    if (key !== null && req.method === 'GET') {
      if (!sameSecret(key, secret)) return send(res, 403, 'This link is not valid for this Roomdeck launch.');
      res.writeHead(302, {
        'Set-Cookie': `${SESSION_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }
    if (!sameSecret(cookieValue(req, SESSION_COOKIE), secret)) {
      return send(res, 401, 'Open Roomdeck with the link it printed when it started.');
    }
    if (url.pathname.startsWith(wire.httpCallPrefix)) return handleCall(req, res, url.pathname.slice(wire.httpCallPrefix.length));
    if (url.pathname === wire.httpEventsPath) return handleEvents(res);
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
    return serveStatic(res, url.pathname);
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log.error('web.request-failed', { error: String(err) });
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    launchUrl: `${origin}/?key=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of sockets) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
