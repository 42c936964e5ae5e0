import { Client, GraphError, RetryHandlerOptions, type GraphRequest, type ShouldRetry } from '@microsoft/microsoft-graph-client';
import type { z } from 'zod';
import { retryAfterMs } from '../../calendar/backoff';
import { PROVIDER_REQUEST_TIMEOUT_MS, RetryLaterError } from '../../calendar/calendar-source';
import type { Logger } from '../../health/logger';
import { GraphPageSchema } from './graph-schemas';

export type TokenSource = (forceRefresh: boolean) => Promise<string>;

type GraphPage = z.output<typeof GraphPageSchema>;

/** Guards against a server that pages forever. */
const MAX_PAGES = 50;

/**
 * The client's RetryHandler waits out 429/503/504 in-line, up to 3 times, for as long as Retry-After says. Fine for a
 * blip; but a poll held for minutes leaves the kiosk unable to say why nothing updates. So GETs retry in-line only
 * when the server asks for at most this long, and otherwise fail at once for the caller's scheduler to wait.
 */
const MAX_INLINE_RETRY_AFTER_MS = 5_000;
/** Graph's throttling guide says to back off even when a 429 names no delay; this is how long. */
const DEFAULT_THROTTLE_MS = 30_000;

const retryOnlyShortWaits: ShouldRetry = (_delay, _attempt, _request, _options, response) => {
  const wait = retryAfterMs(response.headers.get('retry-after'), new Date());
  return wait === null || wait <= MAX_INLINE_RETRY_AFTER_MS;
};

/**
 * A 429, or a 503 that says when to come back, that outlived the client's own retries, as the port's RetryLaterError
 * carrying the server's Retry-After; null for any other failure (a 503 without Retry-After is a plain outage).
 */
export function retryLaterOf(error: unknown, now: Date = new Date()): RetryLaterError | null {
  if (!(error instanceof GraphError) || (error.statusCode !== 429 && error.statusCode !== 503)) return null;
  const wait = retryAfterMs(error.headers?.get('retry-after'), now);
  if (error.statusCode === 503 && wait === null) return null;
  return new RetryLaterError(wait ?? DEFAULT_THROTTLE_MS, error.statusCode);
}

/** Graph's "this delta token is gone, start over": 410 Gone, or `syncStateNotFound` (some services send it on a 400). */
export function isSyncStateLost(error: unknown): boolean {
  return error instanceof GraphError && (error.statusCode === 410 || error.code?.toLowerCase() === 'syncstatenotfound');
}

/** The id of an item that failed validation, if it has a usable one, so IT can find the event in the calendar. */
function idOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 200) : null;
}

