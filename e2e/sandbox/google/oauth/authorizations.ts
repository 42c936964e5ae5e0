import { createAuthorizationStores, type AuthorizationStores } from '../../core/authorization';
import type { Clock } from '../../core/clock';
import { randomToken } from '../../core/ids';
import type { PkceChallenge } from '../../core/pkce';

/** A validated `/o/oauth2/v2/auth` request waiting for the person on the consent page. */
export interface AuthorizationRequest extends PkceChallenge {
  readonly clientId: string;
  readonly redirectUri: string;
  /** Canonical scopes asked for in this request. */
  readonly scopes: readonly string[];
  readonly state: string | null;
  readonly codeChallengeMethod: 'S256' | 'plain';
  readonly accessType: 'online' | 'offline';
  readonly includeGrantedScopes: boolean;
  readonly forceConsent: boolean;
  readonly loginHint: string | null;
}

/** What a code stands for when the app redeems it. */
export interface CodeGrant {
  readonly request: AuthorizationRequest;
  /** Lower-case email of the account that allowed access. */
  readonly account: string;
  /** The token's scopes: the request's, or the whole grant with include_granted_scopes. */
  readonly scopes: readonly string[];
  /** Whether the exchange hands out a refresh token (offline access, and a consent screen was shown). */
  readonly withRefreshToken: boolean;
}

export function authorizationStores(clock: Clock): AuthorizationStores<AuthorizationRequest, CodeGrant> {
  // Google's codes start with "4/0A": the "/" must be URL-decoded by the app, which the sandbox thereby checks.
  return createAuthorizationStores(clock, { formS: 3600, codeS: 600 }, () => `4/0Asbx-${randomToken(40)}`);
}
