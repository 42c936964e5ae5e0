import type { DriveEntry, DriveSource } from '../../shared/model';

/** A file's bytes as the provider sends them: read once, streamed to disk, never held whole in memory. */
export interface DriveDownload {
  /** Bytes announced by the provider (Content-Length); null when it did not say. */
  readonly size: number | null;
  readonly body: ReadableStream<Uint8Array>;
  /** The name to save under: Google Docs arrive exported, with the export's extension. */
  readonly name: string;
}

/**
 * The port the Files screen works through: one per cloud drive (OneDrive, Google Drive, Dropbox) and connection
 * (the room account's, or a person's own for one session). Implementations live in ./providers.
 */
export interface CloudDrive {
  readonly source: DriveSource;
  /** Every entry of a folder (null = the root), following the provider's paging to the end. */
  list(folderId: string | null): Promise<DriveEntry[]>;
  search(text: string): Promise<DriveEntry[]>;
  /** The most recently changed files. */
  recent(): Promise<DriveEntry[]>;
  download(entry: DriveEntry): Promise<DriveDownload>;
  /** Replaces the file's content with the bytes at `path` (streamed), e.g. after it was edited. */
  upload(entry: DriveEntry, path: string, size: number): Promise<void>;
  /** A small JPEG/PNG preview of an image, for the browse tiles; null when the drive has none for it. */
  thumbnail(entry: DriveEntry): Promise<DriveDownload | null>;
  /** A link to mail instead of a file too big to attach; null when this drive cannot give one. */
  shareLink(entry: DriveEntry): Promise<string | null>;
}

/** A provider answered with an error; `status` is the HTTP status. */
export class DriveHttpError extends Error {
  override name = 'DriveHttpError';
  constructor(
    readonly source: DriveSource,
    readonly status: number,
    what: string,
    detail: string,
  ) {
    super(`${source}: ${what} failed (HTTP ${status})${detail ? `: ${detail}` : ''}`);
  }
}

const IMAGE = /\.(jpe?g|png|gif|webp|bmp)$/i;
const OFFICE = /\.(docx?|xlsx?|pptx?|odt|ods|odp)$/i;

/** What the viewer or editor does with a file, from its name or MIME type. */
export function entryTypeOf(name: string, mimeType: string | null): DriveEntry['type'] {
  if (IMAGE.test(name) || mimeType?.startsWith('image/')) return 'image';
  if (/\.pdf$/i.test(name) || mimeType === 'application/pdf') return 'pdf';
  if (OFFICE.test(name) || mimeType?.startsWith('application/vnd.google-apps.') || mimeType?.includes('officedocument')) return 'document';
  return 'other';
}
