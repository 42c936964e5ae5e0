import type { Clock } from '../core/clock';
import type { Route } from '../core/router';
import type { OAuthAccount, OAuthClient } from '../oauth2-generic/model';
import { encodeUnsignedJwt } from '../core/jwt';
import { createOAuthProvider, oauthRoutes, type OAuthProvider } from '../oauth2-generic/provider';
import { formatScopes } from '../oauth2-generic/scopes';
import type { OAuthError, TokenProblem } from '../oauth2-generic/token-endpoint';
import { WEBEX_SIGN_IN_ACCOUNTS } from './accounts';
import { trackingId } from './errors';
import { describeWebexScope, WEBEX_KNOWN_SCOPES } from './scopes';

export const WEBEX_AUTHORIZE_PATH = '/v1/authorize';

/** The kiosk's Webex Integration (developer.webex.com "My Apps"): client id and secret, loopback redirect. */
export const WEBEX_APP: OAuthClient = {
  clientId: 'C5e1a3f0b7d24c9e8a6f1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6',
  clientSecret: 'sbx-webex-secret-4b7e2d9c1a8f',
  displayName: 'Roomdeck',
  redirectOrigins: ['http://127.0.0.1', 'http://localhost'],
  configuredScopes: [],
};

const ACCESS_LIFETIME_S = 14 * 24 * 3600;
const REFRESH_LIFETIME_S = 90 * 24 * 3600;

function webexTokenProblem(problem: TokenProblem): OAuthError {
  switch (problem.kind) {
    case 'client':
      return { status: 401, error: 'invalid_client', description: 'The client_id or client_secret is invalid.' };
    case 'grant_type':
      return { status: 400, error: 'unsupported_grant_type', description: `The grant_type "${problem.grantType}" is not supported.` };
    case 'missing':
      return { status: 400, error: 'invalid_request', description: `The request is missing the required parameter "${problem.parameter}".` };
    case 'code':
      return { status: 400, error: 'invalid_grant', description: 'The authorization code is invalid or has expired.' };
    case 'refresh':
      return { status: 400, error: 'invalid_grant', description: 'The refresh token provided is expired, revoked, malformed, or invalid.' };
  }
}

/**
 * Webex: client id and secret in the form, access tokens for 14 days, refresh tokens for 90 days and not rotated (a
 * refresh answers with the same refresh token and its remaining lifetime). There is no revocation endpoint: an app
 * "disconnects" by forgetting its tokens; only the person (Webex settings) or an admin (Control Hub) can revoke, which
 * the sandbox models with control.revoke(account).
 */
export function createWebexOAuth(clock: Clock, autoApprove: { readonly account: string } | null): OAuthProvider {
  const provider: OAuthProvider = createOAuthProvider({
    clock,
    client: WEBEX_APP,
    accounts: WEBEX_SIGN_IN_ACCOUNTS,
    autoApprove,
    policy: { accessLifetimeS: ACCESS_LIFETIME_S, refreshLifetimeS: REFRESH_LIFETIME_S, rotateRefreshTokens: false, tokenPrefix: 'sbx-webex-' },
    authorize: {
      providerName: 'Webex',
      knownScopes: WEBEX_KNOWN_SCOPES,
      describeScope: describeWebexScope,
      requireScope: true,
      offlineAccess: () => true,
      deniedDescription: 'The resource owner or authorization server denied the request.',
    },
    token: {
      clientAuth: 'form',
      problem: webexTokenProblem,
      errorBody: (error) => ({ error: error.error, error_description: error.description, trackingID: trackingId() }),
      successBody: (issued) => ({
        access_token: issued.access.token,
        expires_in: ACCESS_LIFETIME_S,
        refresh_token: issued.refresh?.token,
        refresh_token_expires_in: issued.refresh ? (provider.grants.secondsLeft(issued.refresh) ?? REFRESH_LIFETIME_S) : undefined,
        token_type: 'Bearer',
        scope: formatScopes(issued.grant.scopes),
        id_token: issued.grant.scopes.includes('openid') ? webexIdToken(clock, issued.grant.account) : undefined,
      }),
    },
  });
  return provider;
}

/**
 * Login with Webex returns an OpenID ID token when `openid` was granted (issuer idbroker.webex.com). Unsigned here:
 * a client may take the claims of a token it received straight from the token endpoint over TLS (OIDC Core §3.1.3.7).
 */
function webexIdToken(clock: Clock, account: OAuthAccount): string {
  const now = Math.floor(clock().getTime() / 1000);
  return encodeUnsignedJwt({
    iss: 'https://idbroker.webex.com/idb',
    aud: WEBEX_APP.clientId,
    sub: account.id,
    email: account.email,
    name: account.displayName,
    iat: now,
    exp: now + ACCESS_LIFETIME_S,
  });
}

export function webexOAuthRoutes(oauth: OAuthProvider): Route[] {
  return oauthRoutes(oauth, { authorize: WEBEX_AUTHORIZE_PATH, token: '/v1/access_token' });
}
