import { jsonReply } from '../core/http';
import type { Route } from '../core/router';
import type { ServiceDefinition } from '../core/service';
import type { ProviderCloudOptions } from '../oauth2-generic/model';
import { describeOAuthRequest } from '../oauth2-generic/provider';
import { forcedTokenError } from '../oauth2-generic/token-endpoint';
import { ROOM_ZOOM } from './accounts';
import { zoomApiRoutes } from './api';
import { createZoomControl, zoomControlRoutes, type ZoomControl } from './control';
import { zoomError, zoomStatusFault } from './errors';
import { seedZoomMeetings, ZoomMeetingStore } from './meetings';
import { createZoomOAuth, ZOOM_APP, ZOOM_AUTHORIZE_PATH, zoomOAuthRoutes } from './oauth';

export type ZoomServiceName = 'zoom' | 'zoom-api';

export interface ZoomCloudOptions extends ProviderCloudOptions {
  /** Origin of the zoom-api listener once it listens; sent as `api_url` in token responses. */
  readonly apiOrigin?: () => string | undefined;
}

export interface ZoomCloud {
  /** `zoom`: zoom.us (OAuth); `zoom-api`: api.zoom.us (REST v2). */
  readonly services: readonly [ServiceDefinition<'zoom'>, ServiceDefinition<'zoom-api'>];
  readonly control: ZoomControl;
  readonly controlRoutes: readonly Route[];
  readonly app: { readonly clientId: string; readonly clientSecret: string };
}

function zoomService<S extends ZoomServiceName>(name: S, routes: readonly Route[]): Omit<ServiceDefinition<S>, 'describe'> {
  return {
    name,
    routes,
    statusFault: (_req, status, retryAfter) => zoomStatusFault(status, retryAfter),
    notFound: (req) => zoomError(404, 404, `No handler found for ${req.method} ${req.path}.`),
    methodNotAllowed: (req) => zoomError(405, 405, `Method ${req.method} not allowed on ${req.path}.`),
    internalError: (_req, error) => zoomError(500, 500, `Internal server error (${String(error)})`),
  };
}

/** Zoom OAuth (zoom.us) and REST API (api.zoom.us), sharing one grant store, seeded around the anchor. */
export function createZoomCloud(options: ZoomCloudOptions): ZoomCloud {
  const oauth = createZoomOAuth({ clock: options.clock, autoApprove: options.autoApprove, apiOrigin: options.apiOrigin ?? (() => undefined) });
  const meetings = new ZoomMeetingStore(options.clock);
  seedZoomMeetings(meetings, ROOM_ZOOM, options.seedAnchor);
  const control = createZoomControl(oauth, meetings);
  const oauthService: ServiceDefinition<'zoom'> = {
    ...zoomService('zoom', zoomOAuthRoutes(oauth)),
    describe: describeOAuthRequest(ZOOM_AUTHORIZE_PATH),
    oauthFault: (_req, error) => forcedTokenError(oauth.token.dialect, error),
    notFound: () => jsonReply(404, { reason: 'Not Found', error: 'invalid_request' }),
  };
  const apiService: ServiceDefinition<'zoom-api'> = {
    ...zoomService('zoom-api', zoomApiRoutes({ clock: options.clock, oauth, meetings })),
    describe: () => ({ scopes: null, grantType: null }),
  };
  return {
    services: [oauthService, apiService],
    control,
    controlRoutes: zoomControlRoutes(control),
    app: { clientId: ZOOM_APP.clientId, clientSecret: ZOOM_APP.clientSecret },
  };
}

export type { ZoomControl } from './control';
