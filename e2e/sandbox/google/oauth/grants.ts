import type { Clock } from '../../core/clock';
import { randomToken } from '../../core/ids';
import { union } from '../scopes';

/** Google answers `expires_in: 3599` (one hour minus the second it took). */
export const ACCESS_TOKEN_LIFETIME_S = 3599;

interface TokenBase {
  readonly token: string;
  /** Lower-case email. */
  readonly account: string;
  readonly clientId: string;
  /** What the token can be used for (canonical scopes). */
  readonly scopes: readonly string[];
  revoked: boolean;
}

export interface AccessToken extends TokenBase {
  readonly expiresAt: Date;
  readonly accessType: 'online' | 'offline';
}

/** Google refresh tokens do not expire by time in production apps; they end by revocation. */
export type RefreshToken = TokenBase;

export type TokenState = 'live' | 'expired' | 'revoked' | 'unknown';

const grantKey = (account: string, clientId: string): string => `${account.toLowerCase()}\u0000${clientId}`;

/**
 * What each account has granted each client, and the tokens issued against that grant. Revoking any one token
 * revokes the whole grant (every token, and the consent itself), as Google's revoke endpoint does.
 */
export class GoogleGrants {
  private readonly consents = new Map<string, string[]>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();

  constructor(private readonly clock: Clock) {}

  granted(account: string, clientId: string): string[] {
    return [...(this.consents.get(grantKey(account, clientId)) ?? [])];
  }

  /** Adds to the grant; returns the scopes that were not granted before (they make Google show a consent screen). */
  consent(account: string, clientId: string, scopes: readonly string[]): string[] {
    const before = this.granted(account, clientId);
    this.consents.set(grantKey(account, clientId), union(before, scopes));
    return scopes.filter((scope) => !before.includes(scope));
  }

  issueAccess(account: string, clientId: string, scopes: readonly string[], accessType: AccessToken['accessType']): AccessToken {
    const expiresAt = new Date(this.clock().getTime() + ACCESS_TOKEN_LIFETIME_S * 1000);
    // The prefixes are Google's (`ya29.`, `1//`) so clients that sniff them behave; `sbx` marks them as fake.
    const token: AccessToken = { token: `ya29.sbx-${randomToken(48)}`, account: account.toLowerCase(), clientId, scopes: [...scopes], expiresAt, accessType, revoked: false };
    this.access.set(token.token, token);
    return token;
  }

  issueRefresh(account: string, clientId: string, scopes: readonly string[]): RefreshToken {
    const token: RefreshToken = { token: `1//sbx-${randomToken(48)}`, account: account.toLowerCase(), clientId, scopes: [...scopes], revoked: false };
    this.refresh.set(token.token, token);
    return token;
  }

  hasLiveRefresh(account: string, clientId: string): boolean {
    const key = grantKey(account, clientId);
    return [...this.refresh.values()].some((token) => grantKey(token.account, token.clientId) === key && !token.revoked);
  }

  findAccess(token: string): AccessToken | null {
    return this.access.get(token) ?? null;
  }

  findRefresh(token: string): RefreshToken | null {
    return this.refresh.get(token) ?? null;
  }

  stateOf(token: AccessToken | RefreshToken | null): TokenState {
    if (!token) return 'unknown';
    if (token.revoked) return 'revoked';
    return 'expiresAt' in token && token.expiresAt.getTime() <= this.clock().getTime() ? 'expired' : 'live';
  }

  isLive(token: string): boolean {
    return this.stateOf(this.findAccess(token) ?? this.findRefresh(token)) === 'live';
  }

  /** `POST /revoke?token=`: an access or refresh token; everything of that grant dies. False if the token is unknown. */
  revokeToken(token: string): boolean {
    const found = this.findAccess(token) ?? this.findRefresh(token);
    if (!found) return false;
    this.revokeGrant(found.account, found.clientId);
    return true;
  }

  /** What the user does under "Third-party apps with account access" → Remove access, for every client. */
  revokeAccount(account: string): void {
    const email = account.toLowerCase();
    const clients = new Set([...this.access.values(), ...this.refresh.values()].filter((t) => t.account === email).map((t) => t.clientId));
    for (const key of this.consents.keys()) if (key.startsWith(`${email}\u0000`)) clients.add(key.slice(email.length + 1));
    for (const clientId of clients) this.revokeGrant(email, clientId);
  }

  private revokeGrant(account: string, clientId: string): void {
    const key = grantKey(account, clientId);
    for (const token of [...this.access.values(), ...this.refresh.values()]) if (grantKey(token.account, token.clientId) === key) token.revoked = true;
    this.consents.delete(key);
  }
}
