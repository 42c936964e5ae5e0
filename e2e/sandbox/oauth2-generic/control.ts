import { z } from 'zod';
import { parseControlBody } from '../core/control';
import { emptyReply, jsonReply } from '../core/http';
import { route, type Route } from '../core/router';
import type { GrantStore } from './grants';
import { sameAccount, type OAuthAccount } from './model';

/** Test-side operations every OAuth provider offers (in process; over HTTP under /__sandbox/<provider>/). */
export interface OAuthControl {
  /** What the person does in the provider's "connected apps" settings: every token of the account dies. */
  revoke(account: string): void;
  /** Scopes the app can still use for the account (union of its live grants), sorted. */
  grantedScopes(account: string): string[];
  /** True for an access or refresh token that is neither expired, rotated nor revoked. */
  tokenIsLive(token: string): boolean;
}

export function requireAccount(accounts: readonly OAuthAccount[], key: string): OAuthAccount {
  const account = accounts.find((candidate) => sameAccount(candidate, key));
  if (!account) throw new Error(`unknown account "${key}"; known: ${accounts.map((a) => a.email).join(', ')}`);
  return account;
}

export function createOAuthControl(grants: GrantStore, accounts: readonly OAuthAccount[]): OAuthControl {
  return {
    revoke: (account) => grants.revokeAccount(requireAccount(accounts, account).email),
    grantedScopes: (account) => grants.grantedScopes(requireAccount(accounts, account).email),
    tokenIsLive: (token) => grants.isLive(token),
  };
}

/** `^/__sandbox/<provider>/<suffix>$` with named groups kept. */
export function controlPattern(provider: string, suffix: string): RegExp {
  return new RegExp(`^/__sandbox/${provider}/${suffix}$`);
}

const accountBody = z.object({ account: z.string() });
const tokenBody = z.object({ token: z.string() });

export function oauthControlRoutes(provider: string, control: OAuthControl): Route[] {
  return [
    route('POST', controlPattern(provider, 'revoke'), (req) => {
      control.revoke(parseControlBody(req, accountBody).account);
      return emptyReply(204);
    }),
    route('GET', controlPattern(provider, 'accounts/(?<account>[^/]+)/scopes'), (_req, params) => {
      const account = params['account'] ?? '';
      return jsonReply(200, { account, scopes: control.grantedScopes(account) });
    }),
    route('POST', controlPattern(provider, 'tokens/live'), (req) => jsonReply(200, { live: control.tokenIsLive(parseControlBody(req, tokenBody).token) })),
  ];
}
