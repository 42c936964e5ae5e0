import type { Clock } from '../../core/clock';
import { requestId } from '../../core/ids';
import { headerValue, jsonReply, type Reply, type SandboxRequest } from '../../core/http';

/** One Entra error: OAuth `error`, the AADSTS number, and the human text that follows "AADSTSnnnnn: ". */
export interface EntraError {
  readonly error: string;
  readonly code: number;
  readonly description: string;
  readonly suberror?: string;
  readonly status?: number;
}

function entraTimestamp(now: Date): string {
  return now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** Entra's error body: AADSTS code in both `error_description` and `error_codes`, plus trace/correlation ids. */
export function entraErrorReply(req: SandboxRequest, clock: Clock, err: EntraError, headers: Record<string, string> = {}): Reply {
  const timestamp = entraTimestamp(clock());
  const traceId = requestId();
  const correlationId = req.query['client-request-id'] ?? headerValue(req, 'client-request-id') ?? requestId();
  return jsonReply(
    err.status ?? 400,
    {
      error: err.error,
      error_description: `AADSTS${err.code}: ${err.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [err.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${req.origin}/error?code=${err.code}`,
      ...(err.suberror ? { suberror: err.suberror } : {}),
    },
    { 'cache-control': 'no-store, no-cache', pragma: 'no-cache', ...headers },
  );
}

/** The catalogue of errors the sandbox produces, worded after the AADSTS reference. */
export const ENTRA_ERRORS = {
  missingParameter: (name: string): EntraError => ({
    error: 'invalid_request',
    code: 900144,
    description: `The request body must contain the following parameter: '${name}'.`,
  }),
  unknownClient: (clientId: string, tenantName: string): EntraError => ({
    error: 'invalid_client',
    code: 700016,
    description: `Application with identifier '${clientId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  unknownTenant: (tenant: string): EntraError => ({
    error: 'invalid_tenant',
    code: 90002,
    description: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  }),
  unsupportedGrantType: (grantType: string): EntraError => ({
    error: 'unsupported_grant_type',
    code: 70003,
    description: `The app requested an unsupported grant type '${grantType}'.`,
  }),
  authorizationPending: (): EntraError => ({
    error: 'authorization_pending',
    code: 70016,
    description: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  }),
  authorizationDeclined: (): EntraError => ({ error: 'authorization_declined', code: 65004, description: 'User declined to consent to access the app.' }),
  expiredDeviceCode: (): EntraError => ({ error: 'expired_token', code: 70019, description: 'Verification code expired.' }),
  badVerificationCode: (): EntraError => ({ error: 'bad_verification_code', code: 70000, description: "The provided value for the input parameter 'device_code' is not valid." }),
  alreadyRedeemed: (): EntraError => ({
    error: 'invalid_grant',
    code: 54005,
    description: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  /** What msal turns into InteractionRequiredAuthError and a dropped refresh token (research §2.1). */
  badRefreshToken: (): EntraError => ({
    error: 'invalid_grant',
    code: 70008,
    description: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    suberror: 'bad_token',
  }),
  malformedRefreshToken: (): EntraError => ({ error: 'invalid_grant', code: 9002313, description: 'Invalid request. Request is malformed or invalid.' }),
  invalidAuthorizationCode: (): EntraError => ({ error: 'invalid_grant', code: 70000, description: 'The provided authorization code is invalid or has expired.' }),
  redirectUriMismatch: (): EntraError => ({
    error: 'invalid_grant',
    code: 500112,
    description: 'The reply address does not match the reply address provided when requesting Authorization code.',
  }),
  pkceMismatch: (): EntraError => ({
    error: 'invalid_grant',
    code: 501481,
    description: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  consentRequired: (clientId: string, appName: string): EntraError => ({
    error: 'invalid_grant',
    code: 65001,
    description: `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
    suberror: 'consent_required',
  }),
  temporarilyUnavailable: (status: number): EntraError =>
    status === 429
      ? { error: 'temporarily_unavailable', code: 90055, description: 'There are too many incoming requests. Please try again later.', status }
      : { error: 'temporarily_unavailable', code: 90033, description: 'A transient error has occurred. Please try again.', status },
} as const;
