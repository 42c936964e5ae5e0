import type { Clock } from '../core/clock';
import type { SandboxRequest } from '../core/http';
import { route, type Route } from '../core/router';
import { oauthAuthorizations } from './authorizations';
import { decideAuthorization, startAuthorization, type AuthorizeContext, type AuthorizeDialect } from './authorize';
import { createOAuthControl, type OAuthControl } from './control';
import { GrantStore } from './grants';
import { sameAccount, type OAuthAccount, type OAuthClient, type TokenPolicy } from './model';
import { parseScopes } from './scopes';
import { handleTokenRequest, type TokenContext, type TokenDialect } from './token-endpoint';

/** One provider's OAuth server, parametrised by its quirks. */
export interface OAuthProviderConfig {
  readonly clock: Clock;
  readonly client: OAuthClient;
  /** Who can sign in; the first is the room account used by demo auto-approval. */
  readonly accounts: readonly OAuthAccount[];
  readonly policy: TokenPolicy;
  readonly authorize: Omit<AuthorizeDialect, 'client' | 'accounts'>;
  readonly token: Omit<TokenDialect, 'client'>;
  /** Demo: accept every authorize request at once, as this account if the provider has it, else as its room account. */
  readonly autoApprove: { readonly account: string } | null;
}

export interface OAuthProvider {
  readonly client: OAuthClient;
  readonly accounts: readonly OAuthAccount[];
  readonly grants: GrantStore;
  readonly authorize: AuthorizeContext;
  readonly token: TokenContext;
  readonly control: OAuthControl;
}

function autoApproveAccount(config: OAuthProviderConfig): OAuthAccount | null {
  if (!config.autoApprove) return null;
  const { account } = config.autoApprove;
  return config.accounts.find((candidate) => sameAccount(candidate, account)) ?? config.accounts[0] ?? null;
}

export function createOAuthProvider(config: OAuthProviderConfig): OAuthProvider {
  const grants = new GrantStore(config.clock, config.policy);
  const authorizations = oauthAuthorizations(config.clock);
  return {
    client: config.client,
    accounts: config.accounts,
    grants,
    authorize: {
      dialect: { ...config.authorize, client: config.client, accounts: config.accounts },
      authorizations,
      autoApprove: autoApproveAccount(config),
    },
    token: { dialect: { ...config.token, client: config.client }, authorizations, grants },
    control: createOAuthControl(grants, config.accounts),
  };
}

/** ServiceDefinition.describe for a host with OAuth endpoints: the scopes an authorize request asked for, the grant type. */
export function describeOAuthRequest(authorizePath: string): (req: SandboxRequest) => { scopes: readonly string[] | null; grantType: string | null } {
  return (req) => {
    const scope = req.path === authorizePath && req.method === 'GET' ? req.query['scope'] : req.form?.['scope'];
    return { scopes: scope === undefined ? null : parseScopes(scope), grantType: req.form?.['grant_type'] ?? null };
  };
}

/** Where a provider serves its authorize page (GET shows it, POST takes Accept / Cancel) and its token endpoint. */
export interface OAuthPaths {
  readonly authorize: string;
  readonly token: string;
}

export function oauthRoutes(oauth: OAuthProvider, paths: OAuthPaths): Route[] {
  const authorize = new RegExp(`^${paths.authorize}$`);
  return [
    route('GET', authorize, (req) => startAuthorization(oauth.authorize, req)),
    route('POST', authorize, (req) => decideAuthorization(oauth.authorize, req)),
    route('POST', new RegExp(`^${paths.token}$`), (req) => handleTokenRequest(oauth.token, req)),
  ];
}
