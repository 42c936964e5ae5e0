import { z } from 'zod';
import type { OAuth2ProviderId } from '../auth/oauth2-client';

/** What an API client needs from a provider connection (OAuth2Connector implements it). */
export interface ApiTokens {
  accessToken(): Promise<string>;
  /** The API answered 401 to `token`: the next accessToken() refreshes first. */
  tokenRejected(token: string): void;
  apiBaseUrl(): Promise<string>;
}

/** The provider answered, with an error status; `body` is its JSON (Zoom's `{code, message}`, Webex's `{message, errors}`) or null. */
export class ApiHttpError extends Error {
  override name = 'ApiHttpError';
  constructor(
    readonly provider: OAuth2ProviderId,
    readonly status: number,
    what: string,
    readonly body: unknown = null,
  ) {
    super(`${provider}: ${what} failed (HTTP ${status})`);
  }
}

/** No answer at all (time-out, reset connection): the request may or may not have reached the provider. */
export class ApiNoAnswerError extends Error {
  override name = 'ApiNoAnswerError';
  constructor(
    readonly provider: OAuth2ProviderId,
    what: string,
    options: { cause: unknown },
  ) {
    super(`${provider}: ${what} got no answer`, options);
  }
}

/**
 * Whether a failed write may still have been applied: no answer, or a 5xx (a gateway that timed out while the
 * provider committed). A 4xx, including 429, was refused before anything was written.
 */
export function mayHaveApplied(error: unknown): boolean {
  return error instanceof ApiNoAnswerError || (error instanceof ApiHttpError && error.status >= 500);
}

/** Long enough for a slow provider, short enough that the person at the kiosk is not left waiting for ever. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface ApiRequest {
  query?: Readonly<Record<string, string>>;
  body?: unknown;
}

/**
 * A bearer-token JSON client for the Zoom and Webex REST APIs (plain fetch, as they have no official Node SDK).
 * Never retries on its own, except once after a 401, which the provider refused before doing anything.
 */
export class OAuth2Api {
  constructor(
    readonly provider: OAuth2ProviderId,
    private readonly tokens: ApiTokens,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  /** A call whose answer is JSON of `schema`. */
  async json<T>(method: string, path: string, schema: z.ZodType<T>, request: ApiRequest = {}): Promise<T> {
    const what = `${method} ${path}`;
    const response = await this.send(method, path, request);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new Error(`${this.provider}: ${what} answered an unexpected shape: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  /** A call whose answer has no body we need (DELETE, POST …/end). */
  async call(method: string, path: string, request: ApiRequest = {}): Promise<void> {
    const response = await this.send(method, path, request);
    await response.body?.cancel();
  }

  private async send(method: string, path: string, request: ApiRequest): Promise<Response> {
    const what = `${method} ${path}`;
    let response = await this.attempt(method, path, request);
    if (response.status === 401) {
      await response.body?.cancel();
      response = await this.attempt(method, path, request);
    }
    if (!response.ok) throw new ApiHttpError(this.provider, response.status, what, await response.json().catch(() => null));
    return response;
  }

  private async attempt(method: string, path: string, request: ApiRequest): Promise<Response> {
    const [token, base] = await Promise.all([this.tokens.accessToken(), this.tokens.apiBaseUrl()]);
    const url = new URL(`${base}${path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(url, {
        method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (response.status === 401) this.tokens.tokenRejected(token);
      return response;
    } catch (cause) {
      throw new ApiNoAnswerError(this.provider, `${method} ${path}`, { cause });
    }
  }
}
