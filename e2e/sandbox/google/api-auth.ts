import { bearerToken, type SandboxRequest } from '../core/http';
import type { GoogleAccount, GoogleDirectory } from './directory';
import type { GoogleGrants } from './oauth/grants';
import { hasAnyScope } from './scopes';

/** Who is calling a Google API, and with which scopes. */
export interface Principal {
  readonly account: GoogleAccount;
  readonly scopes: readonly string[];
}

export type AuthCheck =
  | { readonly ok: true; readonly principal: Principal }
  /** missing: no bearer token; invalid: unknown, expired or revoked; scope: a live token without any of the scopes. */
  | { readonly ok: false; readonly problem: 'missing' | 'invalid' | 'scope' };

export interface ApiAuthDeps {
  readonly grants: GoogleGrants;
  readonly directory: GoogleDirectory;
}

/** Google checks the token before anything else, then the scopes the method needs (any one of `anyOf`). */
export function authorize(deps: ApiAuthDeps, req: SandboxRequest, anyOf: readonly string[]): AuthCheck {
  const token = bearerToken(req);
  if (token === null) return { ok: false, problem: 'missing' };
  const grant = deps.grants.findAccess(token);
  const account = grant ? deps.directory.find(grant.account) : null;
  if (!grant || !account || deps.grants.stateOf(grant) !== 'live') return { ok: false, problem: 'invalid' };
  if (!hasAnyScope(grant.scopes, anyOf)) return { ok: false, problem: 'scope' };
  return { ok: true, principal: { account, scopes: grant.scopes } };
}
