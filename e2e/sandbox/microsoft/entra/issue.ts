import { createHash } from 'node:crypto';
import { base64url } from '../../core/ids';
import { encodeUnsignedJwt } from '../../core/jwt';
import { jsonReply, type Reply, type SandboxRequest } from '../../core/http';
import type { DirectoryUser } from '../directory';
import { containsScope } from '../scopes';
import type { EntraContext } from './context';
import { ACCESS_TOKEN_LIFETIME_S } from './tokens';

export function issuerFor(origin: string, tenantId: string): string {
  return `${origin}/${tenantId}/v2.0`;
}

/** `client_info`: msal builds homeAccountId = uid.utid from it. */
export function clientInfo(user: DirectoryUser, tenantId: string): string {
  return base64url(JSON.stringify({ uid: user.id, utid: tenantId }));
}

/** v2 `sub` is pairwise: stable per user and app, different across apps. */
function pairwiseSubject(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}:${clientId}`).digest('base64url').slice(0, 43);
}

function idToken(req: SandboxRequest, ctx: EntraContext, user: DirectoryUser, nonce: string | null): string {
  const iat = Math.floor(ctx.clock().getTime() / 1000);
  return encodeUnsignedJwt({
    aud: ctx.app.clientId,
    iss: issuerFor(req.origin, ctx.tenant.id),
    iat,
    nbf: iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_S,
    name: user.displayName,
    // A nonce claim appears only when the authorize request sent one: msal rejects an unexpected nonce.
    ...(nonce !== null ? { nonce } : {}),
    oid: user.id,
    preferred_username: user.userPrincipalName,
    sub: pairwiseSubject(user.id, ctx.app.clientId),
    tid: ctx.tenant.id,
    ver: '2.0',
  });
}

/**
 * A successful token response. Like Entra, the access token carries every Graph permission the account has
 * consented to (not just the requested ones), and `scope` says so; refresh and id tokens only when their OIDC
 * scopes were asked for.
 */
export function tokenSuccess(req: SandboxRequest, ctx: EntraContext, user: DirectoryUser, requested: readonly string[], nonce: string | null): Reply {
  const graphScopes = ctx.consent.granted(user.userPrincipalName);
  const { access, refresh } = ctx.tokens.issue({ upn: user.userPrincipalName, oid: user.id, clientId: ctx.app.clientId }, graphScopes);
  const wantsIdToken = containsScope(requested, 'openid');
  const scope = [...graphScopes, ...(wantsIdToken ? ['openid', 'profile', 'email'] : [])].join(' ');
  return jsonReply(
    200,
    {
      token_type: 'Bearer',
      scope,
      expires_in: ACCESS_TOKEN_LIFETIME_S,
      ext_expires_in: ACCESS_TOKEN_LIFETIME_S,
      access_token: access.token,
      ...(containsScope(requested, 'offline_access') ? { refresh_token: refresh.token } : {}),
      ...(wantsIdToken ? { id_token: idToken(req, ctx, user, nonce) } : {}),
      client_info: clientInfo(user, ctx.tenant.id),
    },
    { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
  );
}
