/**
 * WIRING — value-imports `electron`; never load from tests. The request → file mapping lives in app-protocol.ts.
 */
import { protocol } from 'electron';
import type { Logger } from '../health/logger';
import { serveAppRequest } from './app-protocol';
import { APP_SCHEME, urlForLog } from './policy';

/**
 * Must run before `ready`, and only once (a second call replaces the first). `standard` gives app://roomdeck/ a
 * real origin and relative URLs; `secure` makes it a secure context like https; `corsEnabled` lets Vite's
 * `<script type="module" crossorigin>` load from it (our responses carry no Access-Control-Allow-Origin, so no
 * other origin can read them). No `bypassCSP`, no service workers, no streaming: the renderer needs none.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** After `ready`: serves the built renderer on the default session only (join sessions cannot load app://). */
export function serveRenderer(rendererDir: string, log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppRequest(request.method, request.url, rendererDir);
    if (answer.status !== 200) log.warn('app-protocol.refused', { status: answer.status, url: urlForLog(request.url) });
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
