import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../health/logger';
import type { Clock, TokenVault } from '../ports';
import { readVaultRecord } from './vault-record';
import { ConnectionLostError } from './connector';

/**
 * One OAuth 2.0 authorization-code + PKCE (S256) client for the "client secret + refresh token" providers (Zoom,
 * Webex, Dropbox). What differs between them lives in an OAuth2Profile (oauth2-profiles.ts); everything about
 * tokens — exchange, refresh with rotation, persistence, expiry, revocation — lives here once.
 */

export type OAuth2ProviderId = 'zoom' | 'webex' | 'dropbox';

export interface ConnectedAccount {
  name: string;
  username: string;
}

/** How the client proves itself at the token endpoint: HTTP Basic (Zoom, Dropbox) or form fields (Webex). */
export type ClientAuthStyle = 'basic' | 'form';

/**
 * Zoom: POST `token=` with the app's Basic credentials. Dropbox: POST with the token itself as bearer.
 * Webex has no endpoint (null in the profile): only the person or an admin can revoke there.
 */
export type RevokeEndpoint = { style: 'form-token-basic'; url: string } | { style: 'bearer'; url: string };

/** What an account lookup may use right after the code exchange. */
export interface AccountLookup {
  accessToken: string;
  apiBaseUrl: string;
  /** OpenID ID token from the token response, when the provider sent one. */
  idToken: string | null;
  clientId: string;
}

export interface OAuth2Profile {
  provider: OAuth2ProviderId;
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  clientAuth: ClientAuthStyle;
  scopeSeparator: string;
  /** Added to every authorize URL (Dropbox: token_access_type=offline, or it issues no refresh token). */
  extraAuthorizeParams: Readonly<Record<string, string>>;
  revoke: RevokeEndpoint | null;
  apiBaseUrl: string;
  /** Zoom names the account's API origin in the token response (`api_url`); this turns it into the API base. */
  apiBaseFromToken: ((apiUrl: string) => string) | null;
  lookupAccount(lookup: AccountLookup): Promise<ConnectedAccount>;
}

/** A provider answered with something other than success (token endpoint, revoke, account lookup). */
export class OAuth2HttpError extends Error {
  override name = 'OAuth2HttpError';
  constructor(
    readonly provider: OAuth2ProviderId,
    readonly status: number,
    /** The OAuth `error` code when the body carried one (e.g. invalid_client), else null. */
    readonly code: string | null,
    what: string,
  ) {
    super(`${provider}: ${what} failed (HTTP ${status}${code ? `, ${code}` : ''})`);
  }
}

/** A hung provider must not freeze the settings screen or a meeting start for ever. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Refresh this long before the provider's expiry: clocks drift, and a request takes time to arrive. */
const DEFAULT_SAFETY_MARGIN_MS = 120_000;

const OAuthErrorBodySchema = z.object({ error: z.string() }).loose();

async function oauthErrorCode(response: Response): Promise<string | null> {
  const parsed = OAuthErrorBodySchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.error : null;
}

