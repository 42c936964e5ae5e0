import type { Route } from '../core/router';
import type { ServiceDefinition } from '../core/service';
import type { ProviderCloudOptions } from '../oauth2-generic/model';
import { describeOAuthRequest } from '../oauth2-generic/provider';
import { forcedTokenError } from '../oauth2-generic/token-endpoint';
import { ROOM_WEBEX } from './accounts';
import { webexApiRoutes } from './api';
import { createWebexControl, webexControlRoutes, type WebexControl } from './control';
import { webexError, webexStatusFault } from './errors';
import { seedWebexMeetings, WebexMeetingStore } from './meetings';
import { createWebexOAuth, WEBEX_APP, WEBEX_AUTHORIZE_PATH, webexOAuthRoutes } from './oauth';

export type WebexServiceName = 'webex';

export type WebexCloudOptions = ProviderCloudOptions;

export interface WebexCloud {
  /** `webex`: webexapis.com, OAuth and REST on one host. */
  readonly services: readonly [ServiceDefinition<'webex'>];
  readonly control: WebexControl;
  readonly controlRoutes: readonly Route[];
  readonly app: { readonly clientId: string; readonly clientSecret: string };
}

/** Webex Integration OAuth and the Meetings / People APIs on one listener, seeded around the anchor. */
export function createWebexCloud(options: WebexCloudOptions): WebexCloud {
  const oauth = createWebexOAuth(options.clock, options.autoApprove);
  const meetings = new WebexMeetingStore(options.clock);
  seedWebexMeetings(meetings, ROOM_WEBEX, options.seedAnchor);
  const control = createWebexControl(oauth, meetings);
  const service: ServiceDefinition<'webex'> = {
    name: 'webex',
    routes: [...webexOAuthRoutes(oauth), ...webexApiRoutes({ clock: options.clock, oauth, meetings })],
    describe: describeOAuthRequest(WEBEX_AUTHORIZE_PATH),
    statusFault: (_req, status, retryAfter) => webexStatusFault(status, retryAfter),
    oauthFault: (_req, error) => forcedTokenError(oauth.token.dialect, error),
    notFound: (req) => webexError(404, `The requested resource could not be found: ${req.path}`),
    methodNotAllowed: (req) => webexError(405, `Method ${req.method} is not allowed on ${req.path}.`),
    internalError: (_req, error) => webexError(500, `Internal server error (${String(error)})`),
  };
  return {
    services: [service],
    control,
    controlRoutes: webexControlRoutes(control),
    app: { clientId: WEBEX_APP.clientId, clientSecret: WEBEX_APP.clientSecret },
  };
}

export type { WebexControl } from './control';
