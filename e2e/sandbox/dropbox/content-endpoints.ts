import { Readable } from 'node:stream';
import { z } from 'zod';
import { headerValue, jsonReply, type Reply, type SandboxRequest } from '../core/http';
import { isReply } from '../oauth2-generic/http';
import { headerArgs } from './args';
import { bufferContent, type FileContent } from './content/file-content';
import type { DropboxContext } from './context';
import { badInput, endpointError, pathError, tag } from './errors';
import { cutAfter } from './faults';
import { jpegOf, pngOf } from './seed';
import { headerSafeJson, requestBytes, streamedReply } from './streaming';
import { metadataJson, nameOf, parentOf, type DropboxDrive, type FileNode } from './tree';
import { pathArg, resolvePath } from './files';

const MAX_UPLOAD = 150 * 1024 * 1024;
const UPLOAD_TYPES = ['application/octet-stream', 'text/plain; charset=dropbox-cors-hack'];
const THUMBNAIL_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tiff', 'tif', 'gif', 'webp', 'ppm', 'bmp', 'heic'];
const THUMBNAIL_SIZES = ['w32h32', 'w64h64', 'w128h128', 'w256h256', 'w480h320', 'w640h480', 'w960h640', 'w1024h768', 'w2048h1536'];

const tagged = <T extends string>(values: readonly [T, ...T[]]) => z.union([z.enum(values), z.object({ '.tag': z.enum(values) })]).transform((value) => (typeof value === 'string' ? value : value['.tag']));

const downloadArgs = z.object({ path: pathArg });
const uploadArgs = z.object({
  path: pathArg,
  mode: z
    .union([z.enum(['add', 'overwrite']), z.object({ '.tag': z.enum(['add', 'overwrite']) }), z.object({ '.tag': z.literal('update'), update: z.string() })])
    .optional(),
  autorename: z.boolean().optional(),
  client_modified: z.string().optional(),
  mute: z.boolean().optional(),
  strict_conflict: z.boolean().optional(),
});
const thumbnailArgs = z.object({
  resource: z.object({ '.tag': z.literal('path'), path: pathArg }),
  format: tagged(['jpeg', 'png']).optional(),
  size: tagged(THUMBNAIL_SIZES as [string, ...string[]]).optional(),
  mode: tagged(['strict', 'bestfit', 'fitone_bestfit']).optional(),
});

type UploadArgs = z.infer<typeof uploadArgs>;
type WriteMode = { readonly kind: 'add' | 'overwrite' } | { readonly kind: 'update'; readonly rev: string };

function lookupFile(drive: DropboxDrive, endpoint: string, path: string): FileNode | Reply {
  const resolved = resolvePath(endpoint, drive, path);
  if (isReply(resolved)) return resolved;
  if (!resolved.node) return pathError('not_file');
  return resolved.node.kind === 'file' ? resolved.node : pathError('not_file');
}

/** files/download: bytes in the body (streamed), metadata in the Dropbox-API-Result header. */
export function download(ctx: DropboxContext, drive: DropboxDrive, req: SandboxRequest): Reply {
  const args = headerArgs(req, downloadArgs);
  if (isReply(args)) return args;
  const file = lookupFile(drive, 'files/download', args.path);
  if (isReply(file)) return file;
  const cut = ctx.faults.takeDownload(file.pathLower);
  const headers = { 'content-type': 'application/octet-stream', 'dropbox-api-result': headerSafeJson(metadataJson(file)), etag: `W/"${file.rev}"` };
  return streamedReply(req, 200, headers, {
    length: file.content.size,
    open: () => (cut === null ? file.content.open() : cutAfter(file.content.open(), cut)),
  });
}

function modeOf(args: UploadArgs): WriteMode {
  const mode = args.mode ?? 'add';
  if (typeof mode === 'string') return { kind: mode };
  return mode['.tag'] === 'update' && 'update' in mode ? { kind: 'update', rev: mode.update } : { kind: mode['.tag'] === 'overwrite' ? 'overwrite' : 'add' };
}

function conflict(kind: 'file' | 'folder'): Reply {
  return endpointError(tag('path', { reason: tag('conflict', { conflict: tag(kind) }) }), { upload_session_id: `pid_upload_session:${Date.now().toString(36)}` });
}

/** "name (1).ext", "name (2).ext", …: the first free name in the same folder. */
function autorenamed(drive: DropboxDrive, path: string): string {
  const name = nameOf(path);
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const folder = path.slice(0, path.length - name.length);
  for (let n = 1; ; n++) {
    const candidate = `${folder}${stem} (${n})${extension}`;
    if (!drive.lookup(candidate)) return candidate;
  }
}

