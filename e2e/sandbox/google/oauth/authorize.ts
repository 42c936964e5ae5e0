import { decideConsent } from '../../core/authorization';
import { htmlReply, redirectReply, type Reply, type SandboxRequest } from '../../core/http';
import { isLoopbackRedirectUri, type GoogleAccount } from '../directory';
import { isKnownScope, parseScopes } from '../scopes';
import type { AuthorizationRequest } from './authorizations';
import type { GoogleOAuthContext } from './context';
import { authorizationErrorPage, consentPage } from './pages';

export const AUTHORIZE_PATH = '/o/oauth2/v2/auth';

type Query = Readonly<Record<string, string>>;
type Validated = { readonly ok: true; readonly request: AuthorizationRequest } | { readonly ok: false; readonly reply: Reply };

function errorPage(status: number, code: string, detail: string): Validated {
  return { ok: false, reply: htmlReply(status, authorizationErrorPage(status, code, detail)) };
}

function redirectTo(redirectUri: string, params: Record<string, string>): Reply {
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  return redirectReply(target.href);
}

function withState(state: string | null, params: Record<string, string>): Record<string, string> {
  return state === null ? params : { state, ...params };
}

function accessTypeOf(value: string | undefined): AuthorizationRequest['accessType'] | null {
  if (value === undefined || value === 'online') return 'online';
  return value === 'offline' ? 'offline' : null;
}

/** Checks in Google's order; problems with the client or redirect URI are shown on Google's page, never redirected. */
function validate(ctx: GoogleOAuthContext, q: Query): Validated {
  if (q['client_id'] !== ctx.app.clientId) return errorPage(401, 'invalid_client', 'The OAuth client was not found.');
  const redirectUri = q['redirect_uri'] ?? '';
  if (!isLoopbackRedirectUri(redirectUri)) {
    return errorPage(400, 'redirect_uri_mismatch', `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. redirect_uri=${redirectUri}`);
  }
  if (q['response_type'] !== 'code') return errorPage(400, 'invalid_request', `Invalid response_type: ${q['response_type'] ?? '(missing)'}`);
  const scopes = parseScopes(q['scope']);
  if (scopes.length === 0) return errorPage(400, 'invalid_request', 'Missing required parameter: scope');
  const unknown = scopes.filter((scope) => !isKnownScope(scope));
  if (unknown.length > 0) return errorPage(400, 'invalid_scope', `Some requested scopes were invalid. {invalid=[${unknown.join(', ')}]}`);
  const accessType = accessTypeOf(q['access_type']);
  if (!accessType) return errorPage(400, 'invalid_request', `Invalid access_type: ${q['access_type'] ?? ''}`);
  const challenge = q['code_challenge'] ?? null;
  const method = q['code_challenge_method'] ?? 'plain';
  if (method !== 'S256' && method !== 'plain') return errorPage(400, 'invalid_request', `Invalid code_challenge_method: ${method}`);
  if (q['code_challenge_method'] !== undefined && challenge === null) return errorPage(400, 'invalid_request', 'Missing code_challenge.');
  const prompts = (q['prompt'] ?? '').split(/\s+/);
  return {
    ok: true,
    request: {
      clientId: ctx.app.clientId,
      redirectUri,
      scopes,
      state: q['state'] ?? null,
      codeChallenge: challenge,
      codeChallengeMethod: method,
      accessType,
      includeGrantedScopes: q['include_granted_scopes'] === 'true',
      forceConsent: prompts.includes('consent'),
      loginHint: q['login_hint'] ?? null,
    },
  };
}

/**
 * The person allowed access: the grant grows by the requested scopes. Google shows a consent screen (and so
 * hands out a refresh token for offline access) when something new is asked, with prompt=consent, or when the
 * grant has no live refresh token; otherwise the code exchange returns an access token only.
 */
function approve(ctx: GoogleOAuthContext, request: AuthorizationRequest, account: GoogleAccount): Reply {
  const added = ctx.grants.consent(account.email, request.clientId, request.scopes);
  const consentShown = request.forceConsent || added.length > 0 || !ctx.grants.hasLiveRefresh(account.email, request.clientId);
  const scopes = request.includeGrantedScopes ? ctx.grants.granted(account.email, request.clientId) : [...request.scopes];
  const code = ctx.codes.issue({ request, account: account.email, scopes, withRefreshToken: request.accessType === 'offline' && consentShown });
  return redirectTo(
    request.redirectUri,
    withState(request.state, { code, scope: [...scopes].sort().join(' '), authuser: '0', hd: ctx.directory.domain.domain, prompt: consentShown ? 'consent' : 'none' }),
  );
}

function renderConsent(ctx: GoogleOAuthContext, flowId: string, pending: AuthorizationRequest, error: string | null): Reply {
  const grantedByAccount = new Map(ctx.directory.accounts.map((account) => [account.email, ctx.grants.granted(account.email, pending.clientId)]));
  return htmlReply(
    error ? 400 : 200,
    consentPage({
      action: AUTHORIZE_PATH,
      flowId,
      appName: ctx.app.displayName,
      accounts: ctx.directory.accounts,
      preselect: pending.loginHint,
      requested: pending.scopes,
      grantedByAccount,
      includeGrantedScopes: pending.includeGrantedScopes,
      error,
    }),
  );
}

/** GET /o/oauth2/v2/auth */
export function handleAuthorizeStart(ctx: GoogleOAuthContext, req: SandboxRequest): Reply {
  const validated = validate(ctx, req.query);
  if (!validated.ok) return validated.reply;
  const { request } = validated;
  // The sandbox keeps no browser session, so a silent request can never be answered with a code.
  if ((req.query['prompt'] ?? '').split(/\s+/).includes('none')) return redirectTo(request.redirectUri, withState(request.state, { error: 'login_required' }));
  if (ctx.autoApprove) return approve(ctx, request, ctx.directory.require(ctx.autoApprove.account));
  return renderConsent(ctx, ctx.forms.issue(request), request, null);
}

/** POST /o/oauth2/v2/auth: the Accept / Cancel buttons of the consent page. */
export function handleAuthorizeDecision(ctx: GoogleOAuthContext, req: SandboxRequest): Reply {
  const decision = decideConsent(ctx.forms, req.form ?? {}, (key) => ctx.directory.find(key));
  switch (decision.kind) {
    case 'gone':
      return htmlReply(400, authorizationErrorPage(400, 'invalid_request', 'This sign-in request has expired or was already used. Go back to the app and try again.'));
    case 'no-account':
      return renderConsent(ctx, decision.flowId, decision.pending, 'Choose an account to continue.');
    case 'cancel':
      return redirectTo(decision.pending.redirectUri, withState(decision.pending.state, { error: 'access_denied' }));
    case 'accept':
      return approve(ctx, decision.pending, decision.account);
  }
}
