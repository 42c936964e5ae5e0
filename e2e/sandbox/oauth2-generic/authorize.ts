import { decideConsent } from '../core/authorization';
import { htmlReply, redirectReply, type Reply, type SandboxRequest } from '../core/http';
import type { PkceMethod } from '../core/pkce';
import type { OAuthAuthorizations, PendingAuthorization } from './authorizations';
import { consentPage, errorPage } from './consent-page';
import { sameAccount, type OAuthAccount, type OAuthClient } from './model';
import { parseScopes } from './scopes';

/** What differs per provider on the authorize endpoint. */
export interface AuthorizeDialect {
  readonly providerName: string;
  readonly client: OAuthClient;
  readonly accounts: readonly OAuthAccount[];
  readonly knownScopes: readonly string[];
  readonly describeScope: (scope: string) => string;
  /** Webex refuses a request without scopes; Zoom and Dropbox grant the app's configured scopes. */
  readonly requireScope: boolean;
  /** Whether this request may get a refresh token, or why the request is bad (Dropbox's token_access_type). */
  readonly offlineAccess: (query: Readonly<Record<string, string>>) => boolean | { readonly error: string };
  /** error_description sent with error=access_denied when the person presses Cancel. */
  readonly deniedDescription: string;
}

export interface AuthorizeContext {
  readonly dialect: AuthorizeDialect;
  readonly authorizations: OAuthAuthorizations;
  /** Demo mode: every authorize request is accepted at once as this account. */
  readonly autoApprove: OAuthAccount | null;
}

type ClientRedirect = Pick<PendingAuthorization, 'redirectUri' | 'state'>;

/** Loopback only: scheme and host must match a registered origin; any port and path are fine. */
export function isLoopbackRedirect(client: OAuthClient, redirectUri: string): boolean {
  if (!URL.canParse(redirectUri)) return false;
  const url = new URL(redirectUri);
  return client.redirectOrigins.some((origin) => {
    const registered = new URL(origin);
    return url.protocol === registered.protocol && url.hostname === registered.hostname;
  });
}

function redirectToClient(target: ClientRedirect, params: Readonly<Record<string, string>>): Reply {
  const url = new URL(target.redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (target.state !== null) url.searchParams.set('state', target.state);
  return redirectReply(url.href);
}

function protocolError(target: ClientRedirect, error: string, description: string): Reply {
  return redirectToClient(target, { error, error_description: description });
}

function challengeMethodOf(value: string | undefined, challenge: string | undefined): PkceMethod | null | 'bad' {
  if (challenge === undefined) return null;
  if (value === undefined || value === 'plain') return 'plain';
  return value === 'S256' ? 'S256' : 'bad';
}

/** Validates like the providers do; returns the pending request, or the reply that ends the flow. */
function parseRequest(ctx: AuthorizeContext, req: SandboxRequest): PendingAuthorization | Reply {
  const { client, providerName } = ctx.dialect;
  const q = req.query;
  // Bad client or redirect URI: never redirect (the URI may be an attacker's); show the provider's own error page.
  if (q['client_id'] !== client.clientId) return htmlReply(400, errorPage(providerName, `Invalid client_id: ${q['client_id'] ?? '(none)'}`));
  const redirectUri = q['redirect_uri'] ?? '';
  if (!isLoopbackRedirect(client, redirectUri)) return htmlReply(400, errorPage(providerName, `Invalid redirect_uri: ${redirectUri || '(none)'}`));
  const target = { redirectUri, state: q['state'] ?? null };
  if (q['response_type'] !== 'code') return protocolError(target, 'unsupported_response_type', `response_type must be "code", got "${q['response_type'] ?? ''}"`);
  const requested = parseScopes(q['scope']);
  if (requested.length === 0 && ctx.dialect.requireScope) return protocolError(target, 'invalid_scope', 'The requested scope is invalid.');
  const unknown = requested.filter((scope) => !ctx.dialect.knownScopes.includes(scope));
  if (unknown.length > 0) return protocolError(target, 'invalid_scope', `Unknown scope(s): ${unknown.join(' ')}`);
  const method = challengeMethodOf(q['code_challenge_method'], q['code_challenge']);
  if (method === 'bad') return protocolError(target, 'invalid_request', `Unsupported code_challenge_method "${q['code_challenge_method'] ?? ''}"`);
  const offline = ctx.dialect.offlineAccess(q);
  if (typeof offline !== 'boolean') return protocolError(target, 'invalid_request', offline.error);
  return {
    clientId: client.clientId,
    redirectUri,
    scopes: requested.length > 0 ? requested : client.configuredScopes,
    state: target.state,
    codeChallenge: q['code_challenge'] ?? null,
    codeChallengeMethod: method,
    offline,
  };
}

function renderConsent(ctx: AuthorizeContext, req: SandboxRequest, flowId: string, pending: PendingAuthorization, error: string | null): Reply {
  const { dialect } = ctx;
  return htmlReply(
    error ? 400 : 200,
    consentPage({
      providerName: dialect.providerName,
      appName: dialect.client.displayName,
      action: req.path,
      flowId,
      accounts: dialect.accounts,
      scopes: pending.scopes,
      describeScope: dialect.describeScope,
      error,
    }),
  );
}

function approve(ctx: AuthorizeContext, pending: PendingAuthorization, account: OAuthAccount): Reply {
  return redirectToClient(pending, { code: ctx.authorizations.codes.issue({ request: pending, account }) });
}

/** GET {authorize path}: check the request, then show the consent page (or, in demo mode, approve at once). */
export function startAuthorization(ctx: AuthorizeContext, req: SandboxRequest): Reply {
  const pending = parseRequest(ctx, req);
  if (!('clientId' in pending)) return pending;
  if (ctx.autoApprove) return approve(ctx, pending, ctx.autoApprove);
  return renderConsent(ctx, req, ctx.authorizations.forms.issue(pending), pending, null);
}

/** POST {authorize path}: the Accept / Cancel buttons. */
export function decideAuthorization(ctx: AuthorizeContext, req: SandboxRequest): Reply {
  const decision = decideConsent(ctx.authorizations.forms, req.form ?? {}, (key) => ctx.dialect.accounts.find((candidate) => sameAccount(candidate, key)));
  switch (decision.kind) {
    case 'gone':
      return htmlReply(400, errorPage(ctx.dialect.providerName, 'This authorization request has expired or was already used.'));
    case 'no-account':
      return renderConsent(ctx, req, decision.flowId, decision.pending, 'Pick an account to continue.');
    case 'cancel':
      return protocolError(decision.pending, 'access_denied', ctx.dialect.deniedDescription);
    case 'accept':
      return approve(ctx, decision.pending, decision.account);
  }
}
