import { randomBytes } from 'node:crypto';
import { emptyReply, jsonReply, type Reply, type SandboxRequest } from '../../core/http';
import { route, type Route, type RouteParams } from '../../core/router';
import { bufferContent } from '../../dropbox/content/file-content';
import { requestBytes, streamedReply } from '../../dropbox/streaming';
import { dropboxInstant, type DriveNode, type FileNode } from '../../dropbox/tree';
import { imageReply, mimeTypeOf, thumbnailJpeg, type DriveStore, type SandboxDrive } from '../../drives/store';
import { hasScope, type Principal } from './auth';
import type { GraphContext } from './context';
import { graphError, graphJson } from './errors';
import { graphRoute, metadata, type Authed } from './routes';

/**
 * OneDrive for Business through Graph (https://learn.microsoft.com/en-us/graph/api/resources/driveitem):
 * children with `$top` paging by `@odata.nextLink`, search(q=…), recent, …/content answering 302 Found to a
 * pre-authenticated URL on another origin (the `onedrive-content` listener, standing in for *.sharepoint.com), and
 * PUT …/content to replace or create a file (simple upload, up to 250 MB).
 */
export interface OneDriveContext extends GraphContext {
  readonly drives: DriveStore;
  /** Origin of the `onedrive-content` listener, where download URLs point. */
  readonly contentOrigin: () => string;
  /** Pre-authenticated URLs: a file's bytes, or (`box`) its thumbnail. */
  readonly downloads: Map<string, { readonly account: string; readonly path: string; readonly expires: number; readonly box?: number }>;
  /** Sharing links made by createLink, by account, item, type and scope. */
  readonly links: Map<string, string>;
}

