import type { Reply, SandboxRequest } from '../../core/http';
import { jsonReply } from '../../core/http';
import { pkceProblem } from '../../core/pkce';
import { parseScopeParam } from '../scopes';
import type { EntraContext } from './context';
import { completeDeviceCode } from './device-flow';
import { ENTRA_ERRORS, entraErrorReply, type EntraError } from './errors';
import { tokenSuccess } from './issue';

type Form = Readonly<Record<string, string>>;

/** Parameters every OAuth endpoint checks first, in Entra's order: client_id present, then known. */
function checkClient(ctx: EntraContext, form: Form): EntraError | null {
  const clientId = form['client_id'];
  if (!clientId) return ENTRA_ERRORS.missingParameter('client_id');
  if (clientId !== ctx.app.clientId) return ENTRA_ERRORS.unknownClient(clientId, ctx.tenant.displayName);
  return null;
}

function fail(req: SandboxRequest, ctx: EntraContext, err: EntraError): Reply {
  return entraErrorReply(req, ctx.clock, err);
}

/** POST /{tenant}/oauth2/v2.0/devicecode */
export function handleDeviceCode(ctx: EntraContext, req: SandboxRequest): Reply {
  const form = req.form ?? {};
  const clientError = checkClient(ctx, form);
  if (clientError) return fail(req, ctx, clientError);
  if (!form['scope']) return fail(req, ctx, ENTRA_ERRORS.missingParameter('scope'));
  const grant = ctx.deviceCodes.create(ctx.app.clientId, parseScopeParam(form['scope']));
  if (ctx.autoApprove) completeDeviceCode(ctx, { userCode: grant.userCode, account: ctx.autoApprove.account, consent: true });
  const verificationUri = `${req.origin}/devicelogin`;
  return jsonReply(200, {
    user_code: grant.userCode,
    device_code: grant.deviceCode,
    verification_uri: verificationUri,
    expires_in: Math.round((grant.expiresAt.getTime() - ctx.clock().getTime()) / 1000),
    interval: 1,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${grant.userCode} to authenticate.`,
  });
}

function redeemDeviceCode(ctx: EntraContext, req: SandboxRequest, form: Form): Reply {
  const deviceCode = form['device_code'];
  if (!deviceCode) return fail(req, ctx, ENTRA_ERRORS.missingParameter('device_code'));
  const grant = ctx.deviceCodes.findByDeviceCode(deviceCode);
  if (!grant) return fail(req, ctx, ENTRA_ERRORS.badVerificationCode());
  if (grant.state === 'redeemed') return fail(req, ctx, ENTRA_ERRORS.alreadyRedeemed());
  if (ctx.deviceCodes.isExpired(grant)) return fail(req, ctx, ENTRA_ERRORS.expiredDeviceCode());
  if (grant.state === 'pending') return fail(req, ctx, ENTRA_ERRORS.authorizationPending());
  if (grant.state === 'declined' || grant.upn === null) return fail(req, ctx, ENTRA_ERRORS.authorizationDeclined());
  grant.state = 'redeemed';
  return tokenSuccess(req, ctx, ctx.directory.require(grant.upn), grant.scopes, null);
}

function codeProblem(ctx: EntraContext, codeValue: string): EntraError {
  return ctx.authorizations.codes.wasUsed(codeValue) ? ENTRA_ERRORS.alreadyRedeemed() : ENTRA_ERRORS.invalidAuthorizationCode();
}

function redeemAuthorizationCode(ctx: EntraContext, req: SandboxRequest, form: Form): Reply {
  const codeValue = form['code'];
  if (!codeValue) return fail(req, ctx, ENTRA_ERRORS.missingParameter('code'));
  const code = ctx.authorizations.codes.peek(codeValue);
  if (!code) return fail(req, ctx, codeProblem(ctx, codeValue));
  if (form['redirect_uri'] !== code.request.redirectUri) return fail(req, ctx, ENTRA_ERRORS.redirectUriMismatch());
  const pkce = pkceProblem(code.request, form['code_verifier']);
  if (pkce === 'missing') return fail(req, ctx, ENTRA_ERRORS.missingParameter('code_verifier'));
  if (pkce === 'mismatch') return fail(req, ctx, ENTRA_ERRORS.pkceMismatch());
  ctx.authorizations.codes.take(codeValue);
  const requested = form['scope'] ? parseScopeParam(form['scope']) : code.request.scopes;
  return tokenSuccess(req, ctx, ctx.directory.require(code.upn), requested, code.request.nonce);
}

/**
 * Entra refresh tokens are multi-resource: any scope set the account already consented to can be refreshed;
 * anything more needs an interactive consent first (AADSTS65001, which msal reports as interaction required).
 */
function redeemRefreshToken(ctx: EntraContext, req: SandboxRequest, form: Form): Reply {
  const token = form['refresh_token'];
  if (!token) return fail(req, ctx, ENTRA_ERRORS.missingParameter('refresh_token'));
  const grant = ctx.tokens.findRefresh(token);
  const state = ctx.tokens.stateOf(grant);
  if (!grant || state === 'unknown') return fail(req, ctx, ENTRA_ERRORS.malformedRefreshToken());
  if (state !== 'live') return fail(req, ctx, ENTRA_ERRORS.badRefreshToken());
  const requested = parseScopeParam(form['scope']);
  if (ctx.consent.missing(grant.upn, requested).length > 0) return fail(req, ctx, ENTRA_ERRORS.consentRequired(ctx.app.clientId, ctx.app.displayName));
  return tokenSuccess(req, ctx, ctx.directory.require(grant.upn), requested, null);
}

const GRANT_HANDLERS: Readonly<Record<string, (ctx: EntraContext, req: SandboxRequest, form: Form) => Reply>> = {
  // msal-node 7 sends the short form; the docs (and RFC 8628) use the URN. Entra accepts both.
  device_code: redeemDeviceCode,
  'urn:ietf:params:oauth:grant-type:device_code': redeemDeviceCode,
  authorization_code: redeemAuthorizationCode,
  refresh_token: redeemRefreshToken,
};

/** POST /{tenant}/oauth2/v2.0/token */
export function handleToken(ctx: EntraContext, req: SandboxRequest): Reply {
  const form = req.form ?? {};
  const clientError = checkClient(ctx, form);
  if (clientError) return fail(req, ctx, clientError);
  const grantType = form['grant_type'];
  if (!grantType) return fail(req, ctx, ENTRA_ERRORS.missingParameter('grant_type'));
  const handler = GRANT_HANDLERS[grantType];
  return handler ? handler(ctx, req, form) : fail(req, ctx, ENTRA_ERRORS.unsupportedGrantType(grantType));
}
