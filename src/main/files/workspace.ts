import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DriveEntry, WorkspaceFile } from '../../shared/model';
import type { Logger } from '../health/logger';
import { entryTypeOf, type CloudDrive } from './cloud-drive';
import { streamToFile, type Progress } from './stream-to-file';

export interface Imported {
  readonly file: WorkspaceFile;
  readonly entry: DriveEntry;
  readonly path: string;
}

const MIME: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** A file's MIME type from its name (for the viewer and for attachments). */
export function mimeTypeOf(name: string): string {
  return MIME[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** Images and PDFs up to this size open in the in-app viewer (they travel to the renderer whole). */
export const VIEWER_LIMIT_BYTES = 25 * 1024 * 1024;

/**
 * The session's workspace folder (`<data>/workspace`): imported files live here, under random names (a file's own
 * name never becomes a path), until the session ends. Whatever is found here at start was left by a crash.
 */
export class SessionWorkspace {
  private readonly imported = new Map<string, Imported>();

  constructor(
    readonly dir: string,
    private readonly log: Logger,
  ) {}

  /** At start: a previous run that crashed mid-session left files here; remove them before anyone sees the room. */
  async recoverAtStart(): Promise<number> {
    const left = await readdir(this.dir).catch(() => [] as string[]);
    await rm(this.dir, { recursive: true, force: true });
    if (left.length > 0) this.log.warn('files.crash-cleanup', { removed: left.length });
    return left.length;
  }

  async importFrom(drive: CloudDrive, entry: DriveEntry, onProgress: Progress): Promise<WorkspaceFile> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const id = randomBytes(8).toString('hex');
    const path = join(this.dir, id);
    const download = await drive.download(entry);
    const size = await streamToFile(download, path, onProgress);
    const file: WorkspaceFile = {
      id,
      name: download.name,
      size,
      type: download.name === entry.name ? entry.type : entryTypeOf(download.name, null),
      source: drive.source,
      editable: entry.type === 'document' && entry.webUrl !== null,
      webUrl: entry.webUrl,
    };
    this.imported.set(id, { file, entry, path });
    this.log.info('files.imported', { source: drive.source, bytes: size });
    return file;
  }

  files(): WorkspaceFile[] {
    return [...this.imported.values()].map((imported) => imported.file);
  }

  get(id: string): Imported | null {
    return this.imported.get(id) ?? null;
  }

  /** The file as a data: URL for the viewer; null when it is not an image/PDF or is too big to show. */
  async dataUrl(id: string): Promise<string | null> {
    const imported = this.imported.get(id);
    if (!imported || (imported.file.type !== 'image' && imported.file.type !== 'pdf')) return null;
    if ((await stat(imported.path)).size > VIEWER_LIMIT_BYTES) return null;
    return `data:${mimeTypeOf(imported.file.name)};base64,${(await readFile(imported.path)).toString('base64')}`;
  }

  /** Deletes every imported file (and anything else in the folder); resolves with the names removed. */
  async clear(): Promise<string[]> {
    const names = this.files().map((file) => file.name);
    this.imported.clear();
    await rm(this.dir, { recursive: true, force: true });
    return names;
  }
}