const READ = ['Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'];
const WRITE = ['Files.ReadWrite', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'];
const DEFAULT_TOP = 200;
const MAX_SIMPLE_UPLOAD = 250 * 1024 * 1024;
/** Pre-authenticated download URLs are short-lived (about an hour). */
const DOWNLOAD_TTL_MS = 3_600_000;
const ITEM = '(?:root|items/(?<item>[^/:]+))';

export const itemIdOf = (node: DriveNode): string => node.id.slice('id:'.length);

function webUrlOf(account: string, node: DriveNode): string {
  const personal = account.replace(/[@.]/g, '_');
  return `https://contoso-my.sharepoint.com/personal/${personal}/Documents${node.pathDisplay.split('/').map(encodeURIComponent).join('/')}`;
}

function downloadUrl(ctx: OneDriveContext, account: string, file: FileNode, box?: number): string {
  const token = randomBytes(18).toString('base64url');
  ctx.downloads.set(token, { account, path: file.pathLower, expires: ctx.clock().getTime() + DOWNLOAD_TTL_MS, ...(box === undefined ? {} : { box }) });
  return `${ctx.contentOrigin()}/personal/${box === undefined ? 'download' : 'thumbnail'}.aspx?tempauth=${token}`;
}

/** Thumbnail sizes Graph names (https://learn.microsoft.com/en-us/graph/api/driveitem-list-thumbnails). */
const THUMBNAIL_BOX: Readonly<Record<string, number>> = { small: 96, medium: 176, large: 800 };

function parentPath(node: DriveNode): string {
  const parent = node.pathDisplay.slice(0, node.pathDisplay.lastIndexOf('/'));
  return `/drive/root:${parent}`;
}

export function driveItemJson(ctx: OneDriveContext, drive: SandboxDrive, node: DriveNode): Record<string, unknown> {
  const account = drive.account.id;
  const parent = drive.lookup(node.pathLower.slice(0, node.pathLower.lastIndexOf('/')));
  const common = {
    id: itemIdOf(node),
    name: node.name,
    webUrl: webUrlOf(account, node),
    parentReference: { driveType: 'business', driveId: `b!${account}`, id: parent ? itemIdOf(parent) : 'root', path: parentPath(node) },
  };
  if (node.kind === 'folder') return { ...common, size: 0, folder: { childCount: drive.below(node.pathLower, false).length } };
  return {
    ...common,
    size: node.content.size,
    eTag: `"{${node.rev}},1"`,
    lastModifiedDateTime: dropboxInstant(node.serverModified),
    file: { mimeType: mimeTypeOf(node.name) },
    ...(node.picture ? { image: { width: node.picture.width, height: node.picture.height } } : {}),
    '@microsoft.graph.downloadUrl': downloadUrl(ctx, account, node),
  };
}

function noItem(ctx: GraphContext, req: SandboxRequest): Reply {
  return graphError(req, ctx.clock, 404, 'itemNotFound', 'The resource could not be found.');
}

function accessDenied(ctx: GraphContext, req: SandboxRequest): Reply {
  return graphError(req, ctx.clock, 403, 'accessDenied', 'Access denied');
}

/** The folder or file a route names: the root (path "") or an item id. */
function itemAt(drive: SandboxDrive, params: RouteParams): { node: DriveNode | null; pathLower: string } | null {
  const id = params['item'];
  if (id === undefined) return { node: null, pathLower: '' };
  const node = drive.lookup(`id:${id}`);
  return node ? { node, pathLower: node.pathLower } : null;
}

/** One page of `nodes` from `$skiptoken` (an offset), with `@odata.nextLink` when more remain. */
function page(ctx: OneDriveContext, req: SandboxRequest, drive: SandboxDrive, nodes: readonly DriveNode[], fragment: string): Reply {
  const top = Math.min(Math.max(Number(req.query['$top'] ?? DEFAULT_TOP) || DEFAULT_TOP, 1), 1000);
  const skip = Number(req.query['$skiptoken'] ?? '0');
  if (!Number.isInteger(skip) || skip < 0) return graphError(req, ctx.clock, 400, 'invalidRequest', "Invalid '$skiptoken'.");
  const slice = nodes.slice(skip, skip + top);
  // Graph writes `$top` and `$skiptoken` with a literal `$` (URLSearchParams would escape it).
  const next = `${req.origin}${req.path}?$top=${top}&$skiptoken=${skip + top}`;
  return graphJson(req, 200, {
    '@odata.context': metadata(req, fragment),
    value: slice.map((node) => driveItemJson(ctx, drive, node)),
    ...(skip + top < nodes.length ? { '@odata.nextLink': next } : {}),
  });
}

type DriveAuthed = (ctx: OneDriveContext, req: SandboxRequest, params: RouteParams, drive: SandboxDrive) => Reply;

/** Checks the scopes the route needs, then hands it the caller's own drive. */
function withDrive(ctx: OneDriveContext, anyOf: readonly string[], handler: DriveAuthed): Authed {
  return (_ctx, req, params, principal: Principal) => (hasScope(principal, anyOf) ? handler(ctx, req, params, ctx.drives.driveOf(principal.user.userPrincipalName)) : accessDenied(ctx, req));
}

const children: DriveAuthed = (ctx, req, params, drive) => {
  const folder = itemAt(drive, params);
  if (!folder) return noItem(ctx, req);
  if (folder.node?.kind === 'file') return graphError(req, ctx.clock, 400, 'invalidRequest', 'The item is not a folder.');
  const nodes = [...drive.below(folder.pathLower, false)].sort((a, b) => a.name.localeCompare(b.name));
  return page(ctx, req, drive, nodes, "users('me')/drive/items");
};

const search: DriveAuthed = (ctx, req, params, drive) => {
  const terms = (params['q'] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const found = drive.all().filter((node) => terms.length > 0 && terms.every((term) => node.name.toLowerCase().includes(term)));
  return page(ctx, req, drive, found, 'Collection(driveItem)');
};

const recent: DriveAuthed = (ctx, req, _params, drive) => {
  const files = drive.all().filter((node): node is FileNode => node.kind === 'file');
  const newest = files.sort((a, b) => b.serverModified.getTime() - a.serverModified.getTime()).slice(0, 10);
  return graphJson(req, 200, { '@odata.context': metadata(req, 'Collection(driveItem)'), value: newest.map((node) => driveItemJson(ctx, drive, node)) });
};

const content: DriveAuthed = (ctx, req, params, drive) => {
  const item = itemAt(drive, params);
  if (item?.node?.kind !== 'file') return noItem(ctx, req);
  return { status: 302, headers: { location: downloadUrl(ctx, drive.account.id, item.node), 'cache-control': 'no-store' }, body: '' };
};

/** …/thumbnails/0/{size}/content: 302 to the image on the download host; pictures only. */
const thumbnailContent: DriveAuthed = (ctx, req, params, drive) => {
  const item = itemAt(drive, params);
  const box = THUMBNAIL_BOX[params['size'] ?? ''];
  if (item?.node?.kind !== 'file' || !item.node.picture || box === undefined) return noItem(ctx, req);
  return { status: 302, headers: { location: downloadUrl(ctx, drive.account.id, item.node, box), 'cache-control': 'no-store' }, body: '' };
};

function storeUpload(ctx: OneDriveContext, req: SandboxRequest, drive: SandboxDrive, path: string): Reply {
  const bytes = requestBytes(req);
  if (bytes.length > MAX_SIMPLE_UPLOAD) return graphError(req, ctx.clock, 413, 'requestTooLarge', 'Simple upload is limited to 250 MB; use an upload session.');
  const existing = drive.lookup(path);
  const file = drive.putFile(path, { content: bufferContent(bytes), picture: existing?.kind === 'file' ? existing.picture : null });
  return graphJson(req, existing ? 200 : 201, driveItemJson(ctx, drive, file));
}

const replaceContent: DriveAuthed = (ctx, req, params, drive) => {
  const item = itemAt(drive, params);
  if (item?.node?.kind !== 'file') return noItem(ctx, req);
  return storeUpload(ctx, req, drive, item.node.pathDisplay);
};

const createContent: DriveAuthed = (ctx, req, params, drive) => {
  const folder = itemAt(drive, params);
  if (!folder || folder.node?.kind === 'file') return noItem(ctx, req);
  const name = params['name'] ?? '';
  if (name === '' || name.includes('/')) return graphError(req, ctx.clock, 400, 'invalidRequest', 'Invalid file name.');
  return storeUpload(ctx, req, drive, `${folder.node?.pathDisplay ?? ''}/${name}`);
};

/** createLink: one link per item, type and scope (asking again answers the same link with 200, a new one 201). */
const createLink: DriveAuthed = (ctx, req, params, drive) => {
  const item = itemAt(drive, params);
  if (!item?.node) return noItem(ctx, req);
  const body = JSON.parse(req.body || '{}') as { type?: unknown; scope?: unknown };
  if (body.type !== 'view' && body.type !== 'edit') return graphError(req, ctx.clock, 400, 'invalidRequest', 'Invalid link type.');
  const scope = body.scope === 'anonymous' || body.scope === 'users' ? body.scope : 'organization';
  const key = `${drive.account.id}|${item.node.pathLower}|${body.type}|${scope}`;
  const existing = ctx.links.get(key);
  const webUrl = existing ?? `https://contoso-my.sharepoint.com/:${item.node.kind === 'folder' ? 'f' : 'b'}:/g/personal/${randomBytes(12).toString('base64url')}`;
  ctx.links.set(key, webUrl);
  return graphJson(req, existing ? 200 : 201, { id: randomBytes(6).toString('hex'), roles: [body.type === 'view' ? 'read' : 'write'], link: { type: body.type, scope, webUrl } });
};

export function driveRoutes(ctx: OneDriveContext): Route[] {
  const on = (suffix: string, anyOf: readonly string[], handler: DriveAuthed, method = 'GET') => graphRoute(ctx, `me/drive/${suffix}`, withDrive(ctx, anyOf, handler), method);
  return [
    on(`${ITEM}/children`, READ, children),
    on(`root/search\\(q='(?<q>[^']*)'\\)`, READ, search),
    on('recent', READ, recent),
    on(`${ITEM}/content`, READ, content),
    on(`items/(?<item>[^/:]+)/thumbnails/0/(?<size>small|medium|large)/content`, READ, thumbnailContent),
    on(`items/(?<item>[^/:]+)/content`, WRITE, replaceContent, 'PUT'),
    on(`${ITEM}:/(?<name>[^/:]+):/content`, WRITE, createContent, 'PUT'),
    on(`items/(?<item>[^/:]+)/createLink`, WRITE, createLink, 'POST'),
  ];
}

/** The pre-authenticated download host: no Authorization header, the URL is the credential. */
export function onedriveContentRoutes(ctx: OneDriveContext): Route[] {
  return [
    route('GET', /^\/personal\/(?:download|thumbnail)\.aspx$/, (req) => {
      const grant = ctx.downloads.get(req.query['tempauth'] ?? '');
      if (!grant || grant.expires < ctx.clock().getTime()) return jsonReply(401, { error: { code: 'unauthenticated', message: 'The download URL has expired.' } });
      const file = ctx.drives.driveOf(grant.account).lookup(grant.path);
      if (file?.kind !== 'file') return emptyReply(404);
      if (grant.box !== undefined) return imageReply(req, thumbnailJpeg(file, grant.box));
      return streamedReply(req, 200, { 'content-type': mimeTypeOf(file.name) }, { length: file.content.size, open: () => ctx.drives.openDownload(file) });
    }),
  ];
}
