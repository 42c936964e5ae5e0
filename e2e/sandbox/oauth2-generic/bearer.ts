import { bearerToken, type Reply, type SandboxRequest } from '../core/http';
import type { RouteParams } from '../core/router';
import type { GrantStore } from './grants';
import type { Grant, TokenState } from './model';
import { holdsAny } from './scopes';

/** Why an API request was refused before its handler ran. */
export type Denial =
  | { readonly kind: 'unauthenticated'; readonly reason: 'missing' | Exclude<TokenState, 'live'> }
  /** The token is good but holds none of `anyOf`. */
  | { readonly kind: 'forbidden'; readonly anyOf: readonly string[] };

export interface GuardDialect {
  /** The provider's reply for a refused request (401 bodies, 403/400/401 scope errors). */
  readonly deny: (req: SandboxRequest, denial: Denial) => Reply;
  /** Scopes a grant implies beyond those it names (Dropbox: `*.write` implies `*.read`). */
  readonly impliedScopes?: (scopes: readonly string[]) => readonly string[];
  /** A check before the bearer token, e.g. Zoom's refusal of tokens in the query string. */
  readonly precheck?: (req: SandboxRequest) => Reply | null;
}

export type AuthorizedHandler = (req: SandboxRequest, params: RouteParams, grant: Grant) => Reply | Promise<Reply>;

export type Guard = (anyOf: readonly string[], handler: AuthorizedHandler) => (req: SandboxRequest, params: RouteParams) => Reply | Promise<Reply>;

export function heldScopes(dialect: GuardDialect, grant: Grant): readonly string[] {
  return dialect.impliedScopes ? dialect.impliedScopes(grant.scopes) : grant.scopes;
}

/** Wraps a route handler: a live bearer token holding any of `anyOf` scopes, or the provider's refusal. */
export function createGuard(grants: GrantStore, dialect: GuardDialect): Guard {
  return (anyOf, handler) => (req, params) => {
    const early = dialect.precheck?.(req) ?? null;
    if (early) return early;
    const token = bearerToken(req);
    if (token === null) return dialect.deny(req, { kind: 'unauthenticated', reason: 'missing' });
    const result = grants.authenticate(token);
    if (!result.ok) return dialect.deny(req, { kind: 'unauthenticated', reason: result.state });
    if (!holdsAny(heldScopes(dialect, result.grant), anyOf)) return dialect.deny(req, { kind: 'forbidden', anyOf });
    return handler(req, params, result.grant);
  };
}
