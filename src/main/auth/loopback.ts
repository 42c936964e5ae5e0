import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackResult {
  code: string;
}

export class LoopbackError extends Error {
  override name = 'LoopbackError';
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font:24px system-ui;background:#0d1014;color:#f2f4f7;display:grid;place-items:center;height:100vh;margin:0"><div><h1>${title}</h1><p>${text}</p></div>`;

/** What the browser shows once a consent came back to the kiosk (also msal's loopback, for Microsoft's browser sign-in). */
export const SIGNED_IN_PAGE = PAGE('Signed in', 'You can close this window and return to the room screen.');
export const NOT_COMPLETED_PAGE = PAGE('Sign-in not completed', 'You can close this window.');

/**
 * The redirect target of a desktop OAuth flow (RFC 8252 §7.3): `http://127.0.0.1:<port>/callback` for exactly one
 * answer. The `state` check stops a page from another tab (or a replayed redirect) from completing someone else's
 * sign-in; anything but a matching state is refused and the flow keeps waiting for the real answer.
 */
export class LoopbackReceiver {
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly expectedState: string) {}

  get redirectUri(): string {
    return `http://127.0.0.1:${this.port}/callback`;
  }

  async listen(): Promise<void> {
    this.server = createServer();
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Resolves with the code, rejects with LoopbackError (e.g. access_denied) or when `signal` aborts. */
  wait(signal: AbortSignal): Promise<LoopbackResult> {
    const server = this.server;
    if (!server) return Promise.reject(new Error('listen() first'));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.close();
        reject(new LoopbackError('cancelled', 'The sign-in was cancelled on the room screen.'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname !== '/callback') {
          res.writeHead(404).end();
          return;
        }
        if (url.searchParams.get('state') !== this.expectedState) {
          res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE('Sign-in link not valid', 'This answer does not belong to the sign-in Roomdeck started. Nothing was changed.'));
          return;
        }
        const error = url.searchParams.get('error');
        const code = url.searchParams.get('code');
        const finish = (page: string) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
        signal.removeEventListener('abort', onAbort);
        if (error || !code) {
          finish(NOT_COMPLETED_PAGE);
          reject(new LoopbackError(error ?? 'invalid_request', url.searchParams.get('error_description') ?? 'No authorization code was returned.'));
        } else {
          finish(SIGNED_IN_PAGE);
          resolve({ code });
        }
        this.close();
      });
    });
  }

  close(): void {
    this.server?.close();
    this.server?.closeAllConnections();
    this.server = null;
  }
}
