import type { Route } from '../../core/router';
import type { ServiceDefinition } from '../../core/service';
import type { GraphContext } from './context';
import { deltaRoutes } from './delta';
import { graphError, graphStatusFault } from './errors';
import { eventWriteRoutes } from './event-writes';
import { mailRoutes } from './mail-routes';
import { graphRoutes } from './routes';
import { onedriveContentRoutes, type OneDriveContext } from './drive';
import { sendMailRoutes } from './send-mail';
import { userSearchRoutes } from './user-search';

/** Graph answers unknown paths with 400 "Resource not found for the segment", not 404. */
function unknownSegment(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return segments[segments.length - 1] ?? '';
}

/** `extra`: routes of stores that live beside the calendars (OneDrive). */
export function createGraphService(ctx: GraphContext, extra: readonly Route[] = []): ServiceDefinition<'graph'> {
  return {
    name: 'graph',
    routes: [...graphRoutes(ctx), ...deltaRoutes(ctx), ...eventWriteRoutes(ctx), ...mailRoutes(ctx), ...sendMailRoutes(ctx), ...userSearchRoutes(ctx), ...extra],
    describe: () => ({ scopes: null, grantType: null }),
    statusFault: (req, status, retryAfter) => graphStatusFault(req, ctx.clock, status, retryAfter),
    notFound: (req) => {
      const version = req.path.split('/')[1] ?? '';
      return /^(v1\.0|beta)$/i.test(version)
        ? graphError(req, ctx.clock, 400, 'BadRequest', `Resource not found for the segment '${unknownSegment(req.path)}'.`)
        : graphError(req, ctx.clock, 400, 'BadRequest', `Invalid version: ${version}`);
    },
    methodNotAllowed: (req) => graphError(req, ctx.clock, 405, 'Request_BadRequest', `Specified HTTP method is not allowed for the request target.`),
    internalError: (req, error) => graphError(req, ctx.clock, 500, 'generalException', `An unexpected error occurred in the sandbox: ${String(error)}`),
  };
}

/** The download host: plain HTTP errors, no Graph envelope (it is SharePoint, not Graph). */
export function createOneDriveContentService(ctx: OneDriveContext): ServiceDefinition<'onedrive-content'> {
  const plain = (status: number, text: string) => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
  return {
    name: 'onedrive-content',
    routes: onedriveContentRoutes(ctx),
    describe: () => ({ scopes: null, grantType: null }),
    statusFault: (_req, status, retryAfter) => ({ ...plain(status, 'Service unavailable'), headers: { 'content-type': 'text/plain; charset=utf-8', ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }) } }),
    notFound: () => plain(404, 'Not Found'),
    methodNotAllowed: () => plain(405, 'Method Not Allowed'),
    internalError: (_req, error) => plain(500, `Internal error (${String(error)})`),
  };
}
