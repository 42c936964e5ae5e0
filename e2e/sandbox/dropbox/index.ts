import type { SandboxRequest } from '../core/http';
import type { Route } from '../core/router';
import type { NodeHandler, ServiceDefinition } from '../core/service';
import type { ProviderCloudOptions } from '../oauth2-generic/model';
import { describeOAuthRequest } from '../oauth2-generic/provider';
import { forcedTokenError } from '../oauth2-generic/token-endpoint';
import { endpointOf } from './args';
import type { DropboxContext } from './context';
import { createDropboxControl, dropboxControlRoutes, type DropboxControl } from './control';
import { badInput, dropboxStatusFault } from './errors';
import { DropboxFaults } from './faults';
import { createDropboxOAuth, DROPBOX_APP, DROPBOX_AUTHORIZE_PATH, dropboxOAuthRoutes } from './oauth';
import { apiRoutes, contentRoutes } from './routes';
import { seedDrives } from './seed';
import { withBinaryBodies } from './streaming';

export type DropboxServiceName = 'dropbox-api' | 'dropbox-content';

export type DropboxCloudOptions = ProviderCloudOptions;

export interface DropboxCloud {
  /** `dropbox-api`: api.dropboxapi.com (OAuth + RPC); `dropbox-content`: content.dropboxapi.com (download/upload). */
  readonly services: readonly [ServiceDefinition<'dropbox-api'>, ServiceDefinition<'dropbox-content'>];
  readonly control: DropboxControl;
  readonly controlRoutes: readonly Route[];
  readonly app: { readonly clientId: string; readonly clientSecret: string };
  /** Pass every listener's core handler through this: it wraps dropbox-content's (binary bodies, streamed replies; see ./streaming.ts). */
  wrapHandler(name: string, handler: NodeHandler): NodeHandler;
}

const CONTENT_ENDPOINTS = ['files/download', 'files/upload', 'files/get_thumbnail_v2'];

function wrongHost(req: SandboxRequest, expected: 'api' | 'content') {
  const endpoint = endpointOf(req.path);
  const onContent = CONTENT_ENDPOINTS.includes(endpoint);
  if (expected === 'api' && onContent) return badInput(endpoint, 'This endpoint is on the content host; call https://content.dropboxapi.com instead.');
  if (expected === 'content' && !onContent) return badInput(endpoint, 'This endpoint is on the API host; call https://api.dropboxapi.com instead.');
  return badInput(endpoint, 'Unknown API function.');
}

function dropboxService<S extends DropboxServiceName>(name: S, routes: readonly Route[], faults: DropboxFaults): Omit<ServiceDefinition<S>, 'describe'> {
  const host = name === 'dropbox-api' ? 'api' : 'content';
  return {
    name,
    routes,
    statusFault: (_req, status, retryAfter) => dropboxStatusFault(status, retryAfter, faults.takeBareBody()),
    notFound: (req) => wrongHost(req, host),
    methodNotAllowed: (req) => badInput(endpointOf(req.path), `Method ${req.method} not allowed; use POST.`),
    internalError: (_req, error) => ({ status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Internal Server Error (${String(error)})` }),
  };
}

/** Dropbox API v2: OAuth + RPC on the api host, files on the content host; two seeded accounts. */
export function createDropboxCloud(options: DropboxCloudOptions): DropboxCloud {
  const oauth = createDropboxOAuth(options.clock, options.autoApprove);
  const faults = new DropboxFaults();
  const ctx: DropboxContext = { clock: options.clock, oauth, drives: seedDrives(options.clock, options.seedAnchor), faults, sharedLinks: new Map() };
  const control = createDropboxControl(oauth, ctx);
  const api: ServiceDefinition<'dropbox-api'> = {
    ...dropboxService('dropbox-api', [...dropboxOAuthRoutes(oauth), ...apiRoutes(ctx)], faults),
    describe: describeOAuthRequest(DROPBOX_AUTHORIZE_PATH),
    oauthFault: (_req, error) => forcedTokenError(oauth.token.dialect, error),
  };
  const content: ServiceDefinition<'dropbox-content'> = {
    ...dropboxService('dropbox-content', contentRoutes(ctx), faults),
    describe: () => ({ scopes: null, grantType: null }),
  };
  return {
    services: [api, content],
    control,
    controlRoutes: dropboxControlRoutes(control),
    app: { clientId: DROPBOX_APP.clientId, clientSecret: DROPBOX_APP.clientSecret },
    wrapHandler: (name, handler) => (name === 'dropbox-content' ? withBinaryBodies(handler) : handler),
  };
}

export type { DropboxControl } from './control';
export { LARGE_FILE_PATH, LARGE_FILE_SIZE } from './seed';
export { dropboxContentHash } from './content/file-content';