/** Fetches and validates a JSON answer; a non-2xx becomes an OAuth2HttpError carrying the OAuth error code. */
export async function fetchJson<T>(provider: OAuth2ProviderId, what: string, url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!response.ok) throw new OAuth2HttpError(provider, response.status, await oauthErrorCode(response), what);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error(`${provider}: ${what} answered an unexpected shape: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/**
 * Token endpoint answers of all three providers. `scope` is optional (Dropbox refreshes omit it); `api_url` is
 * Zoom's; `id_token` comes with OpenID scopes (Webex sign-in). Unknown fields (Webex refresh_token_expires_in,
 * Dropbox account_id/uid) are allowed and ignored.
 */
const TokenResponseSchema = z
  .object({
    access_token: z.string().min(1),
    token_type: z.string().regex(/^bearer$/i),
    expires_in: z.number().int().positive(),
    refresh_token: z.string().min(1).optional(),
    scope: z.string().optional(),
    api_url: z.url({ protocol: /^https$/ }).optional(),
    id_token: z.string().min(1).optional(),
  })
  .loose();
type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** A validated token answer, not yet stored. */
export interface TokenAnswer {
  accessToken: string;
  expiresAt: number;
  refreshToken: string | null;
  scopes: string[] | null;
  apiBaseUrl: string | null;
  idToken: string | null;
}

/** The vault record (`<provider>.tokens`): one JSON document, so tokens, scopes and account change together. */
const StoredConnectionSchema = z.object({
  version: z.literal(1),
  account: z.object({ name: z.string(), username: z.string() }),
  scopes: z.array(z.string()),
  accessToken: z.string().min(1),
  /** Epoch ms when the provider says the access token expires. */
  expiresAt: z.number(),
  refreshToken: z.string().min(1),
  apiBaseUrl: z.url({ protocol: /^https$/ }),
});
export type StoredConnection = z.infer<typeof StoredConnectionSchema>;

export interface AuthorizationRequest {
  state: string;
  codeVerifier: string;
  codeChallenge: string;
}

/** Fresh `state` and PKCE pair (RFC 7636 S256) for one authorize round trip. */
export function newAuthorizationRequest(): AuthorizationRequest {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { state: randomBytes(32).toString('base64url'), codeVerifier, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url') };
}

export function splitScopes(scope: string, separator: string): string[] {
  return scope
    .split(separator === ' ' ? /\s+/ : separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface OAuth2ClientDeps {
  vault: TokenVault;
  clock: Clock;
  log: Logger;
  safetyMarginMs?: number;
}

export class OAuth2Client {
  /** undefined: the vault has not been read yet. */
  private current: StoredConnection | null | undefined = undefined;
  /** One refresh at a time: with Zoom's rotation a second, parallel refresh would use an already dead token. */
  private refreshing: Promise<StoredConnection> | null = null;
  /** Vault writes in order (the vaults' tmp-file-then-rename must not interleave for one key). */
  private saving: Promise<void> = Promise.resolve();
  /** The last refresh's tokens are not in the vault yet (the write failed): saved before the next token is handed out. */
  private unsaved = false;
  /** Bumped by adopt/forget, so a refresh that started before a disconnect cannot write the old connection back. */
  private generation = 0;
  private readonly safetyMarginMs: number;

  constructor(
    readonly profile: OAuth2Profile,
    private readonly deps: OAuth2ClientDeps,
  ) {
    this.safetyMarginMs = deps.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS;
  }

  get vaultKey(): string {
    return `${this.profile.provider}.tokens`;
  }

  authorizeUrl(scopes: readonly string[], redirectUri: string, request: AuthorizationRequest): string {
    const url = new URL(this.profile.authorizeUrl);
    const params: Record<string, string> = {
      response_type: 'code',
      client_id: this.profile.clientId,
      redirect_uri: redirectUri,
      scope: scopes.join(this.profile.scopeSeparator),
      state: request.state,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
      ...this.profile.extraAuthorizeParams,
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.href;
  }

  /** Redeems the code; nothing is stored until adopt(), so an unfinished sign-in leaves the previous connection. */
  exchangeCode(code: string, redirectUri: string, codeVerifier: string): Promise<TokenAnswer> {
    return this.tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier });
  }

  /** Makes a finished sign-in the connection: stored in the vault before anyone uses its tokens. */
  async adopt(answer: TokenAnswer, account: ConnectedAccount, requestedScopes: readonly string[]): Promise<StoredConnection> {
    // Without a refresh token the kiosk would need a person at the screen every hour (Dropbox: offline access).
    if (!answer.refreshToken) throw new Error(`${this.profile.provider}: the provider issued no refresh token`);
    const connection: StoredConnection = {
      version: 1,
      account,
      // Zoom may ignore the scope parameter and grant the app's configured scopes: trust what the answer says.
      scopes: answer.scopes ?? [...requestedScopes],
      accessToken: answer.accessToken,
      expiresAt: answer.expiresAt,
      refreshToken: answer.refreshToken,
      apiBaseUrl: answer.apiBaseUrl ?? this.profile.apiBaseUrl,
    };
    const previous = await this.connection();
    this.generation++;
    this.current = connection;
    await this.save(connection);
    if (previous) await this.revokeSuperseded(previous);
    return connection;
  }

  /**
   * A wider consent (the union of the enabled features) creates a new authorization; the one it replaces must not
   * stay live at the provider with nobody using it. Best effort: the new connection is already saved.
   */
  private async revokeSuperseded(old: StoredConnection): Promise<void> {
    const endpoint = this.profile.revoke;
    if (!endpoint) return;
    try {
      // Zoom revokes a whole authorization from its refresh token; Dropbox needs a live access token of it.
      const token = endpoint.style === 'bearer' ? await this.liveAccessTokenOf(old) : old.refreshToken;
      await fetchJson(this.profile.provider, 'revoke', endpoint.url, this.revokeInit(endpoint, token), z.unknown());
    } catch (err) {
      this.deps.log.warn('oauth2.superseded-revoke-failed', { provider: this.profile.provider, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private async liveAccessTokenOf(connection: StoredConnection): Promise<string> {
    if (!this.expiresSoon(connection)) return connection.accessToken;
    return (await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: connection.refreshToken })).accessToken;
  }

  /** The stored connection (vault only, no network: the kiosk may start offline). */
  async connection(): Promise<StoredConnection | null> {
    if (this.current === undefined) this.current = await this.readVault();
    return this.current;
  }

  /** Where this connection's API calls go (Zoom: the account's own `api_url`). */
  async apiBaseUrl(): Promise<string> {
    return (await this.connection())?.apiBaseUrl ?? this.profile.apiBaseUrl;
  }

  /** A live access token, refreshed (and the refresh persisted) first when it is about to expire. */
  async accessToken(): Promise<string> {
    const connection = await this.connection();
    if (!connection) throw new ConnectionLostError(this.profile.provider, 'not-connected');
    if (this.unsaved) await this.save(connection);
    if (!this.expiresSoon(connection)) return connection.accessToken;
    return (await this.refreshOnce(connection)).accessToken;
  }

  /** An API answered 401 to `token` (revoked, or expired early): the next accessToken() refreshes. */
  invalidate(token: string): void {
    if (this.current?.accessToken === token) this.current = { ...this.current, expiresAt: 0 };
  }

  /**
   * Revokes the grant at the provider where the profile can. False when it has no endpoint, there is nothing to
   * revoke, or the provider refused: the caller forgets the tokens locally either way.
   */
  async revoke(): Promise<boolean> {
    const endpoint = this.profile.revoke;
    if (!endpoint) return false;
    let token: string;
    try {
      // Both providers revoke with the access token, so it has to be live (Dropbox checks it like any API call).
      token = await this.accessToken();
    } catch (err) {
      if (err instanceof ConnectionLostError) return false;
      throw err;
    }
    await fetchJson(this.profile.provider, 'revoke', endpoint.url, this.revokeInit(endpoint, token), z.unknown());
    return true;
  }

  async forget(): Promise<void> {
    this.generation++;
    this.current = null;
    this.unsaved = false;
    await this.enqueue(() => this.deps.vault.remove(this.vaultKey));
  }

  private revokeInit(endpoint: RevokeEndpoint, token: string): RequestInit {
    if (endpoint.style === 'bearer') return { method: 'POST', headers: bearer(token) };
    return { method: 'POST', headers: { authorization: this.basicCredentials() }, body: new URLSearchParams({ token }) };
  }

  private expiresSoon(connection: StoredConnection): boolean {
    return this.deps.clock.now().getTime() >= connection.expiresAt - this.safetyMarginMs;
  }

  private refreshOnce(connection: StoredConnection): Promise<StoredConnection> {
    this.refreshing ??= this.refresh(connection).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * Zoom rotates: the answer's refresh token is the only live one from now on. It is saved before the new access
   * token is handed out, so a crash right after the refresh still finds the live refresh token at the next start.
   */
  private async refresh(connection: StoredConnection): Promise<StoredConnection> {
    const generation = this.generation;
    let answer: TokenAnswer;
    try {
      answer = await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: connection.refreshToken });
    } catch (err) {
      throw this.asConnectionLost(err);
    }
    const next = mergeRefresh(connection, answer);
    if (generation !== this.generation) return next; // Disconnected or re-consented meanwhile: nothing to keep.
    this.current = next;
    this.unsaved = true;
    await this.save(next);
    return next;
  }

  private asConnectionLost(err: unknown): unknown {
    if (err instanceof OAuth2HttpError && err.code === 'invalid_grant') {
      this.deps.log.warn('oauth2.refresh-refused', { provider: this.profile.provider, error: err.code });
      return new ConnectionLostError(this.profile.provider, 'invalid_grant');
    }
    return err;
  }

  private async tokenRequest(fields: Record<string, string>): Promise<TokenAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const form = new URLSearchParams(fields);
    if (this.profile.clientAuth === 'basic') headers['authorization'] = this.basicCredentials();
    else {
      form.set('client_id', this.profile.clientId);
      form.set('client_secret', this.profile.clientSecret);
    }
    const response = await fetchJson(this.profile.provider, 'token request', this.profile.tokenUrl, { method: 'POST', headers, body: form }, TokenResponseSchema);
    return this.toAnswer(response);
  }

  private toAnswer(response: TokenResponse): TokenAnswer {
    const fromToken = this.profile.apiBaseFromToken;
    return {
      accessToken: response.access_token,
      expiresAt: this.deps.clock.now().getTime() + response.expires_in * 1000,
      refreshToken: response.refresh_token ?? null,
      scopes: response.scope === undefined ? null : splitScopes(response.scope, this.profile.scopeSeparator),
      apiBaseUrl: response.api_url && fromToken ? fromToken(response.api_url) : null,
      idToken: response.id_token ?? null,
    };
  }

  /** RFC 6749 §2.3.1: id and secret are form-encoded before Base64 (a no-op for the providers' plain ids). */
  private basicCredentials(): string {
    const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
    return `Basic ${Buffer.from(`${encode(this.profile.clientId)}:${encode(this.profile.clientSecret)}`).toString('base64')}`;
  }

  private async save(connection: StoredConnection): Promise<void> {
    await this.enqueue(() => this.deps.vault.write(this.vaultKey, JSON.stringify(connection)));
    if (this.current === connection) this.unsaved = false;
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.saving.then(write);
    this.saving = next.catch(() => undefined);
    return next;
  }

  private readVault(): Promise<StoredConnection | null> {
    return readVaultRecord(this.deps.vault, this.vaultKey, StoredConnectionSchema, this.deps.log, this.profile.provider);
  }
}


/** Webex answers with the same refresh token, Dropbox with none: keep the one we have then; scopes likewise. */
function mergeRefresh(connection: StoredConnection, answer: TokenAnswer): StoredConnection {
  return {
    ...connection,
    accessToken: answer.accessToken,
    expiresAt: answer.expiresAt,
    refreshToken: answer.refreshToken ?? connection.refreshToken,
    scopes: answer.scopes ?? connection.scopes,
    apiBaseUrl: answer.apiBaseUrl ?? connection.apiBaseUrl,
  };
}
