import { jsonReply, type Reply, type SandboxRequest } from '../core/http';
import { route, type Route } from '../core/router';
import type { ServiceDefinition } from '../core/service';
import { authorize, type ApiAuthDeps } from './api-auth';
import { calendarError, calendarStatusFault, platformError, platformStatusFault, UNAUTHENTICATED } from './api-errors';
import type { CalendarApiContext } from './calendar/context';
import { calendarRoutes } from './calendar/routes';
import { profileClaims } from './oauth/issue';
import type { PeopleApiContext } from './people/context';
import { gmailRoutes, type GmailContext } from './gmail/routes';
import { peopleRoutes } from './people/routes';
import { API_SCOPES } from './scopes';

/** GET /oauth2/v3/userinfo: the OpenID claims the token's scopes cover, in the OAuth error style when it has none. */
function userinfo(deps: ApiAuthDeps, req: SandboxRequest): Reply {
  const auth = authorize(deps, req, API_SCOPES.userinfo);
  if (!auth.ok) return jsonReply(401, { error: 'invalid_request', error_description: 'Invalid Credentials' }, UNAUTHENTICATED.headers);
  return jsonReply(200, profileClaims(auth.principal.account, auth.principal.scopes, deps.directory.domain.domain));
}

const NO_DESCRIBE = () => ({ scopes: null, grantType: null });

/** www.googleapis.com: Calendar v3, Gmail's send (also served there, with its /upload twin), Drive v3 (`extra`) and the userinfo endpoint. */
export function createGoogleApisService(ctx: CalendarApiContext & GmailContext, extra: readonly Route[] = []): ServiceDefinition<'google-apis'> {
  const routes: Route[] = [...calendarRoutes(ctx), ...gmailRoutes(ctx), ...extra, route('GET', /^\/oauth2\/v3\/userinfo$/, (req) => userinfo(ctx, req))];
  return {
    name: 'google-apis',
    routes,
    describe: NO_DESCRIBE,
    statusFault: (_req, status, retryAfter) => calendarStatusFault(status, retryAfter),
    notFound: () => calendarError(404, { domain: 'global', reason: 'notFound', message: 'Not Found' }),
    methodNotAllowed: (req) => calendarError(405, { domain: 'global', reason: 'httpMethodNotAllowed', message: `Method ${req.method} not allowed` }),
    internalError: (_req, error) => calendarError(500, { domain: 'global', reason: 'backendError', message: 'Backend Error' }, { topMessage: `Backend Error (${String(error)})` }),
  };
}

/** people.googleapis.com: directory search and other-contacts search. */
export function createGooglePeopleService(ctx: PeopleApiContext): ServiceDefinition<'google-people'> {
  return {
    name: 'google-people',
    routes: peopleRoutes(ctx),
    describe: NO_DESCRIBE,
    statusFault: (_req, status, retryAfter) => platformStatusFault(status, retryAfter),
    notFound: (req) => platformError(404, 'NOT_FOUND', `Method not found: ${req.path}`),
    methodNotAllowed: (req) => platformError(405, 'UNIMPLEMENTED', `Method ${req.method} not allowed on ${req.path}`),
    internalError: (_req, error) => platformError(500, 'INTERNAL', `Internal error encountered. (${String(error)})`),
  };
}
