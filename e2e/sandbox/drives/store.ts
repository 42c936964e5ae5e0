import { Readable } from 'node:stream';
import type { Reply, SandboxRequest } from '../core/http';
import type { Clock } from '../core/clock';
import { bufferContent } from '../dropbox/content/file-content';
import { cutAfter, DropboxFaults, type DownloadFaultSpec } from '../dropbox/faults';
import { streamedReply } from '../dropbox/streaming';
import { jpegOf, roomFiles, seededDrive } from '../dropbox/seed';
import type { DropboxDrive, DriveNode, FileNode } from '../dropbox/tree';

/**
 * The file trees of the OneDrive and Google Drive stand-ins. Both keep their nodes in the Dropbox stand-in's tree
 * (paths, ids, lazily generated content, a change journal) and differ only in how they put them on the wire.
 */
export interface DriveOwner {
  /** The account's address (UPN / Google email), lower-cased. */
  readonly id: string;
}

export type SandboxDrive = DropboxDrive<DriveOwner>;

/** Test-side operations shared by the OneDrive and Google Drive stand-ins (in process). */
export interface DriveControl {
  /** The next matching download is cut (socket destroyed) after `bytes` body bytes. */
  failDownloadAfter(spec: DownloadFaultSpec): { id: string };
  /** Every file and folder of the account's drive, by display path. */
  paths(account: string): string[];
  /** Someone adds a file (tests: paging over many children). */
  addFile(account: string, path: string, text: string): void;
}

export class DriveStore {
  private readonly drives = new Map<string, SandboxDrive>();
  readonly faults = new DropboxFaults();

  constructor(
    private readonly clock: Clock,
    private readonly anchor: Date,
  ) {}

  /** The account's drive, seeded with the room's tree on first use (every account in the tenant has a OneDrive). */
  driveOf(account: string): SandboxDrive {
    const id = account.toLowerCase();
    let drive = this.drives.get(id);
    if (!drive) {
      drive = seededDrive({ id }, this.clock, roomFiles(), this.anchor);
      this.drives.set(id, drive);
    }
    return drive;
  }

  /** The bytes of a file for a download, cut half-way when a download fault matches. */
  openDownload(file: FileNode): Readable {
    const cut = this.faults.takeDownload(file.pathLower);
    const body = file.content.open();
    return cut === null ? body : cutAfter(body, cut);
  }

  control(): DriveControl {
    return {
      failDownloadAfter: (spec) => this.faults.failDownloadAfter(spec),
      paths: (account) => this.driveOf(account).all().map((node: DriveNode) => node.pathDisplay),
      addFile: (account, path, text) => {
        this.driveOf(account).putFile(path, { content: bufferContent(Buffer.from(text, 'utf8')) });
      },
    };
  }
}

/** An image as a streamed reply (the bytes are binary: core's string bodies would mangle them); 404 for none. */
export function imageReply(req: SandboxRequest, image: Buffer | null): Reply {
  if (!image) return { status: 404, headers: {}, body: '' };
  return streamedReply(req, 200, { 'content-type': 'image/jpeg' }, { length: image.length, open: () => Readable.from([image]) });
}

/** A photo's thumbnail: a JPEG fitting a `box`-pixel square; null for files that are not pictures. */
export function thumbnailJpeg(file: FileNode, box: number): Buffer | null {
  const picture = file.picture;
  if (!picture) return null;
  const scale = Math.min(box / picture.width, box / picture.height, 1);
  return jpegOf(picture, Math.max(1, Math.round(picture.width * scale)), Math.max(1, Math.round(picture.height * scale)));
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
  mp4: 'video/mp4',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function mimeTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot < 0 ? undefined : MIME_TYPES[name.slice(dot + 1).toLowerCase()]) ?? 'application/octet-stream';
}
