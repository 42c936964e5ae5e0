import { z } from 'zod';
import { bearer, type OAuth2ProviderId } from './oauth2-client';

/** What an API client of Zoom or Webex needs from the provider's connection (OAuth2Connector has it). */
export interface OAuth2Connection {
  accessToken(): Promise<string>;
  tokenRejected(token: string): void;
  apiBaseUrl(): Promise<string>;
}

/** A provider API answered with an error; `body` is its JSON (Zoom's `{code, message}`, Webex's `{message, errors}`). */
export class ProviderApiError extends Error {
  override name = 'ProviderApiError';
  constructor(
    readonly provider: OAuth2ProviderId,
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${provider}: ${what} failed (HTTP ${status})`);
  }
}

/** A hung provider must not hold the invite screen for ever. */
const REQUEST_TIMEOUT_MS = 15_000;

async function getOnce<T>(provider: OAuth2ProviderId, what: string, url: string, token: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, { headers: bearer(token), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ProviderApiError(provider, response.status, body, what);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${provider}: ${what} answered an unexpected shape: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * A GET on the provider's API with the connection's token. A 401 means the token died at the provider (revoked,
 * expired early): the connection is told, refreshes, and the call is made once more.
 */
export async function getJson<T>(provider: OAuth2ProviderId, connection: OAuth2Connection, what: string, pathAndQuery: string, schema: z.ZodType<T>): Promise<T> {
  const call = async () => {
    const token = await connection.accessToken();
    try {
      return await getOnce(provider, what, `${await connection.apiBaseUrl()}${pathAndQuery}`, token, schema);
    } catch (error) {
      if (error instanceof ProviderApiError && error.status === 401) connection.tokenRejected(token);
      throw error;
    }
  };
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ProviderApiError) || error.status !== 401) throw error;
    return call();
  }
}
