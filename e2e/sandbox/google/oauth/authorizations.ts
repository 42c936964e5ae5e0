import type { Clock } from '../../core/clock';
import { randomToken } from '../../core/ids';
import { OneTimeValues } from './one-time';

/** A validated `/o/oauth2/v2/auth` request waiting for the person on the consent page. */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  /** Canonical scopes asked for in this request. */
  readonly scopes: readonly string[];
  readonly state: string | null;
  readonly codeChallenge: string | null;
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

const FORM_LIFETIME_S = 3600;
const CODE_LIFETIME_S = 600;

/** Consent forms waiting for a decision, and the codes they turn into; both single use. */
export function authorizationStores(clock: Clock): { forms: OneTimeValues<AuthorizationRequest>; codes: OneTimeValues<CodeGrant> } {
  return {
    forms: new OneTimeValues(clock, FORM_LIFETIME_S, () => randomToken(16)),
    // Google's codes start with "4/0A": the "/" must be URL-decoded by the app, which the sandbox thereby checks.
    codes: new OneTimeValues(clock, CODE_LIFETIME_S, () => `4/0Asbx-${randomToken(40)}`),
  };
}
