import { Readable } from 'node:stream';
import { jsonReply, type Reply } from '../../core/http';
import { route, type Route } from '../../core/router';
import { bufferContent } from '../../dropbox/content/file-content';
import { encodeDocx, encodeXlsx } from '../../dropbox/content/office';
import { encodePdf } from '../../dropbox/content/pdf';
import { requestBytes, streamedReply } from '../../dropbox/streaming';
import type { DriveNode, FileNode } from '../../dropbox/tree';
import { imageReply, mimeTypeOf, thumbnailJpeg, type DriveStore, type SandboxDrive } from '../../drives/store';
import { calendarMethod, googleJson, type CalendarCall } from '../calendar/handler';
import type { CalendarApiContext } from '../calendar/context';
import { CalendarApiError } from '../calendar/model';
import { SCOPES } from '../scopes';

/**
 * Drive API v3 (https://developers.google.com/workspace/drive/api/reference/rest/v3/files): files.list with a `q`
 * of the clauses Roomdeck sends, pageSize/pageToken paging; files.get (metadata, or bytes with alt=media — refused
 * for Docs Editors files); files.export of Docs/Sheets/Slides (10 MB limit); media upload to replace a file.
 */
export interface DriveApiContext {
  readonly calendar: CalendarApiContext;
  readonly drives: DriveStore;
}

const FOLDER = 'application/vnd.google-apps.folder';
export const GOOGLE_NATIVE = {
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  presentation: 'application/vnd.google-apps.presentation',
} as const;
type NativeKind = keyof typeof GOOGLE_NATIVE;

/** Google-native files are kept as their outline; these paths hold no bytes of their own. */
const NATIVE_SEED: readonly { path: string; kind: NativeKind; title: string; lines: readonly string[] }[] = [
  { path: '/Project brief', kind: 'document', title: 'Project brief', lines: ['Goal: every room shows its files in one tap.', 'Owner: Facilities'] },
  { path: '/Reports/Room usage', kind: 'spreadsheet', title: 'Room usage', lines: ['Boardroom 4: 71%', 'Huddle 2: 54%'] },
  { path: '/Kickoff deck', kind: 'presentation', title: 'Kickoff deck', lines: ['Why', 'What', 'When'] },
];

const EXPORTS: Readonly<Record<NativeKind, readonly string[]>> = {
  document: ['application/pdf', mimeTypeOf('x.docx')],
  spreadsheet: ['application/pdf', mimeTypeOf('x.xlsx')],
  presentation: ['application/pdf'],
};
const EXPORT_LIMIT = 10 * 1024 * 1024;
const READ = [SCOPES.drive, SCOPES.driveReadonly, SCOPES.driveFile];
/** Listing every file needs more than drive.file (which sees only files the app opened or created). */
const LIST = [SCOPES.drive, SCOPES.driveReadonly];
const WRITE = [SCOPES.drive, SCOPES.driveFile];
const ROOT_ID = '0AroomDriveRootPVA';
const DEFAULT_PAGE = 100;

const fileId = (node: DriveNode): string => node.id.slice('id:'.length);

function nativeOf(node: DriveNode): (typeof NATIVE_SEED)[number] | null {
  return node.kind === 'file' && node.content.size === 0 ? (NATIVE_SEED.find((n) => n.path.toLowerCase() === node.pathLower) ?? null) : null;
}

/** The store's drive for the caller, with the Docs Editors files added on first use. */
function driveFor(ctx: DriveApiContext, account: string): SandboxDrive {
  const drive = ctx.drives.driveOf(account);
  for (const native of NATIVE_SEED) if (!drive.lookup(native.path)) drive.putFile(native.path, { content: bufferContent(Buffer.alloc(0)) });
  return drive;
}

function mimeOf(drive: SandboxDrive, node: DriveNode): string {
  if (node.kind === 'folder') return FOLDER;
  const native = nativeOf(node);
  return native ? GOOGLE_NATIVE[native.kind] : mimeTypeOf(node.name);
}

function parentIdOf(drive: SandboxDrive, node: DriveNode): string {
  const parent = drive.lookup(node.pathLower.slice(0, node.pathLower.lastIndexOf('/')));
  return parent ? fileId(parent) : ROOT_ID;
}

function webViewLink(drive: SandboxDrive, node: DriveNode): string {
  const native = nativeOf(node);
  if (native) return `https://docs.google.com/${native.kind}/d/${fileId(node)}/edit?usp=drivesdk`;
  return node.kind === 'folder' ? `https://drive.google.com/drive/folders/${fileId(node)}` : `https://drive.google.com/file/d/${fileId(node)}/view?usp=drivesdk`;
}

