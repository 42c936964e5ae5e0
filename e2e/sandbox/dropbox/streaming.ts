import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import type { Reply, SandboxRequest } from '../core/http';
import type { NodeHandler } from '../core/service';

/**
 * Binary bodies on top of core's string pipeline, for Dropbox's content host (downloads of hundreds of MB, uploads
 * of arbitrary bytes). Core replies are strings and core reads request bodies as UTF-8, so:
 *  - `withBinaryBodies` wraps the listener's handler: it keeps the raw request bytes, and swaps in a registered
 *    stream when core writes a streamed reply (status, headers, recording and faults all stay core's);
 *  - handlers call `requestBytes(req)` and return `streamedReply(req, …)`.
 * Requests are matched through their headers object, which core passes through unchanged (SandboxRequest.headers
 * is IncomingMessage.headers). Once core's Reply can carry a stream and SandboxRequest the raw bytes, this file goes.
 */

/** A body produced on demand; `length` becomes Content-Length. */
export interface StreamBody {
  readonly length: number;
  open(): Readable;
}

const pendingBodies = new WeakMap<IncomingHttpHeaders, StreamBody>();
const rawBodies = new WeakMap<IncomingHttpHeaders, Buffer>();

/** A reply whose body is streamed from `body` instead of core's string. */
export function streamedReply(req: SandboxRequest, status: number, headers: Record<string, string>, body: StreamBody): Reply {
  pendingBodies.set(req.headers, body);
  return { status, headers, body: '' };
}

/** The request body as sent (core's `req.body` is its UTF-8 decoding, lossy for binary uploads). */
export function requestBytes(req: SandboxRequest): Buffer {
  return rawBodies.get(req.headers) ?? Buffer.from(req.body, 'utf8');
}

function captureBytes(req: IncomingMessage): void {
  const chunks: Buffer[] = [];
  // Registered before core's own listeners (same tick), so both see every chunk and ours finishes first.
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => rawBodies.set(req.headers, Buffer.concat(chunks)));
}

function substituteStreamedBody(req: IncomingMessage, res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  const patchedWriteHead = (status: number, headers?: OutgoingHttpHeaders): ServerResponse => {
    const body = pendingBodies.get(req.headers);
    return writeHead(status, body ? { ...headers, 'content-length': body.length } : headers);
  };
  const patchedEnd = (...args: unknown[]): ServerResponse => {
    const body = pendingBodies.get(req.headers);
    if (!body) return Reflect.apply(end, res, args) as ServerResponse;
    pendingBodies.delete(req.headers);
    // An error mid-body (an injected "fail after N bytes") destroys the socket: the client sees a cut-off body.
    pipeline(body.open(), res, (error) => {
      if (error) res.destroy();
    });
    return res;
  };
  res.writeHead = patchedWriteHead as ServerResponse['writeHead'];
  res.end = patchedEnd as ServerResponse['end'];
}

export function withBinaryBodies(handler: NodeHandler): NodeHandler {
  return (req, res, origin) => {
    captureBytes(req);
    substituteStreamedBody(req, res);
    handler(req, res, origin);
  };
}

/** JSON for an HTTP header: Dropbox requires non-ASCII escaped as \uXXXX (Dropbox-API-Arg / Dropbox-API-Result). */
export function headerSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
