import { bearerToken, type Reply, type SandboxRequest } from '../../core/http';
import { SCOPES } from '../scopes';
import type { GoogleOAuthContext } from './context';
import { missingParameter, oauthErrorNamed, oauthJson } from './errors';
import { bodyParams } from './token-endpoint';

/** `token` / `access_token` from the query (what google-auth-library sends), the form, or a bearer header. */
function tokenParam(req: SandboxRequest, name: string): string | null {
  return req.query[name] ?? bodyParams(req)[name] ?? null;
}

/**
 * POST (or GET) /revoke?token=: an access or a refresh token. Either way the whole grant goes: every token of it
 * and the consent, so the next sign-in shows the consent screen again.
 */
export function handleRevoke(ctx: GoogleOAuthContext, req: SandboxRequest): Reply {
  const token = tokenParam(req, 'token');
  if (!token) return missingParameter('token');
  const found = ctx.grants.findAccess(token) ?? ctx.grants.findRefresh(token);
  const state = ctx.grants.stateOf(found);
  if (state === 'unknown') return oauthErrorNamed('invalidToken');
  if (state === 'revoked') return oauthErrorNamed('revokedToken');
  ctx.grants.revokeToken(token);
  return oauthJson({});
}

/**
 * GET/POST /tokeninfo. Numbers and booleans come back as strings, as Google's do (google-auth-library multiplies
 * `expires_in` by 1000, which works on a numeric string).
 */
export function handleTokenInfo(ctx: GoogleOAuthContext, req: SandboxRequest): Reply {
  const token = tokenParam(req, 'access_token') ?? bearerToken(req);
  const grant = token ? ctx.grants.findAccess(token) : null;
  if (!grant || ctx.grants.stateOf(grant) !== 'live') return oauthErrorNamed('invalidToken');
  const account = ctx.directory.require(grant.account);
  const expiresIn = Math.max(0, Math.floor((grant.expiresAt.getTime() - ctx.clock().getTime()) / 1000));
  return oauthJson({
    azp: grant.clientId,
    aud: grant.clientId,
    sub: account.id,
    scope: [...grant.scopes].sort().join(' '),
    exp: String(Math.floor(grant.expiresAt.getTime() / 1000)),
    expires_in: String(expiresIn),
    ...(grant.scopes.includes(SCOPES.email) ? { email: account.email, email_verified: 'true' } : {}),
    access_type: grant.accessType,
  });
}
