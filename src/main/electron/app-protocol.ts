import { readFile } from 'node:fs/promises';
import { contentTypeOf, RENDERER_HEADERS, rendererFileFor } from '../web/renderer-files';
import { APP_HOST, APP_SCHEME } from './policy';

/**
 * What `protocol.handle('app', …)` answers (checklist item 18: a custom protocol instead of `file://`). Plain Node
 * so the path-traversal guard and the headers are unit-tested; protocol.ts turns the result into a `Response`.
 */

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

function plain(status: number, text: string): AppResponse {
  return { status, headers: { ...RENDERER_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}

/**
 * Maps `app://roomdeck/<path>` to a file inside `rendererDir`, or null. Rejects other hosts, encoded separators and
 * anything that resolves outside the renderer folder (`..`, absolute paths, Windows drive letters).
 */
export function resolveAppPath(rawUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  return rendererFileFor(rendererDir, url.pathname);
}

/** GET only; a missing or unreadable file is a 404 (the renderer is a fixed set of built files). */
export async function serveAppRequest(method: string, rawUrl: string, rendererDir: string): Promise<AppResponse> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppPath(rawUrl, rendererDir);
  if (!file) return plain(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  return { status: 200, headers: { ...RENDERER_HEADERS, 'Content-Type': contentTypeOf(file) }, body: method === 'HEAD' ? '' : body };
}
