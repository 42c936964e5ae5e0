import { encodeUnsignedJwt } from '../../core/jwt';
import type { Reply, SandboxRequest } from '../../core/http';
import type { GoogleAccount } from '../directory';
import { SCOPES } from '../scopes';
import type { GoogleOAuthContext } from './context';
import { oauthJson } from './errors';
import { ACCESS_TOKEN_LIFETIME_S, type AccessToken } from './grants';

/** Profile claims Google puts in id tokens and userinfo, each only with the scope that covers it. */
export function profileClaims(account: GoogleAccount, scopes: readonly string[], hd: string): Record<string, string | boolean> {
  return {
    sub: account.id,
    ...(scopes.includes(SCOPES.profile)
      ? { name: account.displayName, given_name: account.givenName, family_name: account.familyName, picture: 'https://lh3.googleusercontent.com/a/default-user=s96-c' }
      : {}),
    ...(scopes.includes(SCOPES.email) ? { email: account.email, email_verified: true } : {}),
    hd,
  };
}

/**
 * Unsigned (alg none): google-auth-library's getToken does not verify id tokens, and verifyIdToken cannot be
 * pointed at sandbox keys anyway. The issuer is the sandbox origin so nobody mistakes it for Google's.
 */
function idToken(ctx: GoogleOAuthContext, req: SandboxRequest, account: GoogleAccount, scopes: readonly string[]): string {
  const iat = Math.floor(ctx.clock().getTime() / 1000);
  return encodeUnsignedJwt({ iss: req.origin, azp: ctx.app.clientId, aud: ctx.app.clientId, ...profileClaims(account, scopes, ctx.directory.domain.domain), iat, exp: iat + ACCESS_TOKEN_LIFETIME_S });
}

export interface TokenGrant {
  readonly account: GoogleAccount;
  readonly scopes: readonly string[];
  readonly accessType: AccessToken['accessType'];
  readonly withRefreshToken: boolean;
}

/** `{access_token, expires_in, refresh_token?, scope, token_type, id_token?}` in the order Google sends them. */
export function tokenSuccess(ctx: GoogleOAuthContext, req: SandboxRequest, grant: TokenGrant): Reply {
  const access = ctx.grants.issueAccess(grant.account.email, ctx.app.clientId, grant.scopes, grant.accessType);
  const refresh = grant.withRefreshToken ? ctx.grants.issueRefresh(grant.account.email, ctx.app.clientId, grant.scopes) : null;
  return oauthJson({
    access_token: access.token,
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    ...(refresh ? { refresh_token: refresh.token } : {}),
    scope: [...grant.scopes].sort().join(' '),
    token_type: 'Bearer',
    ...(grant.scopes.includes(SCOPES.openid) ? { id_token: idToken(ctx, req, grant.account, grant.scopes) } : {}),
  });
}