/** `thumbnailLink` (real ones are short-lived lh3.googleusercontent.com URLs): here a path on this host, `=s<box>`. */
function fileJson(drive: SandboxDrive, node: DriveNode, origin: string): Record<string, unknown> {
  const modified = node.kind === 'file' ? node.serverModified.toISOString() : undefined;
  const binary = node.kind === 'file' && !nativeOf(node);
  return {
    kind: 'drive#file',
    id: fileId(node),
    name: node.name,
    mimeType: mimeOf(drive, node),
    parents: [parentIdOf(drive, node)],
    ...(modified ? { modifiedTime: modified } : {}),
    ...(binary ? { size: String(node.content.size) } : {}),
    webViewLink: webViewLink(drive, node),
    hasThumbnail: node.kind === 'file' && node.picture !== null,
    ...(node.kind === 'file' && node.picture ? { thumbnailLink: `${origin}/drive-thumbnails/${fileId(node)}=s220` } : {}),
  };
}

function fileById(drive: SandboxDrive, id: string): DriveNode {
  const node = drive.lookup(`id:${id}`);
  if (!node) throw new CalendarApiError(404, 'notFound', `File not found: ${id}.`, 'global', { name: 'fileId', type: 'parameter' });
  return node;
}

// ---------------------------------------------------------------- q

interface Query {
  parent: string | null;
  nameContains: string[];
  mimeType: { equal: boolean; value: string } | null;
}

const QUOTED = "'((?:[^'\\\\]|\\\\.)*)'";
const unquote = (text: string): string => text.replace(/\\(.)/g, '$1');

/** Splits on `and` outside quoted strings. */
function clausesOf(q: string): string[] {
  const clauses: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < q.length; i++) {
    const c = q[i] ?? '';
    if (c === '\\' && quoted) {
      current += c + (q[++i] ?? '');
      continue;
    }
    if (c === "'") quoted = !quoted;
    if (!quoted && /^\sand\s/i.test(q.slice(i, i + 5))) {
      clauses.push(current.trim());
      current = '';
      i += 4;
      continue;
    }
    current += c;
  }
  return [...clauses, current.trim()].filter(Boolean);
}

function parseQuery(q: string): Query {
  const query: Query = { parent: null, nameContains: [], mimeType: null };
  for (const clause of clausesOf(q)) {
    const parent = new RegExp(`^${QUOTED}\\s+in\\s+parents$`).exec(clause);
    const contains = new RegExp(`^(?:name|fullText)\\s+contains\\s+${QUOTED}$`).exec(clause);
    const mime = new RegExp(`^mimeType\\s*(!?=)\\s*${QUOTED}$`).exec(clause);
    if (parent) query.parent = unquote(parent[1] ?? '');
    else if (contains) query.nameContains.push(unquote(contains[1] ?? '').toLowerCase());
    else if (mime) query.mimeType = { equal: mime[1] === '=', value: unquote(mime[2] ?? '') };
    else if (!/^trashed\s*=\s*false$/.test(clause)) throw new CalendarApiError(400, 'invalid', 'Invalid Value', 'global', { name: 'q', type: 'parameter' });
  }
  return query;
}

function matches(drive: SandboxDrive, query: Query): DriveNode[] {
  const scope = query.parent === null || query.parent === 'root' || query.parent === ROOT_ID ? '' : fileById(drive, query.parent).pathLower;
  const candidates = query.parent === null ? drive.all() : drive.below(scope, false);
  return candidates.filter(
    (node) =>
      query.nameContains.every((term) => node.name.toLowerCase().includes(term)) &&
      (query.mimeType === null || (mimeOf(drive, node) === query.mimeType.value) === query.mimeType.equal),
  );
}

function ordered(nodes: DriveNode[], orderBy: string | undefined): DriveNode[] {
  if (orderBy === 'modifiedTime desc') {
    const time = (node: DriveNode) => (node.kind === 'file' ? node.serverModified.getTime() : 0);
    return nodes.sort((a, b) => time(b) - time(a));
  }
  // Default (and `folder,name`): folders first, then by name.
  return nodes.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
}

/** Page tokens are opaque to clients: here, the offset and the query they belong to. */
function pageOffset(token: string | undefined, q: string): number {
  if (token === undefined) return 0;
  const [offset, forQuery] = Buffer.from(token, 'base64url').toString('utf8').split('\n');
  const n = Number(offset);
  if (forQuery !== q || !Number.isInteger(n) || n < 0) throw new CalendarApiError(400, 'invalid', 'Invalid Value', 'global', { name: 'pageToken', type: 'parameter' });
  return n;
}

