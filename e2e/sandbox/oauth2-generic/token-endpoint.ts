import type { OAuthFaultError } from '../core/faults';
import { headerValue, jsonReply, type Reply, type SandboxRequest } from '../core/http';
import { redeem, type CodeProblem, type OAuthAuthorizations } from './authorizations';
import type { GrantStore, TokenPair } from './grants';
import type { Grant, OAuthClient, TokenState } from './model';

/** How the client proves itself: Zoom wants HTTP Basic, Webex form fields, Dropbox either (or nothing with PKCE). */
export type ClientAuthStyle = 'basic' | 'form' | 'basic-form-or-pkce';

/** Everything that can go wrong at the token endpoint, before a provider words it. */
export type TokenProblem =
  | { readonly kind: 'client' }
  | { readonly kind: 'grant_type'; readonly grantType: string }
  | { readonly kind: 'missing'; readonly parameter: string }
  | { readonly kind: 'code'; readonly problem: CodeProblem }
  | { readonly kind: 'refresh'; readonly state: Exclude<TokenState, 'live'> | 'client' };

export interface OAuthError {
  readonly status: number;
  readonly error: string;
  readonly description: string;
}

export interface IssuedTokens extends TokenPair {
  readonly grant: Grant;
  readonly grantType: 'authorization_code' | 'refresh_token';
}

export interface TokenDialect {
  readonly client: OAuthClient;
  readonly clientAuth: ClientAuthStyle;
  /** The provider's words (status, error, description) for a problem. */
  readonly problem: (problem: TokenProblem) => OAuthError;
  /** The provider's body for an error. */
  readonly errorBody: (error: OAuthError) => Record<string, unknown>;
  /** The provider's success body. */
  readonly successBody: (issued: IssuedTokens, req: SandboxRequest) => Record<string, unknown>;
}

export interface TokenContext {
  readonly dialect: TokenDialect;
  readonly authorizations: OAuthAuthorizations;
  readonly grants: GrantStore;
}

interface ClientIdentity {
  readonly clientId: string;
  /** The secret was presented and matched. */
  readonly authenticated: boolean;
}

type Form = Readonly<Record<string, string>>;

function basicCredentials(req: SandboxRequest): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(headerValue(req, 'authorization') ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: formDecoded(decoded.slice(0, colon)), secret: formDecoded(decoded.slice(colon + 1)) };
}

/** RFC 6749 §2.3.1 form-encodes id and secret before Base64; most clients skip that, so a bad escape stays as sent. */
function formDecoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function identify(dialect: TokenDialect, req: SandboxRequest, form: Form): ClientIdentity | null {
  const { client, clientAuth } = dialect;
  const basic = clientAuth === 'form' ? null : basicCredentials(req);
  if (basic) return basic.id === client.clientId && basic.secret === client.clientSecret ? { clientId: basic.id, authenticated: true } : null;
  if (clientAuth === 'basic' || form['client_id'] !== client.clientId) return null;
  if (form['client_secret'] !== undefined) return form['client_secret'] === client.clientSecret ? { clientId: client.clientId, authenticated: true } : null;
  return clientAuth === 'basic-form-or-pkce' ? { clientId: client.clientId, authenticated: false } : null;
}

function fail(dialect: TokenDialect, problem: TokenProblem): Reply {
  const error = dialect.problem(problem);
  return jsonReply(error.status, dialect.errorBody(error), { 'cache-control': 'no-store' });
}

function succeed(ctx: TokenContext, req: SandboxRequest, issued: IssuedTokens): Reply {
  return jsonReply(200, ctx.dialect.successBody(issued, req), { 'cache-control': 'no-store', pragma: 'no-cache' });
}

function redeemCode(ctx: TokenContext, req: SandboxRequest, form: Form, client: ClientIdentity): Reply {
  const code = form['code'];
  if (!code) return fail(ctx.dialect, { kind: 'missing', parameter: 'code' });
  const redeemed = redeem(ctx.authorizations.codes, code, { clientId: client.clientId, redirectUri: form['redirect_uri'], verifier: form['code_verifier'] });
  if (typeof redeemed === 'string') return fail(ctx.dialect, { kind: 'code', problem: redeemed });
  // A public client (no secret) must have proven itself with PKCE.
  if (!client.authenticated && redeemed.request.codeChallenge === null) return fail(ctx.dialect, { kind: 'client' });
  const grant = ctx.grants.createGrant(redeemed.account, client.clientId, redeemed.request.scopes);
  return succeed(ctx, req, { grant, grantType: 'authorization_code', ...ctx.grants.issue(grant, redeemed.request.offline) });
}

function refresh(ctx: TokenContext, req: SandboxRequest, form: Form, client: ClientIdentity): Reply {
  const token = form['refresh_token'];
  if (!token) return fail(ctx.dialect, { kind: 'missing', parameter: 'refresh_token' });
  const outcome = ctx.grants.refresh(token, client.clientId);
  if (!outcome.ok) return fail(ctx.dialect, { kind: 'refresh', state: outcome.state });
  return succeed(ctx, req, { grant: outcome.tokens.access.grant, grantType: 'refresh_token', ...outcome.tokens });
}

/** POST {token path}: authorization_code (with PKCE) and refresh_token grants. */
export function handleTokenRequest(ctx: TokenContext, req: SandboxRequest): Reply {
  const form = req.form ?? {};
  const client = identify(ctx.dialect, req, form);
  if (!client) return fail(ctx.dialect, { kind: 'client' });
  const grantType = form['grant_type'] ?? '';
  if (grantType === 'authorization_code') return redeemCode(ctx, req, form, client);
  if (grantType === 'refresh_token') return refresh(ctx, req, form, client);
  return grantType === '' ? fail(ctx.dialect, { kind: 'missing', parameter: 'grant_type' }) : fail(ctx.dialect, { kind: 'grant_type', grantType });
}

/** An injected OAuth fault, worded by the provider (core/faults' `oauth` action). */
export function forcedTokenError(dialect: TokenDialect, error: OAuthFaultError): Reply {
  const problems: Readonly<Record<OAuthFaultError, TokenProblem>> = {
    invalid_grant: { kind: 'refresh', state: 'unknown' },
    expired_token: { kind: 'refresh', state: 'expired' },
    authorization_declined: { kind: 'code', problem: 'unknown' },
  };
  return fail(dialect, problems[error]);
}
