import { jsonReply, type Reply, type SandboxRequest } from '../../core/http';
import { route, type RouteParams } from '../../core/router';
import type { ServiceDefinition } from '../../core/service';
import { parseScopeParam } from '../scopes';
import { handleAuthorizeDecision, handleAuthorizeStart } from './authorize';
import type { EntraContext } from './context';
import { DEVICE_LOGIN_PATHS, showCodeEntry, submitAccount, submitCode, submitConsent } from './devicelogin';
import { openIdConfiguration } from './discovery';
import { ENTRA_ERRORS, entraErrorReply } from './errors';
import { handleDeviceCode, handleToken } from './token-endpoint';

const TENANT = '(?<tenant>[^/]+)';

/** Entra accepts the tenant by domain, by GUID, or as one of the multi-tenant aliases. */
function knowsTenant(ctx: EntraContext, segment: string): boolean {
  const lower = segment.toLowerCase();
  return lower === ctx.tenant.domain || lower === ctx.tenant.id || lower === 'organizations' || lower === 'common';
}

type TenantHandler = (ctx: EntraContext, req: SandboxRequest, tenant: string) => Reply;

function tenantRoute(ctx: EntraContext, methods: string, suffix: string, handler: TenantHandler) {
  return route(methods, new RegExp(`^/${TENANT}${suffix}$`), (req: SandboxRequest, params: RouteParams) => {
    const tenant = params['tenant'] ?? '';
    return knowsTenant(ctx, tenant) ? handler(ctx, req, tenant) : entraErrorReply(req, ctx.clock, ENTRA_ERRORS.unknownTenant(tenant));
  });
}

function isOAuthPath(path: string): boolean {
  return /\/oauth2\/v2\.0\/(authorize|devicecode|token)$/.test(path);
}

export function createEntraService(ctx: EntraContext): ServiceDefinition<'entra'> {
  return {
    name: 'entra',
    routes: [
      tenantRoute(ctx, 'GET', '/v2\\.0/\\.well-known/openid-configuration', (c, req, tenant) => openIdConfiguration(c, req, tenant)),
      tenantRoute(ctx, 'GET', '/discovery/v2\\.0/keys', () => jsonReply(200, { keys: [] })),
      tenantRoute(ctx, 'POST', '/oauth2/v2\\.0/devicecode', (c, req) => handleDeviceCode(c, req)),
      tenantRoute(ctx, 'POST', '/oauth2/v2\\.0/token', (c, req) => handleToken(c, req)),
      tenantRoute(ctx, 'GET', '/oauth2/v2\\.0/authorize', (c, req) => handleAuthorizeStart(c, req)),
      tenantRoute(ctx, 'POST', '/oauth2/v2\\.0/authorize', (c, req) => handleAuthorizeDecision(c, req)),
      route('GET', /^\/devicelogin$/, () => showCodeEntry()),
      route('POST', /^\/devicelogin$/, (req) => submitCode(ctx, req)),
      route('POST', new RegExp(`^${DEVICE_LOGIN_PATHS.account}$`), (req) => submitAccount(ctx, req)),
      route('POST', new RegExp(`^${DEVICE_LOGIN_PATHS.consent}$`), (req) => submitConsent(ctx, req)),
    ],
    describe: (req) => {
      if (!isOAuthPath(req.path)) return { scopes: null, grantType: null };
      const scope = req.path.endsWith('/authorize') ? req.query['scope'] : req.form?.['scope'];
      return { scopes: scope === undefined ? null : parseScopeParam(scope), grantType: req.form?.['grant_type'] ?? null };
    },
    statusFault: (req, status, retryAfter) =>
      entraErrorReply(req, ctx.clock, ENTRA_ERRORS.temporarilyUnavailable(status), retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
    oauthFault: (req, error) => {
      const err = { invalid_grant: ENTRA_ERRORS.badRefreshToken, expired_token: ENTRA_ERRORS.expiredDeviceCode, authorization_declined: ENTRA_ERRORS.authorizationDeclined }[error]();
      return entraErrorReply(req, ctx.clock, err);
    },
    notFound: (req) => jsonReply(404, { error: 'not_found', error_description: `The sandbox's identity platform has no endpoint ${req.path}.` }),
    methodNotAllowed: (req) =>
      entraErrorReply(req, ctx.clock, { error: 'invalid_request', code: 900561, description: `The endpoint only accepts POST, OPTIONS requests. Received a ${req.method} request.`, status: 405 }),
    internalError: (req, error) =>
      entraErrorReply(req, ctx.clock, { error: 'server_error', code: 50000, description: `There was an error issuing a token or an issue with our sign-in service. (${String(error)})`, status: 500 }),
  };
}
