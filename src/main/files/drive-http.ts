import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { DriveSource } from '../../shared/model';
import { DriveHttpError, type DriveDownload } from './cloud-drive';

/** A hung provider must not freeze the Files screen; a download's body gets no overall limit (200 MB takes time). */
const REQUEST_TIMEOUT_MS = 30_000;

/** Token source for one drive connection; `stale` is the token an API just refused (refresh it). */
export type DriveToken = (stale?: string) => Promise<string>;

/**
 * Fetch whose answer must start within the timeout; its body may then take as long as it flows (streamToFile
 * notices a body that stops flowing).
 */
async function fetchWithHeadersTimeout(url: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Authorized fetch with one retry on 401 (a token revoked or expired early), for every drive call. `whole`: the
 * timeout covers the body too (JSON answers); otherwise only the wait for the answer to start (file bodies).
 */
export async function driveFetch(token: DriveToken, url: string, init: RequestInit = {}, whole = true): Promise<Response> {
  const send = (bearer: string) => {
    const request = { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${bearer}` } };
    return whole ? fetch(url, { ...request, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }) : fetchWithHeadersTimeout(url, request);
  };
  const first = await token();
  const response = await send(first);
  if (response.status !== 401 || init.body instanceof ReadableStream) return response;
  return send(await token(first));
}

async function failure(source: DriveSource, what: string, response: Response): Promise<DriveHttpError> {
  const text = await response.text().catch(() => '');
  return new DriveHttpError(source, response.status, what, text.slice(0, 300));
}

/** A JSON answer checked against its schema (provider JSON is an edge: never trusted unchecked). */
export async function driveJson<T>(source: DriveSource, what: string, response: Response, schema: z.ZodType<T>): Promise<T> {
  if (!response.ok) throw await failure(source, what, response);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error(`${source}: ${what} answered an unexpected shape: ${parsed.error.message}`);
  return parsed.data;
}

/** A download answer: the body stream and its announced length. */
export async function driveBody(source: DriveSource, what: string, response: Response, name: string): Promise<DriveDownload> {
  if (!response.ok || !response.body) throw await failure(source, what, response);
  const length = response.headers.get('content-length');
  return { size: length === null ? null : Number(length), body: response.body, name };
}

/** Ensures an upload or other write succeeded. */
export async function driveOk(source: DriveSource, what: string, response: Response): Promise<void> {
  if (!response.ok) throw await failure(source, what, response);
  await response.body?.cancel();
}

/** A file on disk as a request body, streamed (fetch needs `duplex: 'half'` for a stream body). */
export function fileBody(path: string, size: number, contentType = 'application/octet-stream'): RequestInit {
  return {
    body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
    duplex: 'half',
    headers: { 'content-type': contentType, 'content-length': String(size) },
  } as RequestInit;
}
