import type { Clock } from '../core/clock';
import { headerValue, jsonReply, type Reply, type SandboxRequest } from '../core/http';
import { route, type Route } from '../core/router';
import type { OAuthClient } from '../oauth2-generic/model';
import { createOAuthProvider, oauthRoutes, type OAuthProvider } from '../oauth2-generic/provider';
import { formatScopes } from '../oauth2-generic/scopes';
import type { OAuthError, TokenProblem } from '../oauth2-generic/token-endpoint';
import { ZOOM_SIGN_IN_ACCOUNTS } from './accounts';
import { describeZoomScope, ZOOM_CONFIGURED_SCOPES, ZOOM_KNOWN_SCOPES } from './scopes';

export const ZOOM_AUTHORIZE_PATH = '/oauth/authorize';

/** The kiosk's "General app" in the Zoom App Marketplace (user-managed, confidential client). */
export const ZOOM_APP: OAuthClient = {
  clientId: 'RoomdeckZoomClient01',
  clientSecret: 'sbx-zoom-secret-9f2c41d7a3b8',
  displayName: 'Roomdeck',
  redirectOrigins: ['http://127.0.0.1', 'http://localhost'],
  configuredScopes: ZOOM_CONFIGURED_SCOPES,
};

/** Zoom words token errors as `{reason, error}` (e.g. `{"reason":"Invalid Token!","error":"invalid_grant"}`). */
function zoomTokenProblem(problem: TokenProblem): OAuthError {
  switch (problem.kind) {
    case 'client':
      return { status: 401, error: 'invalid_client', description: 'Invalid client_id or client_secret' };
    case 'grant_type':
      return { status: 400, error: 'unsupported_grant_type', description: `Unsupported grant type: ${problem.grantType}` };
    case 'missing':
      return { status: 400, error: 'invalid_request', description: `Missing parameter: ${problem.parameter}` };
    case 'code':
      if (problem.problem === 'redirect_uri') return { status: 400, error: 'invalid_request', description: 'Redirect URI mismatch.' };
      if (problem.problem === 'verifier') return { status: 400, error: 'invalid_request', description: 'Invalid code verifier.' };
      return { status: 400, error: 'invalid_request', description: 'Invalid authorization code' };
    case 'refresh':
      return { status: 400, error: 'invalid_grant', description: 'Invalid Token!' };
  }
}

export interface ZoomOAuthOptions {
  readonly clock: Clock;
  readonly autoApprove: { readonly account: string } | null;
  /** Origin of the zoom-api listener, returned as `api_url` (Zoom tells clients where to call). */
  readonly apiOrigin: () => string | undefined;
}

export function createZoomOAuth(options: ZoomOAuthOptions): OAuthProvider {
  return createOAuthProvider({
    clock: options.clock,
    client: ZOOM_APP,
    accounts: ZOOM_SIGN_IN_ACCOUNTS,
    autoApprove: options.autoApprove,
    // Access tokens last an hour; refresh tokens rotate on every use (the old one dies at once).
    policy: { accessLifetimeS: 3600, refreshLifetimeS: 90 * 24 * 3600, rotateRefreshTokens: true, tokenPrefix: 'sbx-zoom-' },
    authorize: {
      providerName: 'Zoom',
      knownScopes: ZOOM_KNOWN_SCOPES,
      describeScope: describeZoomScope,
      requireScope: false,
      offlineAccess: () => true,
      deniedDescription: 'The user denied the authorization request.',
    },
    token: {
      clientAuth: 'basic',
      problem: zoomTokenProblem,
      errorBody: (error) => ({ reason: error.description, error: error.error }),
      successBody: (issued) => {
        const apiUrl = options.apiOrigin();
        return {
          access_token: issued.access.token,
          token_type: 'bearer',
          refresh_token: issued.refresh?.token,
          expires_in: 3599,
          scope: formatScopes(issued.grant.scopes),
          ...(apiUrl === undefined ? {} : { api_url: apiUrl }),
        };
      },
    },
  });
}

function basicClientMatches(req: SandboxRequest): boolean {
  const expected = `Basic ${Buffer.from(`${ZOOM_APP.clientId}:${ZOOM_APP.clientSecret}`).toString('base64')}`;
  return headerValue(req, 'authorization') === expected;
}

/** POST /oauth/revoke: Basic client auth, form `token=`; the whole authorization (every token of it) dies. */
function revoke(oauth: OAuthProvider, req: SandboxRequest): Reply {
  if (!basicClientMatches(req)) return jsonReply(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
  const token = req.form?.['token'];
  if (!token) return jsonReply(400, { reason: 'Missing parameter: token', error: 'invalid_request' });
  if (!oauth.grants.revokeToken(token)) return jsonReply(400, { reason: 'Invalid Token!', error: 'invalid_request' });
  return jsonReply(200, { status: 'success' });
}

export function zoomOAuthRoutes(oauth: OAuthProvider): Route[] {
  return [
    ...oauthRoutes(oauth, { authorize: ZOOM_AUTHORIZE_PATH, token: '/oauth/token' }),
    route('POST', /^\/oauth\/revoke$/, (req) => revoke(oauth, req)),
  ];
}
