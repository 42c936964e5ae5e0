import { randomBytes } from 'node:crypto';
import { CodeChallengeMethod, gaxios, OAuth2Client, type Credentials } from 'google-auth-library';
import { z } from 'zod';
import type { KioskConfig } from '../config/kiosk-config';
import type { Logger } from '../health/logger';
import type { TokenVault } from '../ports';
import { readVaultRecord } from './vault-record';
import { ConnectionLostError, ConsentRefusedError, type ConsentPrompter } from './connector';
import { LoopbackError, LoopbackReceiver } from './loopback';
import { SignInCancelledError } from './room-account';

export type GoogleConfig = NonNullable<KioskConfig['google']>;

const VAULT_KEY = 'google.tokens';

/** The Google account behind the connection; `accountKey` is its stable OpenID `sub` (an address can be renamed). */
export interface GoogleAccount {
  accountKey: string;
  name: string;
  username: string;
}

/** A sign-in's outcome: the account and every scope its token carries (with include_granted_scopes, the union). */
export interface GoogleSignedIn extends GoogleAccount {
  scopes: string[];
}

/** What survives a restart. The access token is kept too, so a restart within the hour needs no refresh. */
const StoredSessionSchema = z.object({
  account: z.object({ accountKey: z.string().min(1), name: z.string(), username: z.string().min(1) }),
  credentials: z.object({
    refresh_token: z.string().min(1),
    access_token: z.string().nullish(),
    expiry_date: z.number().nullish(),
    token_type: z.string().nullish(),
    scope: z.string(),
  }),
});
type StoredSession = z.infer<typeof StoredSessionSchema>;

/** OpenID userinfo: `email` comes with the userinfo.email scope, `name` only with `profile` (which we do not ask for). */
const UserinfoSchema = z.object({ sub: z.string().min(1), email: z.string().min(3).optional(), name: z.string().optional() }).loose();

const OAuthErrorBodySchema = z.object({ error: z.string() }).loose();

function oauthErrorCode(err: unknown): string | null {
  if (!(err instanceof gaxios.GaxiosError)) return null;
  const body = OAuthErrorBodySchema.safeParse(err.response?.data);
  return body.success ? body.data.error : err.message;
}

/**
 * Google answers a revoked or expired refresh token with `invalid_grant` (gaxios makes it the error's message):
 * only a new consent helps. Exported for the API clients, whose calls refresh through the same OAuth2Client.
 */
export function asConnectionLost(err: unknown): ConnectionLostError | null {
  if (err instanceof ConnectionLostError) return err;
  return oauthErrorCode(err) === 'invalid_grant' ? new ConnectionLostError('google', 'invalid_grant') : null;
}

function scopesOf(scope: string): string[] {
  return scope.split(/\s+/).filter(Boolean).sort();
}

/** Google refresh tokens do not rotate: an answer without one (every refresh, a repeat consent) keeps the old one. */
function mergeCredentials(previous: StoredSession['credentials'] | null, next: Credentials): StoredSession['credentials'] | null {
  const refreshToken = next.refresh_token ?? previous?.refresh_token;
  if (!refreshToken) return null;
  return {
    refresh_token: refreshToken,
    access_token: next.access_token ?? null,
    expiry_date: next.expiry_date ?? null,
    token_type: next.token_type ?? null,
    scope: next.scope ?? previous?.scope ?? '',
  };
}

function toSignedIn(session: StoredSession): GoogleSignedIn {
  return { ...session.account, scopes: scopesOf(session.credentials.scope) };
}

/** What a LoopbackError from the consent page means for the caller. */
function fromLoopback(err: unknown): unknown {
  if (!(err instanceof LoopbackError)) return err;
  if (err.error === 'access_denied') return new ConsentRefusedError('google', 'declined');
  if (err.error === 'cancelled') return new SignInCancelledError('Sign-in cancelled');
  return err;
}

/**
 * The Google Workspace connection through google-auth-library's OAuth2Client. Google blocks embedded web views and
 * its device flow refuses Calendar scopes (research/electron-auth-deploy.md §4), so consent is the system browser
 * with a loopback redirect and PKCE. Incremental: each consent asks only for new scopes with include_granted_scopes,
 * and the token that comes back covers everything granted so far.
 */
