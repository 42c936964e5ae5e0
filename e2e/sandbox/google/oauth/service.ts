import type { SandboxRequest } from '../../core/http';
import { route } from '../../core/router';
import type { ServiceDefinition } from '../../core/service';
import { retryAfterHeader } from '../api-errors';
import { splitScopeParam } from '../scopes';
import { AUTHORIZE_PATH, handleAuthorizeDecision, handleAuthorizeStart } from './authorize';
import type { GoogleOAuthContext } from './context';
import { handleDeviceCode } from './device';
import { oauthError, oauthErrorNamed } from './errors';
import { handleRevoke, handleTokenInfo } from './introspection';
import { bodyParams, handleToken } from './token-endpoint';

export const GOOGLE_OAUTH_PATHS = { authorize: AUTHORIZE_PATH, token: '/token', revoke: '/revoke', tokenInfo: '/tokeninfo', deviceCode: '/device/code' } as const;

/** The scope list of an authorize, device-code or token request, as sent (what feature-consent tests assert on). */
function describe(req: SandboxRequest): { scopes: readonly string[] | null; grantType: string | null } {
  if (req.path === AUTHORIZE_PATH && req.method === 'GET') return { scopes: req.query['scope'] === undefined ? null : splitScopeParam(req.query['scope']), grantType: null };
  if (req.path !== GOOGLE_OAUTH_PATHS.token && req.path !== GOOGLE_OAUTH_PATHS.deviceCode) return { scopes: null, grantType: null };
  const params = bodyParams(req);
  return { scopes: params['scope'] === undefined ? null : splitScopeParam(params['scope']), grantType: params['grant_type'] ?? null };
}

/** accounts.google.com + oauth2.googleapis.com on one listener (their paths do not overlap). */
export function createGoogleOAuthService(ctx: GoogleOAuthContext): ServiceDefinition<'google-oauth'> {
  return {
    name: 'google-oauth',
    routes: [
      route('GET', new RegExp(`^${AUTHORIZE_PATH}$`), (req) => handleAuthorizeStart(ctx, req)),
      route('POST', new RegExp(`^${AUTHORIZE_PATH}$`), (req) => handleAuthorizeDecision(ctx, req)),
      route('POST', /^\/token$/, (req) => handleToken(ctx, req)),
      route(['POST', 'GET'], /^\/revoke$/, (req) => handleRevoke(ctx, req)),
      route(['POST', 'GET'], /^\/tokeninfo$/, (req) => handleTokenInfo(ctx, req)),
      route('POST', /^\/device\/code$/, (req) => handleDeviceCode(ctx, req)),
    ],
    describe,
    statusFault: (_req, status, retryAfter) => {
      const reply = oauthError(status, status === 429 ? 'rate_limit_exceeded' : 'temporarily_unavailable', status === 429 ? 'Rate Limit Exceeded' : 'Backend Error');
      return { ...reply, headers: { ...reply.headers, ...retryAfterHeader(retryAfter) } };
    },
    oauthFault: (_req, error) => {
      if (error === 'invalid_grant') return oauthErrorNamed('revokedRefreshToken');
      if (error === 'expired_token') return oauthErrorNamed('expiredDeviceCode');
      return oauthErrorNamed('accessDenied');
    },
    notFound: (req) => oauthError(404, 'not_found', `The sandbox's Google OAuth server has no endpoint ${req.method} ${req.path}.`),
    methodNotAllowed: (req) => oauthError(405, 'invalid_request', `Method ${req.method} is not allowed on ${req.path}.`),
    internalError: (_req, error) => oauthError(500, 'internal_failure', `Backend Error (${String(error)})`),
  };
}