function parentIsFile(drive: DropboxDrive, pathLower: string): boolean {
  for (let parent = parentOf(pathLower); parent !== ''; parent = parentOf(parent)) if (drive.lookup(parent)?.kind === 'file') return true;
  return false;
}

/** Where an upload lands: the path, an autorenamed path, or the conflict to report; `unchanged` keeps the file. */
function uploadTarget(drive: DropboxDrive, args: UploadArgs, content: FileContent): { path: string } | { unchanged: FileNode } | Reply {
  const existing = drive.lookup(args.path);
  const mode = modeOf(args);
  const clash = (kind: 'file' | 'folder'): { path: string } | Reply => (args.autorename ? { path: autorenamed(drive, args.path) } : conflict(kind));
  if (parentIsFile(drive, args.path.toLowerCase())) return conflict('file');
  if (!existing) return { path: args.path };
  if (existing.kind === 'folder') return clash('folder');
  // Identical content never conflicts (and makes no new revision).
  if (existing.content.contentHash() === content.contentHash()) return { unchanged: existing };
  if (mode.kind === 'overwrite' || (mode.kind === 'update' && mode.rev === existing.rev)) return { path: existing.pathDisplay };
  return clash('file');
}

/** files/upload: raw bytes in, FileMetadata (JSON body) out; modes add / overwrite / update(rev). Not idempotent for add + autorename. */
export function upload(drive: DropboxDrive, req: SandboxRequest): Reply {
  const contentType = (headerValue(req, 'content-type') ?? '').toLowerCase();
  if (!UPLOAD_TYPES.includes(contentType)) return badInput('files/upload', `Bad HTTP "Content-Type" header: "${contentType}".  Expecting one of "application/octet-stream", "text/plain; charset=dropbox-cors-hack".`);
  const args = headerArgs(req, uploadArgs);
  if (isReply(args)) return args;
  if (!args.path.startsWith('/') || args.path.endsWith('/')) return badInput('files/upload', `HTTP header "Dropbox-API-Arg": path: '${args.path}' did not match pattern '(/(.|[\\r\\n])*)|(ns:[0-9]+(/.*)?)|(id:.*)'`);
  const bytes = requestBytes(req);
  if (bytes.length > MAX_UPLOAD) return badInput('files/upload', 'Request body too large: files over 150 MB need an upload session.');
  const content = bufferContent(bytes);
  const target = uploadTarget(drive, args, content);
  if (isReply(target)) return target;
  if ('unchanged' in target) return jsonReply(200, metadataJson(target.unchanged));
  const clientModified = args.client_modified === undefined ? undefined : new Date(args.client_modified);
  const file = drive.putFile(target.path, { content, clientModified: clientModified && !Number.isNaN(clientModified.getTime()) ? clientModified : undefined });
  return jsonReply(200, metadataJson(file));
}

function thumbnailBox(size: string, file: FileNode): { width: number; height: number } {
  const [, w, h] = /^w(\d+)h(\d+)$/.exec(size) ?? ['', '64', '64'];
  const box = { width: Number(w), height: Number(h) };
  const natural = file.picture ?? box;
  const scale = Math.min(box.width / natural.width, box.height / natural.height, 1);
  return { width: Math.max(1, Math.round(natural.width * scale)), height: Math.max(1, Math.round(natural.height * scale)) };
}

/** files/get_thumbnail_v2: a JPEG/PNG scaled to fit the box (images only), PreviewResult in Dropbox-API-Result. */
export function thumbnail(drive: DropboxDrive, req: SandboxRequest): Reply {
  const args = headerArgs(req, thumbnailArgs);
  if (isReply(args)) return args;
  const file = lookupFile(drive, 'files/get_thumbnail_v2', args.resource.path);
  if (isReply(file)) return file;
  const extension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
  if (!file.name.includes('.') || !THUMBNAIL_EXTENSIONS.includes(extension)) return endpointError(tag('unsupported_extension'));
  const { width, height } = thumbnailBox(args.size ?? 'w64h64', file);
  const picture = file.picture ?? { width, height, block: () => [180, 180, 180] as const };
  const image = args.format === 'png' ? pngOf(picture, width, height) : jpegOf(picture, width, height);
  const headers = { 'content-type': args.format === 'png' ? 'image/png' : 'image/jpeg', 'dropbox-api-result': headerSafeJson({ file_metadata: metadataJson(file) }) };
  return streamedReply(req, 200, headers, { length: image.length, open: () => Readable.from([image]) });
}