export class GoogleAuth {
  /** The long-lived client the API clients share; its `'tokens'` event keeps the vault current after each refresh. */
  private readonly client: OAuth2Client;
  private session: StoredSession | null = null;
  /** Set once Google said invalid_grant: the next consent must force a new refresh token. */
  private lost = false;
  /** Vault writes in the order the tokens arrived. */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: GoogleConfig,
    private readonly vault: TokenVault,
    private readonly log: Logger,
  ) {
    // forceRefreshOnFailure: a token revoked at Google while still unexpired here gets a 401; refreshing then turns
    // it into invalid_grant (ConnectionLostError) instead of a bare 401 on every call until the hour is up.
    this.client = this.newClient({ forceRefreshOnFailure: true });
    this.client.on('tokens', (tokens) => this.onRefreshed(tokens));
  }

  private newClient(options: { redirectUri?: string; forceRefreshOnFailure?: boolean }): OAuth2Client {
    const { clientId, clientSecret, endpoints } = this.config;
    return new OAuth2Client({ clientId, clientSecret, endpoints, ...options });
  }

  /** The connection saved before a restart (no network: the kiosk may start offline). */
  async restore(): Promise<GoogleSignedIn | null> {
    if (this.session) return toSignedIn(this.session);
    const stored = await this.readVault();
    if (!stored) return null;
    this.adopt(stored);
    return toSignedIn(stored);
  }

  /**
   * Consent in the system browser for `scopes`. With a connection already there it is incremental for that same
   * account (`login_hint`, include_granted_scopes); another account answering is refused.
   */
  async signIn(scopes: string[], prompter: ConsentPrompter, signal: AbortSignal): Promise<GoogleSignedIn> {
    if (signal.aborted) throw new SignInCancelledError('Sign-in cancelled');
    const previous = this.session ?? (await this.readVault());
    const state = randomBytes(32).toString('base64url');
    const receiver = new LoopbackReceiver(state);
    await receiver.listen();
    try {
      const flow = this.newClient({ redirectUri: receiver.redirectUri });
      const { codeVerifier, codeChallenge } = await flow.generateCodeVerifierAsync();
      if (!codeChallenge) throw new Error('google-auth-library returned no PKCE challenge');
      const url = flow.generateAuthUrl({
        access_type: 'offline',
        scope: scopes,
        include_granted_scopes: true,
        code_challenge_method: CodeChallengeMethod.S256,
        code_challenge: codeChallenge,
        state,
        ...(previous ? { login_hint: previous.account.username } : {}),
        // Google hands out a refresh token only when it shows the consent screen. Without a working one here (first
        // sign-in, vault lost, token revoked) force the screen, or the kiosk would go dark an hour later.
        ...(!previous || this.lost ? { prompt: 'consent' } : {}),
      });
      // Listen before opening: a browser with a remembered consent may redirect back at once.
      const answer = receiver.wait(signal);
      const [{ code }] = await Promise.all([answer, prompter.openBrowser(url)]);
      const { tokens } = await flow.getToken({ code, codeVerifier, redirect_uri: receiver.redirectUri });
      flow.setCredentials(tokens);
      if (previous) await this.checkSameAccount(flow, tokens, previous.account);
      return await this.accept(previous, await this.fetchAccount(flow), tokens, scopes);
    } catch (err) {
      throw fromLoopback(err);
    } finally {
      receiver.close();
    }
  }

  /** A live access token; ConnectionLostError when only a new consent helps. */
  async accessToken(): Promise<string> {
    if (!(await this.restore())) throw new ConnectionLostError('google', 'not-connected');
    try {
      const { token } = await this.client.getAccessToken();
      if (!token) throw new Error('Google returned no access token');
      return token;
    } catch (err) {
      throw this.noteFailure(err);
    }
  }

  /**
   * The authenticated client for googleapis API clients (`calendar({ auth })`); it refreshes by itself and its
   * refreshes reach the vault. It has credentials once restore() or signIn() has succeeded.
   */
  accessClient(): OAuth2Client {
    return this.client;
  }

  /**
   * Revokes the grant at Google (revoking the refresh token ends every token of the grant), then forgets it here.
   * Resolves false when there was nothing to revoke. A network failure throws and keeps the tokens, so the admin can
   * retry instead of leaving a live grant nobody can revoke.
   */
  async revoke(): Promise<boolean> {
    const session = this.session ?? (await this.readVault());
    if (!session) return false;
    try {
      await this.client.revokeToken(session.credentials.refresh_token);
    } catch (err) {
      // Already dead at Google (revoked by the account or an admin): nothing left to revoke.
      if (oauthErrorCode(err) !== 'invalid_token') throw err;
    }
    await this.forget();
    this.log.info('auth.revoked', { provider: 'google' });
    return true;
  }

  /** Once the code is in, the person has consented: the rest finishes even if the room screen cancels now. */
  private async fetchAccount(flow: OAuth2Client): Promise<GoogleAccount> {
    const response = await flow.request<unknown>({ url: this.config.userinfoUrl });
    const claims = UserinfoSchema.parse(response.data);
    if (!claims.email) throw new Error('Google did not share the account address (userinfo.email was not granted).');
    return { accountKey: claims.sub, name: claims.name ?? claims.email, username: claims.email };
  }

  /**
   * An incremental consent answered by another account must not replace the connection. tokeninfo names the token's
   * account (`sub`) whatever scopes it carries; userinfo would not answer a token of an account that never granted
   * openid/email.
   */
  private async checkSameAccount(flow: OAuth2Client, tokens: Credentials, expected: GoogleAccount): Promise<void> {
    const info = await flow.getTokenInfo(tokens.access_token ?? '');
    if (info.sub === expected.accountKey) return;
    await this.revokeQuietly(tokens);
    throw new Error(`Consent was given as ${info.email ?? 'another account'}, not as the connected account ${expected.username}.`);
  }

  /** Keeps the new tokens only if they can be refreshed. */
  private async accept(previous: StoredSession | null, account: GoogleAccount, tokens: Credentials, requested: string[]): Promise<GoogleSignedIn> {
    const credentials = mergeCredentials(previous?.credentials ?? null, { ...tokens, scope: tokens.scope ?? requested.join(' ') });
    if (!credentials) throw new Error('Google returned no refresh token; the room could not stay connected.');
    const session: StoredSession = { account, credentials };
    this.adopt(session);
    this.lost = false;
    await this.persist(session);
    this.log.info('auth.signed-in', { provider: 'google', method: 'browser' });
    return toSignedIn(session);
  }

  /** Tokens of an account we will not use are a grant nobody holds: end it (best effort). */
  private async revokeQuietly(tokens: Credentials): Promise<void> {
    const token = tokens.refresh_token ?? tokens.access_token;
    if (!token) return;
    await this.client.revokeToken(token).catch((err: unknown) => {
      this.log.warn('auth.revoke-failed', { provider: 'google', error: err instanceof Error ? err.message : String(err) });
    });
  }

  private adopt(session: StoredSession): void {
    this.session = session;
    const { refresh_token, access_token, expiry_date, token_type, scope } = session.credentials;
    this.client.setCredentials({ refresh_token, access_token, expiry_date, token_type, scope });
  }

  /** The client emits `'tokens'` before it updates its own credentials; our copy is the one the vault gets. */
  private onRefreshed(tokens: Credentials): void {
    const current = this.session;
    if (!current) return;
    const credentials = mergeCredentials(current.credentials, tokens);
    if (!credentials) return;
    const session = { ...current, credentials };
    this.session = session;
    this.persist(session).catch((err: unknown) => {
      this.log.error('auth.vault-write-failed', { provider: 'google', error: err instanceof Error ? err.message : String(err) });
    });
  }

  private noteFailure(err: unknown): unknown {
    const lost = asConnectionLost(err);
    if (!lost) return err;
    this.lost = true;
    this.log.warn('auth.connection-lost', { provider: 'google', reason: lost.reason });
    return lost;
  }

  private persist(session: StoredSession): Promise<void> {
    this.saving = this.saving.catch(() => undefined).then(() => this.vault.write(VAULT_KEY, JSON.stringify(session)));
    return this.saving;
  }

  private async forget(): Promise<void> {
    this.session = null;
    this.lost = false;
    this.client.setCredentials({});
    await this.saving.catch(() => undefined);
    await this.vault.remove(VAULT_KEY);
  }

  private readVault(): Promise<StoredSession | null> {
    return readVaultRecord(this.vault, VAULT_KEY, StoredSessionSchema, this.log, 'google');
  }
}

