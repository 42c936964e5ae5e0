import type { Clock } from '../core/clock';
import type { Route } from '../core/router';
import type { OAuthClient } from '../oauth2-generic/model';
import { createOAuthProvider, oauthRoutes, type OAuthProvider } from '../oauth2-generic/provider';
import { formatScopes } from '../oauth2-generic/scopes';
import type { IssuedTokens, OAuthError, TokenProblem } from '../oauth2-generic/token-endpoint';
import { DROPBOX_ACCOUNTS } from './accounts';
import { describeDropboxScope, DROPBOX_CONFIGURED_SCOPES, DROPBOX_KNOWN_SCOPES } from './scopes';

export const DROPBOX_AUTHORIZE_PATH = '/oauth2/authorize';
const ACCESS_LIFETIME_S = 14_400;

/** The kiosk's app in the Dropbox App Console ("scoped access", app key + secret; PKCE also allowed). */
export const DROPBOX_APP: OAuthClient = {
  clientId: 'rdk7q2mvx9sbx01',
  clientSecret: 'sbx-dropbox-secret-7c1e9a4f',
  displayName: 'Roomdeck',
  redirectOrigins: ['http://127.0.0.1', 'http://localhost'],
  configuredScopes: DROPBOX_CONFIGURED_SCOPES,
};

function dropboxTokenProblem(problem: TokenProblem): OAuthError {
  switch (problem.kind) {
    case 'client':
      return { status: 400, error: 'invalid_client', description: 'Invalid client_id or client_secret' };
    case 'grant_type':
      return { status: 400, error: 'unsupported_grant_type', description: `"${problem.grantType}" is not a supported grant type` };
    case 'missing':
      return { status: 400, error: 'invalid_request', description: `No "${problem.parameter}" provided` };
    case 'code':
      if (problem.problem === 'verifier') return { status: 400, error: 'invalid_grant', description: 'invalid code verifier' };
      if (problem.problem === 'redirect_uri') return { status: 400, error: 'invalid_grant', description: 'redirect_uri mismatch' };
      return { status: 400, error: 'invalid_grant', description: "code doesn't exist or has expired" };
    case 'refresh':
      return { status: 400, error: 'invalid_grant', description: 'refresh token is invalid or revoked' };
  }
}

/** token_access_type: `offline` adds a refresh token; `online` (the default) and `legacy` do not. */
function offlineAccess(query: Readonly<Record<string, string>>): boolean | { readonly error: string } {
  const type = query['token_access_type'];
  if (type === undefined || type === 'online' || type === 'legacy') return false;
  return type === 'offline' ? true : { error: `Invalid token_access_type: "${type}"` };
}

function successBody(issued: IssuedTokens): Record<string, unknown> {
  const base = { access_token: issued.access.token, expires_in: ACCESS_LIFETIME_S, token_type: 'bearer' };
  // A refresh answers with a new access token only: the refresh token stays the same and is not repeated.
  if (issued.grantType === 'refresh_token') return base;
  const account = DROPBOX_ACCOUNTS.find((candidate) => candidate.id === issued.grant.account.id);
  return {
    ...base,
    scope: formatScopes(issued.grant.scopes),
    ...(issued.refresh ? { refresh_token: issued.refresh.token } : {}),
    account_id: issued.grant.account.id,
    uid: account?.uid ?? '',
  };
}

/** Dropbox: short-lived access tokens (4 h), refresh tokens that never expire and never rotate. */
export function createDropboxOAuth(clock: Clock, autoApprove: { readonly account: string } | null): OAuthProvider {
  return createOAuthProvider({
    clock,
    client: DROPBOX_APP,
    accounts: DROPBOX_ACCOUNTS,
    autoApprove,
    policy: { accessLifetimeS: ACCESS_LIFETIME_S, refreshLifetimeS: null, rotateRefreshTokens: false, tokenPrefix: 'sl.sbx-' },
    authorize: {
      providerName: 'Dropbox',
      knownScopes: DROPBOX_KNOWN_SCOPES,
      describeScope: describeDropboxScope,
      requireScope: false,
      offlineAccess,
      deniedDescription: 'The user chose not to give your app access to their Dropbox account.',
    },
    token: {
      clientAuth: 'basic-form-or-pkce',
      problem: dropboxTokenProblem,
      errorBody: (error) => ({ error: error.error, error_description: error.description }),
      successBody,
    },
  });
}

export function dropboxOAuthRoutes(oauth: OAuthProvider): Route[] {
  return oauthRoutes(oauth, { authorize: DROPBOX_AUTHORIZE_PATH, token: '/oauth2/token' });
}
