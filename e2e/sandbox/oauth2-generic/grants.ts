import type { Clock } from '../core/clock';
import { randomToken } from '../core/ids';
import { sameAccount, type Grant, type IssuedToken, type OAuthAccount, type TokenKind, type TokenPolicy, type TokenState } from './model';
import { sortedUnion } from './scopes';

export interface TokenPair {
  readonly access: IssuedToken;
  /** Null when the grant is online-only (Dropbox without token_access_type=offline). */
  readonly refresh: IssuedToken | null;
}

export type RefreshOutcome = { readonly ok: true; readonly tokens: TokenPair } | { readonly ok: false; readonly state: Exclude<TokenState, 'live'> | 'client' };

/**
 * Grants and the tokens minted for them. A refresh token may rotate (Zoom) or be reused (Webex, Dropbox); revoking
 * any token of a grant, or the account, kills every token of the grant, as Zoom's and Dropbox's revoke do.
 */
export class GrantStore {
  private readonly grants: Grant[] = [];
  private readonly tokens = new Map<string, IssuedToken>();
  private nextGrant = 1;

  constructor(
    private readonly clock: Clock,
    private readonly policy: TokenPolicy,
  ) {}

  get accessLifetimeS(): number {
    return this.policy.accessLifetimeS;
  }

  createGrant(account: OAuthAccount, clientId: string, scopes: readonly string[]): Grant {
    const grant: Grant = { id: `grant-${this.nextGrant++}`, account, clientId, scopes: [...scopes], createdAt: this.clock(), revoked: false };
    this.grants.push(grant);
    return grant;
  }

  issue(grant: Grant, withRefresh: boolean): TokenPair {
    return { access: this.mint(grant, 'access'), refresh: withRefresh ? this.mint(grant, 'refresh') : null };
  }

  find(token: string): IssuedToken | null {
    return this.tokens.get(token) ?? null;
  }

  stateOf(issued: IssuedToken | null): TokenState {
    if (!issued) return 'unknown';
    if (issued.grant.revoked) return 'revoked';
    if (issued.rotated) return 'rotated';
    return issued.expiresAt !== null && issued.expiresAt.getTime() <= this.clock().getTime() ? 'expired' : 'live';
  }

  /** The live access token's grant, or why there is none. */
  authenticate(token: string): { readonly ok: true; readonly grant: Grant } | { readonly ok: false; readonly state: Exclude<TokenState, 'live'> } {
    const issued = this.find(token);
    const state = issued?.kind === 'access' ? this.stateOf(issued) : 'unknown';
    return state === 'live' && issued ? { ok: true, grant: issued.grant } : { ok: false, state: state === 'live' ? 'unknown' : state };
  }

  refresh(refreshToken: string, clientId: string): RefreshOutcome {
    const issued = this.find(refreshToken);
    const state = issued?.kind === 'refresh' ? this.stateOf(issued) : 'unknown';
    if (state !== 'live' || !issued) return { ok: false, state: state === 'live' ? 'unknown' : state };
    if (issued.grant.clientId !== clientId) return { ok: false, state: 'client' };
    if (!this.policy.rotateRefreshTokens) return { ok: true, tokens: { access: this.mint(issued.grant, 'access'), refresh: issued } };
    issued.rotated = true;
    return { ok: true, tokens: this.issue(issued.grant, true) };
  }

  /** Revokes the grant behind any of its tokens; false when the token is unknown. */
  revokeToken(token: string): boolean {
    const issued = this.find(token);
    if (!issued) return false;
    issued.grant.revoked = true;
    return true;
  }

  revokeAccount(account: string): void {
    for (const grant of this.grants) if (sameAccount(grant.account, account)) grant.revoked = true;
  }

  isLive(token: string): boolean {
    return this.stateOf(this.find(token)) === 'live';
  }

  /** Scopes the app can still use for the account: the union of its unrevoked grants with a usable token. */
  grantedScopes(account: string): string[] {
    return sortedUnion(this.grants.filter((grant) => sameAccount(grant.account, account) && this.grantUsable(grant)).map((grant) => grant.scopes));
  }

  private grantUsable(grant: Grant): boolean {
    if (grant.revoked) return false;
    for (const issued of this.tokens.values()) if (issued.grant === grant && this.stateOf(issued) === 'live') return true;
    return false;
  }

  private mint(grant: Grant, kind: TokenKind): IssuedToken {
    const now = this.clock();
    const lifetime = kind === 'access' ? this.policy.accessLifetimeS : this.policy.refreshLifetimeS;
    const issued: IssuedToken = {
      token: `${this.policy.tokenPrefix}${kind === 'access' ? 'at' : 'rt'}.${randomToken(kind === 'access' ? 32 : 48)}`,
      kind,
      grant,
      issuedAt: now,
      expiresAt: lifetime === null ? null : new Date(now.getTime() + lifetime * 1000),
      rotated: false,
    };
    this.tokens.set(issued.token, issued);
    return issued;
  }

  /** Seconds until a token expires (0 when past), null when it never does. */
  secondsLeft(issued: IssuedToken): number | null {
    if (issued.expiresAt === null) return null;
    return Math.max(0, Math.round((issued.expiresAt.getTime() - this.clock().getTime()) / 1000));
  }
}
