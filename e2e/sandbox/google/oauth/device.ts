import type { Reply, SandboxRequest } from '../../core/http';
import { canonicalScope, DEVICE_FLOW_SCOPES, splitScopeParam } from '../scopes';
import type { GoogleOAuthContext } from './context';
import { DEVICE_POLL_INTERVAL_S, type DeviceCode } from './device-codes';
import { missingParameter, oauthError, oauthErrorNamed, oauthJson } from './errors';
import { bodyParams } from './token-endpoint';

export interface GoogleDeviceApproval {
  readonly userCode: string;
  readonly account: string;
  /** false = the person pressed Cancel: polling then gets 403 access_denied. */
  readonly consent: boolean;
}

/** What google.com/device does when the person finishes; a consent adds the scopes to the account's grant. */
export function approveDeviceCode(ctx: GoogleOAuthContext, approval: GoogleDeviceApproval): DeviceCode {
  const account = ctx.directory.require(approval.account);
  const code = ctx.deviceCodes.decide(approval.userCode, account.email, approval.consent);
  if (approval.consent) ctx.grants.consent(account.email, code.clientId, code.scopes);
  return code;
}

/**
 * POST /device/code. Google's device flow only allows a short list of scopes; anything else (Calendar included)
 * fails the whole request with invalid_scope naming the first offending scope as sent.
 */
export function handleDeviceCode(ctx: GoogleOAuthContext, req: SandboxRequest): Reply {
  const params = bodyParams(req);
  const clientId = params['client_id'];
  if (!clientId) return oauthErrorNamed('noClientId');
  if (clientId !== ctx.app.clientId) return oauthErrorNamed('unknownClient');
  const requested = splitScopeParam(params['scope']);
  if (requested.length === 0) return missingParameter('scope');
  const refused = requested.find((scope) => !DEVICE_FLOW_SCOPES.includes(canonicalScope(scope)));
  if (refused !== undefined) return oauthError(400, 'invalid_scope', `Invalid device flow scope: ${refused}`);
  const code = ctx.deviceCodes.create(clientId, [...new Set(requested.map(canonicalScope))]);
  if (ctx.autoApprove) approveDeviceCode(ctx, { userCode: code.userCode, account: ctx.autoApprove.account, consent: true });
  return oauthJson({
    device_code: code.deviceCode,
    user_code: code.userCode,
    // Google spells it verification_url (RFC 8628 says verification_uri) and sends no verification_uri_complete.
    verification_url: `${req.origin}/device`,
    expires_in: Math.round((code.expiresAt.getTime() - ctx.clock().getTime()) / 1000),
    interval: DEVICE_POLL_INTERVAL_S,
  });
}
