import type { Clock } from '../core/clock';

/**
 * The shared model of the three "client secret + refresh token" providers (Zoom, Webex, Dropbox): who can sign in,
 * which app asks, and what a consent produced. Provider folders add their own wire formats on top.
 */

/** Someone who can sign in on a provider's consent page. */
export interface OAuthAccount {
  /** The provider's own user id (Zoom user id, Webex person id, Dropbox account id). */
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

/** The kiosk's app registration at one provider (a confidential client: it holds a secret). */
export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Shown on the consent page. */
  readonly displayName: string;
  /**
   * Loopback redirect URIs accepted with any port and path (`http://127.0.0.1`, `http://localhost`). Real providers
   * may insist on an exact registered URI including the port; the sandbox is lenient so tests can use port 0.
   */
  readonly redirectOrigins: readonly string[];
  /** What the app is granted when the authorize request names no scopes: everything configured for it. */
  readonly configuredScopes: readonly string[];
}

/** One Accept on the consent page: the account, the app, and exactly the scopes that request named. */
export interface Grant {
  readonly id: string;
  readonly account: OAuthAccount;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly createdAt: Date;
  revoked: boolean;
}

export type TokenKind = 'access' | 'refresh';

export type TokenState = 'live' | 'expired' | 'revoked' | 'rotated' | 'unknown';

export interface IssuedToken {
  readonly token: string;
  readonly kind: TokenKind;
  readonly grant: Grant;
  readonly issuedAt: Date;
  /** Null: never expires (Dropbox refresh tokens). */
  readonly expiresAt: Date | null;
  /** A rotated refresh token: replaced by a newer one and dead (Zoom). */
  rotated: boolean;
}

/** Lifetimes and rotation: the quirks that differ per provider. */
export interface TokenPolicy {
  readonly accessLifetimeS: number;
  /** Null: refresh tokens never expire. */
  readonly refreshLifetimeS: number | null;
  /** Each refresh returns a new refresh token and kills the old one. */
  readonly rotateRefreshTokens: boolean;
  /** Prefix for minted tokens (only humans reading logs care; clients must treat tokens as opaque). */
  readonly tokenPrefix: string;
}

export function sameAccount(account: OAuthAccount, key: string): boolean {
  const wanted = key.toLowerCase();
  return account.email.toLowerCase() === wanted || account.id.toLowerCase() === wanted;
}

/** What every provider factory takes (as createMicrosoftCloud does). */
export interface ProviderCloudOptions {
  readonly clock: Clock;
  /** The day seeded meetings and file dates are built around. */
  readonly seedAnchor: Date;
  /** Demo: approve every authorize request at once (as this account if the provider has it, else its room account). */
  readonly autoApprove: { readonly account: string } | null;
}
