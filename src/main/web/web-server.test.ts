import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Roomdeck } from '../app';
import { ApiRouter, EventBus, type Handlers } from '../bridge/router';
import { silentLogger } from '../health/logger';
import { startWebServer, type WebServer } from './web-server';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const state = { phase: 'setup', notice: null, providers: ['microsoft'], firstRun: true };
const handlers = {
  'app.state': async () => state,
} as unknown as Handlers;

describe('web host server', () => {
  let server: WebServer;
  let cookie: string;

  beforeAll(async () => {
    const rendererDir = await mkdtemp(join(tmpdir(), 'rd-renderer-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Roomdeck</title>');
    const app: Roomdeck = { router: new ApiRouter(handlers, silentLogger), bus: new EventBus(), start: async () => {}, stop: () => {} };
    server = await startWebServer({ app, rendererDir, port: 0, log: silentLogger, secret: 'test-secret-123' });
    const exchange = await send(server.launchUrl);
    cookie = String(exchange.headers['set-cookie']).split(';')[0] ?? '';
  });
  afterAll(() => server.close());

  const call = (name: string, body: string, headers: Record<string, string> = {}) =>
    send(`${server.origin}/api/call/${name}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body });

  it('trades the launch secret for an HttpOnly, SameSite=Strict session cookie', () => {
    expect(cookie).toBe('roomdeck_session=test-secret-123');
  });

  it('serves the renderer with a strict CSP only to the session holder', async () => {
    expect((await send(`${server.origin}/`)).status).toBe(401);
    const page = await send(`${server.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('rejects a wrong launch secret', async () => {
    expect((await send(`${server.origin}/?key=guess`)).status).toBe(403);
  });

  it('answers calls over the contract', async () => {
    const reply = await call('app.state', '{}');
    expect(JSON.parse(reply.body)).toEqual({ ok: true, output: state });
  });

  it('refuses other pages and DNS-rebinding hosts', async () => {
    expect((await call('app.state', '{}', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('app.state', '{}', { host: 'evil.example' })).status).toBe(403);
  });

  it('gives clear errors for unknown calls, bad payloads and non-JSON bodies', async () => {
    expect(JSON.parse((await call('files.deleteEverything', '{}')).body).error.code).toBe('unknown-call');
    expect(JSON.parse((await call('setup.chooseCalendar', '{"calendarId":""}')).body).error.code).toBe('bad-request');
    expect(JSON.parse((await call('app.state', '{"extra":1}')).body).error.code).toBe('bad-request');
    expect(JSON.parse((await call('app.state', '{nope')).body).error.code).toBe('bad-request');
    expect((await call('app.state', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('refuses oversized bodies', async () => {
    expect((await call('app.state', JSON.stringify({ x: 'a'.repeat(100_000) }))).status).toBe(413);
  });

  it('never serves files outside the renderer folder, and answers malformed paths with 404, not a crash', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/index.html%00.png', '/%E0%A4%A', '/..%5c..%5cwindows']) {
      expect((await send(`${server.origin}${path}`, { headers: { cookie } })).status, path).toBe(404);
    }
  });
});
