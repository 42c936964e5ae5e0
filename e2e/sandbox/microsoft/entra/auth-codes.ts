import { createAuthorizationStores, type AuthorizationStores } from '../../core/authorization';
import type { Clock } from '../../core/clock';
import { randomToken } from '../../core/ids';
import type { PkceChallenge } from '../../core/pkce';

/** An /authorize request waiting for the person on the sign-in page. */
export interface PendingAuthorization extends PkceChallenge {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | null;
  readonly nonce: string | null;
  readonly responseMode: 'form_post' | 'query' | 'fragment';
  readonly loginHint: string | null;
}

/** What a code stands for when the app redeems it. */
export interface AuthorizationCode {
  readonly request: PendingAuthorization;
  readonly upn: string;
}

export type EntraAuthorizations = AuthorizationStores<PendingAuthorization, AuthorizationCode>;

/** Codes live 10 minutes; a sign-in page left open stays usable for an hour, like Google's consent form. */
export function entraAuthorizations(clock: Clock): EntraAuthorizations {
  return createAuthorizationStores(clock, { formS: 3600, codeS: 600 }, () => `sbx-ac.${randomToken(48)}`);
}
