import { randomUUID } from 'node:crypto';
import { decideConsent } from '../../core/authorization';
import { autoPostPage } from '../../core/html';
import { htmlReply, redirectReply, type Reply, type SandboxRequest } from '../../core/http';
import { isRegisteredRedirectUri, type DirectoryUser } from '../directory';
import { parseScopeParam } from '../scopes';
import type { PendingAuthorization } from './auth-codes';
import type { EntraContext } from './context';
import { ENTRA_ERRORS } from './errors';
import { clientInfo } from './issue';
import { resultPage, signInPage } from './pages';

type ResponseMode = PendingAuthorization['responseMode'];

function responseModeOf(value: string | undefined): ResponseMode | null {
  if (value === undefined || value === 'query') return 'query';
  return value === 'form_post' || value === 'fragment' ? value : null;
}

/** Errors that must NOT go back to the redirect URI (it may be an attacker's): Entra shows them on its own page. */
function errorPage(code: number, message: string): Reply {
  return htmlReply(400, resultPage('Sorry, but we’re having trouble signing you in.', `AADSTS${code}: ${message}`));
}

/** Hands the result back to the app the way it asked: form_post (msal-node), query or fragment. */
function replyToClient(pending: Pick<PendingAuthorization, 'redirectUri' | 'responseMode' | 'state'>, params: Record<string, string>): Reply {
  const fields = pending.state !== null ? { ...params, state: pending.state } : params;
  if (pending.responseMode === 'form_post') return htmlReply(200, autoPostPage(pending.redirectUri, fields));
  const encoded = new URLSearchParams(fields).toString();
  const target = new URL(pending.redirectUri);
  return redirectReply(pending.responseMode === 'fragment' ? `${target.href}#${encoded}` : `${target.origin}${target.pathname}?${encoded}`);
}

function protocolError(pending: Pick<PendingAuthorization, 'redirectUri' | 'responseMode' | 'state'>, error: string, code: number, description: string): Reply {
  return replyToClient(pending, { error, error_description: `AADSTS${code}: ${description}` });
}

function renderSignIn(ctx: EntraContext, req: SandboxRequest, flowId: string, pending: PendingAuthorization, error: string | null): Reply {
  return htmlReply(
    error ? 400 : 200,
    signInPage({
      action: req.path,
      flowId,
      appName: ctx.app.displayName,
      accounts: ctx.directory.users,
      scopes: pending.scopes,
      preselect: pending.loginHint,
      error,
    }),
  );
}

/** GET /{tenant}/oauth2/v2.0/authorize: validate like Entra, then show the sign-in + consent page. */
export function handleAuthorizeStart(ctx: EntraContext, req: SandboxRequest): Reply {
  const q = req.query;
  if (q['client_id'] !== ctx.app.clientId) {
    const err = ENTRA_ERRORS.unknownClient(q['client_id'] ?? '', ctx.tenant.displayName);
    return errorPage(err.code, err.description);
  }
  const redirectUri = q['redirect_uri'] ?? '';
  if (!isRegisteredRedirectUri(ctx.app, redirectUri)) {
    return errorPage(50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${ctx.app.clientId}'.`);
  }
  const responseMode = responseModeOf(q['response_mode']);
  const early = { redirectUri, responseMode: responseMode ?? 'query', state: q['state'] ?? null };
  if (responseMode === null) return protocolError(early, 'invalid_request', 900144, `The response_mode '${q['response_mode'] ?? ''}' is not supported.`);
  if (q['response_type'] !== 'code') return protocolError(early, 'unsupported_response_type', 700054, `response_type '${q['response_type'] ?? ''}' is not enabled for the application.`);
  const method = q['code_challenge_method'] ?? null;
  if (method !== null && method !== 'S256' && method !== 'plain') return protocolError(early, 'invalid_request', 501491, `Invalid code_challenge_method '${method}'.`);
  // The sandbox keeps no browser session, so a silent request can never succeed.
  if (q['prompt'] === 'none') return protocolError(early, 'login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
  const pending: PendingAuthorization = {
    clientId: ctx.app.clientId,
    redirectUri,
    scopes: parseScopeParam(q['scope']),
    state: q['state'] ?? null,
    nonce: q['nonce'] ?? null,
    responseMode,
    codeChallenge: q['code_challenge'] ?? null,
    codeChallengeMethod: method,
    loginHint: q['login_hint'] ?? null,
  };
  return renderSignIn(ctx, req, ctx.authorizations.forms.issue(pending), pending, null);
}

/** POST /{tenant}/oauth2/v2.0/authorize: the Accept / Cancel buttons of the sign-in page. */
export function handleAuthorizeDecision(ctx: EntraContext, req: SandboxRequest): Reply {
  const decision = decideConsent(ctx.authorizations.forms, req.form ?? {}, (key) => ctx.directory.find(key));
  switch (decision.kind) {
    case 'gone':
      return errorPage(90014, 'This sign-in request has expired or was already used. Go back to the app and try again.');
    case 'no-account':
      return renderSignIn(ctx, req, decision.flowId, decision.pending, 'Pick an account to continue.');
    case 'cancel':
      return protocolError(decision.pending, 'access_denied', 65004, 'User declined to consent to access the app.');
    case 'accept':
      return approve(ctx, decision.pending, decision.account);
  }
}

function approve(ctx: EntraContext, pending: PendingAuthorization, user: DirectoryUser): Reply {
  ctx.consent.grant(user.userPrincipalName, pending.scopes);
  const code = ctx.authorizations.codes.issue({ request: pending, upn: user.userPrincipalName });
  return replyToClient(pending, { code, client_info: clientInfo(user, ctx.tenant.id), session_state: randomUUID() });
}
