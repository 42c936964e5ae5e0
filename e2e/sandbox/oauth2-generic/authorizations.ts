import { createAuthorizationStores, type AuthorizationStores } from '../core/authorization';
import type { Clock } from '../core/clock';
import { randomToken } from '../core/ids';
import type { OneTimeValues } from '../core/one-time';
import { pkceProblem, type PkceChallenge } from '../core/pkce';
import type { OAuthAccount } from './model';

/** An /authorize request waiting for the person on the consent page. */
export interface PendingAuthorization extends PkceChallenge {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | null;
  /** Whether the token exchange may return a refresh token (Dropbox: token_access_type=offline). */
  readonly offline: boolean;
}

/** What a code stands for when the app redeems it. */
export interface AuthorizationCode {
  readonly request: PendingAuthorization;
  readonly account: OAuthAccount;
}

export type CodeProblem = 'unknown' | 'expired' | 'redeemed' | 'client' | 'redirect_uri' | 'verifier';

export type OAuthAuthorizations = AuthorizationStores<PendingAuthorization, AuthorizationCode>;

/** Authorization codes are short-lived everywhere (Zoom: 5 minutes, Dropbox: 10); a consent page left open keeps an hour. */
export function oauthAuthorizations(clock: Clock): OAuthAuthorizations {
  return createAuthorizationStores(clock, { formS: 3600, codeS: 300 }, () => randomToken(24));
}

/** What the token request presented along with the code. */
export interface CodeRedemption {
  readonly clientId: string;
  readonly redirectUri: string | undefined;
  readonly verifier: string | undefined;
}

function unusable(codes: OneTimeValues<AuthorizationCode>, code: string): CodeProblem {
  if (codes.wasUsed(code)) return 'redeemed';
  return codes.hasExpired(code) ? 'expired' : 'unknown';
}

/** Checks a code the way the token endpoint must, and uses it up when it is good. */
export function redeem(codes: OneTimeValues<AuthorizationCode>, code: string, presented: CodeRedemption): AuthorizationCode | CodeProblem {
  const found = codes.peek(code);
  if (!found) return unusable(codes, code);
  if (found.request.clientId !== presented.clientId) return 'client';
  if (presented.redirectUri !== undefined && presented.redirectUri !== found.request.redirectUri) return 'redirect_uri';
  if (pkceProblem(found.request, presented.verifier)) return 'verifier';
  codes.take(code);
  return found;
}
