import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { z } from 'zod';
import type { Logger } from '../../health/logger';
import { GraphPageSchema } from './graph-schemas';

export type TokenSource = (forceRefresh: boolean) => Promise<string>;

/** Guards against a server that pages forever. */
const MAX_PAGES = 50;

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
    const body: unknown = await this.withReauth(() => this.client.api(path).headers(headers).get());
    return schema.parse(body);
  }

  /** Follows `@odata.nextLink` verbatim (it encodes every original parameter); skips items that fail validation. */
  async getAll<S extends z.ZodType>(path: string, item: S, headers: Record<string, string> = {}): Promise<z.output<S>[]> {
    const results: z.output<S>[] = [];
    let next: string | null = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const parsed: z.output<typeof GraphPageSchema> = await this.get(next, GraphPageSchema, headers);
      for (const raw of parsed.value) {
        const checked = item.safeParse(raw);
        if (checked.success) results.push(checked.data);
        else this.log.warn('graph.item-skipped', { path: path.split('?')[0], issue: checked.error.issues[0]?.message });
      }
      next = parsed['@odata.nextLink'] ?? null;
    }
    return results;
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