/** The first problem with the path it sits at (`start.dateTime: not a Graph dateTime`). */
function issueOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'item'}: ${issue.message}`.slice(0, 200) : 'invalid';
}

/**
 * Microsoft Graph through the official client. Two facts shape it (research/cloud-sandbox.md §2.2): the client only
 * sends the bearer token to hosts it knows, so a non-Microsoft base URL must be listed in `customHosts`; and its
 * retry handler replays POSTs, so creates must carry a `transactionId`.
 */
export class GraphApi {
  private readonly client: Client;
  private forceRefresh = false;
  /** The Graph client wraps whatever the auth provider throws; keep the original so callers can tell "sign in again". */
  private tokenFailure: unknown = null;

  constructor(
    baseUrl: string,
    private readonly tokens: TokenSource,
    private readonly log: Logger,
  ) {
    this.client = Client.init({
      baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
      defaultVersion: 'v1.0',
      customHosts: new Set([new URL(baseUrl).hostname]),
      authProvider: (done) => {
        const force = this.forceRefresh;
        this.forceRefresh = false;
        this.tokens(force).then(
          (token) => done(null, token),
          (err: unknown) => {
            this.tokenFailure = err;
            done(err, null);
          },
        );
      },
    });
  }

  async get<S extends z.ZodType>(path: string, schema: S, headers: Record<string, string> = {}): Promise<z.output<S>> {
    const body: unknown = await this.withReauth(() => this.request(path).headers(headers).get());
    return schema.parse(body);
  }

  /**
   * A create. The client's RetryHandler replays it on 429/503/504, so the body must carry something that makes a
   * replay harmless (a `transactionId`); long Retry-After waits fail at once, as for GETs, rather than hold a tap.
   */
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, headers: Record<string, string> = {}): Promise<z.output<S>> {
    return this.write('post', path, body, schema, headers);
  }

  /** An update; replaying the same PATCH sets the same values, so the client's retries are harmless. */
  patch<S extends z.ZodType>(path: string, body: unknown, schema: S, headers: Record<string, string> = {}): Promise<z.output<S>> {
    return this.write('patch', path, body, schema, headers);
  }

  /** A delete (204, no body); replaying it meets a 404, which the caller decides about. */
  async delete(path: string): Promise<void> {
    await this.withReauth(() => this.request(path).delete());
  }

  /**
   * Every request: the short-waits-only retry policy, and a deadline (a fresh signal per attempt, so the retry after
   * a 401 gets its full time) after which the client gives up on a response that never comes.
   */
  private request(path: string): GraphRequest {
    const options = [new RetryHandlerOptions(undefined, undefined, retryOnlyShortWaits)];
    return this.client.api(path).middlewareOptions(options).option('signal', AbortSignal.timeout(PROVIDER_REQUEST_TIMEOUT_MS));
  }

  private async write<S extends z.ZodType>(method: 'post' | 'patch', path: string, body: unknown, schema: S, headers: Record<string, string>): Promise<z.output<S>> {
    const request = () => this.request(path).headers(headers);
    const result: unknown = await this.withReauth(() => (method === 'post' ? request().post(body) : request().patch(body)));
    return schema.parse(result);
  }

  /** Every item of a collection; skips items that fail validation. */
  async getAll<S extends z.ZodType>(path: string, item: S, headers: Record<string, string> = {}): Promise<z.output<S>[]> {
    const results: z.output<S>[] = [];
    for await (const page of this.pages(path, headers)) results.push(...this.validItems(page, item, path));
    return results;
  }

  /** One delta round from `link` (a first delta URL or a saved deltaLink): its items and the deltaLink that ends it. */
  async deltaRound<S extends z.ZodType>(link: string, item: S, headers: Record<string, string> = {}): Promise<{ items: z.output<S>[]; deltaLink: string }> {
    const items: z.output<S>[] = [];
    let deltaLink: string | undefined;
    for await (const page of this.pages(link, headers)) {
      items.push(...this.validItems(page, item, link));
      deltaLink = page['@odata.deltaLink'];
    }
    if (deltaLink === undefined) throw new Error(`Graph ended a delta round without @odata.deltaLink (${link.split('?')[0] ?? ''})`);
    return { items, deltaLink };
  }

  /** Follows `@odata.nextLink` verbatim: it encodes every original parameter (and a delta round's state). */
  private async *pages(path: string, headers: Record<string, string>): AsyncGenerator<GraphPage> {
    let next: string | undefined = path;
    for (let count = 0; next !== undefined && count < MAX_PAGES; count++) {
      const page: GraphPage = await this.get(next, GraphPageSchema, headers);
      yield page;
      next = page['@odata.nextLink'];
    }
  }

  private validItems<S extends z.ZodType>(page: GraphPage, item: S, path: string): z.output<S>[] {
    const valid: z.output<S>[] = [];
    for (const raw of page.value) {
      const checked = item.safeParse(raw);
      if (checked.success) valid.push(checked.data);
      else this.log.warn('graph.item-skipped', { path: path.split('?')[0], id: idOf(raw), issue: issueOf(checked.error) });
    }
    return valid;
  }

  /** A 401 means the token died server-side (revoked): refresh once; if that fails the auth layer says so. */
  private async withReauth<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await this.unwrapTokenFailure(request);
    } catch (err) {
      if (!(err instanceof GraphError) || err.statusCode !== 401) throw err;
      this.forceRefresh = true;
      return this.unwrapTokenFailure(request);
    }
  }

  private async unwrapTokenFailure<T>(request: () => Promise<T>): Promise<T> {
    this.tokenFailure = null;
    try {
      return await request();
    } catch (err) {
      throw this.tokenFailure ?? err;
    }
  }
}
