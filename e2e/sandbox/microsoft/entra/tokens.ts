import type { Clock } from '../../core/clock';
import { randomToken } from '../../core/ids';

export const ACCESS_TOKEN_LIFETIME_S = 3600;
const REFRESH_TOKEN_LIFETIME_S = 90 * 24 * 3600;

interface GrantBase {
  readonly token: string;
  readonly upn: string;
  readonly oid: string;
  readonly clientId: string;
  readonly expiresAt: Date;
  revoked: boolean;
}

/** Access tokens are opaque to clients (as Graph's are to everyone but Graph); the sandbox maps them to this. */
export interface AccessGrant extends GrantBase {
  /** Graph permissions the token carries: all the account had consented to when it was issued. */
  readonly scopes: readonly string[];
}

export type RefreshGrant = GrantBase;

export type TokenState = 'live' | 'expired' | 'revoked' | 'unknown';

export class TokenStore {
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();

  constructor(private readonly clock: Clock) {}

  issue(subject: { upn: string; oid: string; clientId: string }, scopes: readonly string[]): { access: AccessGrant; refresh: RefreshGrant } {
    const now = this.clock().getTime();
    // Prefixes only help a human reading logs; clients must treat both as opaque.
    const access: AccessGrant = { ...subject, token: `sbx-at.${randomToken()}`, scopes: [...scopes], expiresAt: new Date(now + ACCESS_TOKEN_LIFETIME_S * 1000), revoked: false };
    const refresh: RefreshGrant = { ...subject, token: `sbx-rt.${randomToken(48)}`, expiresAt: new Date(now + REFRESH_TOKEN_LIFETIME_S * 1000), revoked: false };
    this.access.set(access.token, access);
    this.refresh.set(refresh.token, refresh);
    return { access, refresh };
  }

  findAccess(token: string): AccessGrant | null {
    return this.access.get(token) ?? null;
  }

  findRefresh(token: string): RefreshGrant | null {
    return this.refresh.get(token) ?? null;
  }

  stateOf(grant: GrantBase | null): TokenState {
    if (!grant) return 'unknown';
    if (grant.revoked) return 'revoked';
    return grant.expiresAt.getTime() <= this.clock().getTime() ? 'expired' : 'live';
  }

  isLive(token: string): boolean {
    return this.stateOf(this.access.get(token) ?? this.refresh.get(token) ?? null) === 'live';
  }

  /** "Revoke sessions": every token the account holds stops working at once. */
  revokeAccount(upn: string): void {
    const key = upn.toLowerCase();
    for (const grant of [...this.access.values(), ...this.refresh.values()]) if (grant.upn.toLowerCase() === key) grant.revoked = true;
  }
}