const list = ({ req, principal }: CalendarCall, drives: DriveApiContext): Reply => {
  const drive = driveFor(drives, principal.account.email);
  const q = req.query['q'] ?? '';
  const size = Math.min(Math.max(Number(req.query['pageSize'] ?? DEFAULT_PAGE) || DEFAULT_PAGE, 1), 1000);
  const offset = pageOffset(req.query['pageToken'], q);
  const found = ordered(matches(drive, parseQuery(q)), req.query['orderBy']);
  const next = offset + size < found.length ? Buffer.from(`${offset + size}\n${q}`).toString('base64url') : null;
  return googleJson({ kind: 'drive#fileList', incompleteSearch: false, files: found.slice(offset, offset + size).map((node) => fileJson(drive, node, req.origin)), ...(next ? { nextPageToken: next } : {}) });
};

const get = ({ req, params, principal }: CalendarCall, drives: DriveApiContext): Reply => {
  const drive = driveFor(drives, principal.account.email);
  const node = fileById(drive, params['fileId'] ?? '');
  if (req.query['alt'] !== 'media') return googleJson(fileJson(drive, node, req.origin));
  if (node.kind !== 'file' || nativeOf(node)) {
    throw new CalendarApiError(403, 'fileNotDownloadable', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'global', { name: 'alt', type: 'parameter' });
  }
  const file: FileNode = node;
  return streamedReply(req, 200, { 'content-type': mimeTypeOf(file.name) }, { length: file.content.size, open: () => drives.drives.openDownload(file) });
};

function exported(native: (typeof NATIVE_SEED)[number], mimeType: string): Buffer {
  if (mimeType === 'application/pdf') return encodePdf([{ title: native.title, lines: native.lines }]);
  if (native.kind === 'spreadsheet') return encodeXlsx(native.title, native.lines.map((line) => [line]));
  return encodeDocx([native.title, ...native.lines]);
}

const exportFile = ({ req, params, principal }: CalendarCall, drives: DriveApiContext): Reply => {
  const drive = driveFor(drives, principal.account.email);
  const node = fileById(drive, params['fileId'] ?? '');
  const native = nativeOf(node);
  if (!native) throw new CalendarApiError(403, 'fileNotExportable', 'Export only supports Docs Editors files.');
  const mimeType = req.query['mimeType'] ?? '';
  if (!EXPORTS[native.kind].includes(mimeType)) throw new CalendarApiError(400, 'badRequest', 'The requested conversion is not supported.', 'global', { name: 'mimeType', type: 'parameter' });
  const bytes = exported(native, mimeType);
  if (bytes.length > EXPORT_LIMIT) throw new CalendarApiError(403, 'exportSizeLimitExceeded', 'This file is too large to be exported.');
  return streamedReply(req, 200, { 'content-type': mimeType }, { length: bytes.length, open: () => Readable.from([bytes]) });
};

const upload = ({ req, params, principal }: CalendarCall, drives: DriveApiContext): Reply => {
  if (req.query['uploadType'] !== 'media') throw new CalendarApiError(400, 'badRequest', 'Only uploadType=media is supported here.', 'global', { name: 'uploadType', type: 'parameter' });
  const drive = driveFor(drives, principal.account.email);
  const node = fileById(drive, params['fileId'] ?? '');
  if (node.kind !== 'file' || nativeOf(node)) throw new CalendarApiError(403, 'cannotModifyDocsEditorsContent', 'Docs Editors files are edited in their editor.');
  const saved = drive.putFile(node.pathDisplay, { content: bufferContent(requestBytes(req)), picture: node.picture });
  return jsonReply(200, fileJson(drive, saved, req.origin));
};

const thumbnail = ({ req, params, principal }: CalendarCall, drives: DriveApiContext): Reply => {
  const node = fileById(driveFor(drives, principal.account.email), params['fileId'] ?? '');
  return imageReply(req, node.kind === 'file' ? thumbnailJpeg(node, Number(params['box'])) : null);
};

export function driveRoutes(drives: DriveApiContext): Route[] {
  const method = (anyOf: readonly string[], name: string, handler: (call: CalendarCall, drives: DriveApiContext) => Reply) => calendarMethod(drives.calendar, anyOf, name, (call) => handler(call, drives));
  return [
    route('GET', /^\/drive\/v3\/files$/, method(LIST, 'drive.files.list', list)),
    route('GET', /^\/drive\/v3\/files\/(?<fileId>[^/]+)$/, method(READ, 'drive.files.get', get)),
    route('GET', /^\/drive\/v3\/files\/(?<fileId>[^/]+)\/export$/, method(READ, 'drive.files.export', exportFile)),
    route('PATCH', /^\/upload\/drive\/v3\/files\/(?<fileId>[^/]+)$/, method(WRITE, 'drive.files.update', upload)),
    route('GET', /^\/drive-thumbnails\/(?<fileId>[^/=]+)=s(?<box>\d{2,4})$/, method(READ, 'drive.thumbnail', thumbnail)),
  ];
}
