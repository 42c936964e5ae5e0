import { headerValue, parseJsonBody, type Reply, type SandboxRequest } from '../../core/http';
import { pkceProblem } from '../../core/pkce';
import { parseScopes } from '../scopes';
import type { GoogleOAuthContext } from './context';
import { missingParameter, oauthError, oauthErrorNamed } from './errors';
import { tokenSuccess } from './issue';

type Params = Readonly<Record<string, string>>;

/** Google's token endpoint takes a form (what gaxios sends) or a JSON object. */
export function bodyParams(req: SandboxRequest): Params {
  if (req.form) return req.form;
  const parsed: unknown = (() => {
    try {
      return parseJsonBody(req);
    } catch {
      return undefined;
    }
  })();
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** client_secret_post (google-auth-library's default) or client_secret_basic. */
function clientCredentials(req: SandboxRequest, params: Params): { id: string | undefined; secret: string | undefined } {
  const basic = /^Basic\s+(\S+)$/i.exec(headerValue(req, 'authorization') ?? '')?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    return { id: id ? decodeURIComponent(id) : undefined, secret: secret === undefined ? undefined : decodeURIComponent(secret) };
  }
  return { id: params['client_id'], secret: params['client_secret'] };
}

/** Desktop clients must send their (non-confidential) secret: Google refuses a token request without it. */
function checkClient(ctx: GoogleOAuthContext, req: SandboxRequest, params: Params): Reply | null {
  const { id, secret } = clientCredentials(req, params);
  if (!id) return oauthErrorNamed('noClientId');
  if (id !== ctx.app.clientId) return oauthErrorNamed('unknownClient');
  if (secret === undefined) return oauthErrorNamed('noClientSecret');
  return secret === ctx.app.clientSecret ? null : oauthErrorNamed('badClientSecret');
}

const PKCE_ERRORS = { missing: 'missingVerifier', mismatch: 'badVerifier' } as const;

function redeemCode(ctx: GoogleOAuthContext, req: SandboxRequest, params: Params): Reply {
  const value = params['code'];
  if (!value) return missingParameter('code');
  const code = ctx.codes.peek(value);
  if (!code) return oauthErrorNamed(ctx.codes.wasUsed(value) ? 'usedCode' : 'malformedCode');
  if (params['redirect_uri'] !== code.request.redirectUri) return oauthErrorNamed('redirectMismatch');
  const pkce = pkceProblem(code.request, params['code_verifier']);
  if (pkce) return oauthErrorNamed(PKCE_ERRORS[pkce]);
  ctx.codes.take(value);
  return tokenSuccess(ctx, req, { account: ctx.directory.require(code.account), scopes: code.scopes, accessType: code.request.accessType, withRefreshToken: code.withRefreshToken });
}

/**
 * Google refresh tokens do not rotate: the answer has no refresh_token (google-auth-library keeps the old one).
 * An optional `scope` narrows the new access token to part of what the refresh token covers.
 */
function redeemRefreshToken(ctx: GoogleOAuthContext, req: SandboxRequest, params: Params): Reply {
  const value = params['refresh_token'];
  if (!value) return missingParameter('refresh_token');
  const token = ctx.grants.findRefresh(value);
  const state = ctx.grants.stateOf(token);
  if (!token || state === 'unknown') return oauthErrorNamed('unknownRefreshToken');
  if (state !== 'live') return oauthErrorNamed('revokedRefreshToken');
  if (token.clientId !== ctx.app.clientId) return oauthErrorNamed('wrongClientForToken');
  const narrowed = params['scope'] ? parseScopes(params['scope']) : token.scopes;
  if (narrowed.some((scope) => !token.scopes.includes(scope))) return oauthErrorNamed('scopeNotGranted');
  return tokenSuccess(ctx, req, { account: ctx.directory.require(token.account), scopes: narrowed, accessType: 'offline', withRefreshToken: false });
}

const POLL_ERRORS = { unknown: 'malformedCode', redeemed: 'usedCode', expired: 'expiredDeviceCode', pending: 'authorizationPending', declined: 'accessDenied' } as const;

/** Polling answers as Google's: 428 while pending, 403 when refused. */
function redeemDeviceCode(ctx: GoogleOAuthContext, req: SandboxRequest, params: Params): Reply {
  const value = params['device_code'];
  if (!value) return missingParameter('device_code');
  const result = ctx.deviceCodes.poll(value);
  if (typeof result === 'string') return oauthErrorNamed(POLL_ERRORS[result]);
  return tokenSuccess(ctx, req, { account: ctx.directory.require(result.account ?? ''), scopes: result.scopes, accessType: 'offline', withRefreshToken: true });
}

const GRANT_HANDLERS: Readonly<Record<string, (ctx: GoogleOAuthContext, req: SandboxRequest, params: Params) => Reply>> = {
  authorization_code: redeemCode,
  refresh_token: redeemRefreshToken,
  'urn:ietf:params:oauth:grant-type:device_code': redeemDeviceCode,
  // The grant type Google's own older device-flow docs used; still accepted.
  'http://oauth.net/grant_type/device/1.0': redeemDeviceCode,
};

/** POST /token */
export function handleToken(ctx: GoogleOAuthContext, req: SandboxRequest): Reply {
  const params = bodyParams(req);
  const clientError = checkClient(ctx, req, params);
  if (clientError) return clientError;
  const grantType = params['grant_type'];
  if (!grantType) return missingParameter('grant_type');
  const handler = GRANT_HANDLERS[grantType];
  return handler ? handler(ctx, req, params) : oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
}
