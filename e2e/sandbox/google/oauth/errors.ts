import { jsonReply, type Reply } from '../../core/http';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** Google's OAuth endpoints answer errors as `{error, error_description}` (no codes, no trace ids). */
export function oauthError(status: number, error: string, description: string): Reply {
  return jsonReply(status, { error, error_description: description }, NO_STORE);
}

export function oauthJson(value: unknown): Reply {
  return jsonReply(200, value, NO_STORE);
}

/** The token-endpoint errors the sandbox produces: status, `error`, `error_description`, as Google words them. */
export const OAUTH_ERRORS = {
  noClientId: [400, 'invalid_request', 'Could not determine client ID from request.'],
  unknownClient: [401, 'invalid_client', 'The OAuth client was not found.'],
  noClientSecret: [400, 'invalid_request', 'client_secret is missing.'],
  badClientSecret: [401, 'invalid_client', 'Unauthorized'],
  malformedCode: [400, 'invalid_grant', 'Malformed auth code.'],
  usedCode: [400, 'invalid_grant', 'Bad Request'],
  redirectMismatch: [400, 'redirect_uri_mismatch', 'Bad Request'],
  missingVerifier: [400, 'invalid_grant', 'Missing code verifier.'],
  badVerifier: [400, 'invalid_grant', 'Invalid code verifier.'],
  unknownRefreshToken: [400, 'invalid_grant', 'Bad Request'],
  /** What a revoked (or, in testing-mode apps, 7-day-old) refresh token gets; gaxios surfaces it as message "invalid_grant". */
  revokedRefreshToken: [400, 'invalid_grant', 'Token has been expired or revoked.'],
  wrongClientForToken: [400, 'unauthorized_client', 'Unauthorized'],
  scopeNotGranted: [400, 'invalid_scope', 'Some requested scopes were not granted by the user.'],
  authorizationPending: [428, 'authorization_pending', 'Precondition Required'],
  accessDenied: [403, 'access_denied', 'Forbidden'],
  expiredDeviceCode: [400, 'expired_token', 'Expired'],
  invalidToken: [400, 'invalid_token', 'Invalid Value'],
  revokedToken: [400, 'invalid_token', 'Token expired or revoked'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type OAuthErrorName = keyof typeof OAUTH_ERRORS;

export function oauthErrorNamed(name: OAuthErrorName): Reply {
  const [status, error, description] = OAUTH_ERRORS[name];
  return oauthError(status, error, description);
}

export function missingParameter(name: string): Reply {
  return oauthError(400, 'invalid_request', `Missing required parameter: ${name}`);
}
