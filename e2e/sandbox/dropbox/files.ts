import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { jsonReply, type Reply } from '../core/http';
import { isReply } from '../oauth2-generic/http';
import type { DropboxContext } from './context';
import { decodeCursor, encodeCursor, type CursorState } from './cursor';
import { badInput, endpointError, pathError, tag } from './errors';
import { deletedJson, metadataJson, type DriveNode, type DropboxDrive, type FileNode } from './tree';

/** Paths as Dropbox accepts them: "" is the root, otherwise "/…" without a trailing slash, or "id:…". */
export const pathArg = z.string().max(4096);

export const listFolderArgs = z.object({
  path: pathArg,
  recursive: z.boolean().optional(),
  limit: z.number().int().min(1).max(2000).optional(),
  include_deleted: z.boolean().optional(),
  include_media_info: z.boolean().optional(),
});
export const cursorArgs = z.object({ cursor: z.string().min(1) });
export const pathOnlyArgs = z.object({ path: pathArg });
export const searchArgs = z.object({
  query: z.string().max(1000),
  options: z
    .object({
      path: pathArg.optional(),
      max_results: z.number().int().min(1).max(1000).optional(),
      file_extensions: z.array(z.string()).optional(),
      file_categories: z.array(z.union([z.string(), z.object({ '.tag': z.string() })])).optional(),
      filename_only: z.boolean().optional(),
    })
    .optional(),
});
export const sharedLinkArgs = z.object({ path: pathArg, settings: z.record(z.string(), z.unknown()).optional() });

type Resolved = { readonly node: DriveNode | null; readonly pathLower: string } | Reply;

/** Validates a path argument and looks it up ("" → the root, which has no node). */
export function resolvePath(endpoint: string, drive: DropboxDrive, path: string): Resolved {
  if (path === '') return { node: null, pathLower: '' };
  if (path === '/') return badInput(endpoint, 'request body: path: Specify the root folder as an empty string rather than as "/".');
  if (!path.startsWith('/') && !path.startsWith('id:')) return badInput(endpoint, `request body: path: '${path}' did not match pattern '(/(.|[\\r\\n])*)?|id:.*|(ns:[0-9]+(/.*)?)'`);
  if (path.endsWith('/')) return pathError('malformed_path');
  const node = drive.lookup(path);
  return node ? { node, pathLower: node.pathLower } : pathError('not_found');
}

function folderLower(endpoint: string, drive: DropboxDrive, path: string): string | Reply {
  const resolved = resolvePath(endpoint, drive, path);
  if (isReply(resolved)) return resolved;
  if (resolved.node?.kind === 'file') return pathError('not_folder');
  return resolved.pathLower;
}

function snapshotPage(drive: DropboxDrive, state: CursorState): Reply {
  const after = state.after ?? '';
  const nodes = drive.below(state.path, state.recursive).filter((node) => node.seq <= state.seq && node.pathLower > after);
  const page = nodes.slice(0, state.limit);
  const last = page.at(-1);
  const more = nodes.length > page.length && last !== undefined;
  const next: CursorState = { ...state, after: more ? last.pathLower : null };
  return jsonReply(200, { entries: page.map(metadataJson), cursor: encodeCursor(next), has_more: more });
}

/** After the snapshot: what changed since the cursor's watermark (latest state per path; removed → `deleted`). */
function changesPage(drive: DropboxDrive, state: CursorState): Reply {
  const entries = drive.changesSince(state.seq, state.path, state.recursive).map((change) => {
    const node = change.deleted ? null : drive.lookup(change.pathLower);
    return node ? metadataJson(node) : deletedJson(change);
  });
  return jsonReply(200, { entries, cursor: encodeCursor({ ...state, seq: drive.seq }), has_more: false });
}

export function listFolder(drive: DropboxDrive, args: z.infer<typeof listFolderArgs>): Reply {
  const path = folderLower('files/list_folder', drive, args.path);
  if (typeof path !== 'string') return path;
  const state: CursorState = { account: drive.account.id, path, recursive: args.recursive ?? false, limit: args.limit ?? 2000, generation: drive.generation, seq: drive.seq, after: '' };
  return snapshotPage(drive, state);
}

export function latestCursor(drive: DropboxDrive, args: z.infer<typeof listFolderArgs>): Reply {
  const path = folderLower('files/list_folder/get_latest_cursor', drive, args.path);
  if (typeof path !== 'string') return path;
  const state: CursorState = { account: drive.account.id, path, recursive: args.recursive ?? false, limit: args.limit ?? 2000, generation: drive.generation, seq: drive.seq, after: null };
  return jsonReply(200, { cursor: encodeCursor(state) });
}

/** list_folder/continue: the next snapshot page, then changes; 409 `reset` once the cursor was invalidated. */
export function continueListing(drive: DropboxDrive, cursor: string): Reply {
  const state = decodeCursor(cursor);
  if (!state) return badInput('files/list_folder/continue', 'request body: cursor: Invalid "cursor" parameter.');
  if (state.account !== drive.account.id || state.generation !== drive.generation) return endpointError(tag('reset'));
  return state.after === null ? changesPage(drive, state) : snapshotPage(drive, state);
}

export function getMetadata(drive: DropboxDrive, path: string): Reply {
  const resolved = resolvePath('files/get_metadata', drive, path);
  if (isReply(resolved)) return resolved;
  return resolved.node ? jsonReply(200, metadataJson(resolved.node)) : badInput('files/get_metadata', 'request body: path: The root folder is unsupported.');
}

const CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  image: ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'webp'],
  document: ['doc', 'docx', 'odt', 'rtf', 'txt', 'md', 'pages'],
  pdf: ['pdf'],
  spreadsheet: ['xls', 'xlsx', 'ods', 'csv', 'numbers'],
  presentation: ['ppt', 'pptx', 'odp', 'key'],
  audio: ['mp3', 'wav', 'm4a', 'aac', 'flac'],
  video: ['mp4', 'mov', 'avi', 'mkv', 'webm'],
};

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function inCategories(node: DriveNode, categories: readonly string[]): boolean {
  if (categories.length === 0) return true;
  if (node.kind === 'folder') return categories.includes('folder');
  const extension = extensionOf(node.name);
  return categories.some((category) => (CATEGORIES[category] ?? []).includes(extension) || (category === 'other' && !Object.values(CATEGORIES).flat().includes(extension)));
}

/** search_v2 over file and folder names: every query word must start a word of the name (accents ignored). */
export function search(drive: DropboxDrive, args: z.infer<typeof searchArgs>): Reply {
  const options = args.options ?? {};
  const scope = folderLower('files/search_v2', drive, options.path ?? '');
  if (typeof scope !== 'string') return scope;
  const terms = words(args.query);
  const extensions = (options.file_extensions ?? []).map((extension) => extension.replace(/^\./, '').toLowerCase());
  const categories = (options.file_categories ?? []).map((category) => (typeof category === 'string' ? category : category['.tag']));
  const found = drive.below(scope, true).filter((node) => {
    const nameWords = words(node.name);
    return (
      terms.length > 0 &&
      terms.every((term) => nameWords.some((word) => word.startsWith(term))) &&
      (extensions.length === 0 || (node.kind === 'file' && extensions.includes(extensionOf(node.name)))) &&
      inCategories(node, categories)
    );
  });
  const max = options.max_results ?? 100;
  const matches = found.slice(0, max).map((node) => ({ match_type: tag('filename'), metadata: tag('metadata', { metadata: metadataJson(node) }) }));
  return jsonReply(200, { matches, has_more: found.length > max });
}

function sharedLinkJson(node: DriveNode, url: string): Record<string, unknown> {
  const link = {
    url,
    id: node.id,
    name: node.name,
    path_lower: node.pathLower,
    link_permissions: { can_revoke: true, resolved_visibility: tag('public'), allow_download: true, can_allow_download: true, can_disallow_download: false, allow_comments: true },
  };
  if (node.kind === 'folder') return tag('folder', link);
  const file: FileNode = node;
  return tag('file', { ...link, client_modified: metadataJson(file)['client_modified'], server_modified: metadataJson(file)['server_modified'], rev: file.rev, size: file.content.size });
}

/** sharing/create_shared_link_with_settings: one public link per item; a second call says it already exists. */
export function createSharedLink(ctx: DropboxContext, drive: DropboxDrive, path: string): Reply {
  const resolved = resolvePath('sharing/create_shared_link_with_settings', drive, path);
  if (isReply(resolved)) return resolved;
  if (!resolved.node) return pathError('not_found');
  const key = `${drive.account.id}:${resolved.node.pathLower}`;
  const existing = ctx.sharedLinks.get(key);
  if (existing) return endpointError(tag('shared_link_already_exists', { shared_link_already_exists: tag('metadata', { metadata: sharedLinkJson(resolved.node, existing) }) }));
  const kind = resolved.node.kind === 'folder' ? 'fo' : 'fi';
  const url = `https://www.dropbox.com/scl/${kind}/${randomBytes(11).toString('hex')}/${encodeURIComponent(resolved.node.name)}?rlkey=${randomBytes(13).toString('hex')}&dl=0`;
  ctx.sharedLinks.set(key, url);
  return jsonReply(200, sharedLinkJson(resolved.node, url));
}
