import type { Clock } from '../core/clock';
import { stableHex, stableLetters } from '../core/ids';
import type { DropboxAccount } from './accounts';
import type { Rgb } from './content/png';
import type { FileContent } from './content/file-content';
import { tag, type Tagged } from './errors';

/** How to redraw a generated image at any size (for thumbnails). */
export interface Picture {
  readonly width: number;
  readonly height: number;
  /** Colour of the 8×8 block at (bx, by) of the full-size image. */
  readonly block: (bx: number, by: number) => Rgb;
}

interface NodeBase {
  readonly id: string;
  readonly name: string;
  readonly pathLower: string;
  readonly pathDisplay: string;
  /** Journal sequence number of the change that made the node what it is now. */
  seq: number;
}

export interface FolderNode extends NodeBase {
  readonly kind: 'folder';
}

export interface FileNode extends NodeBase {
  readonly kind: 'file';
  rev: string;
  clientModified: Date;
  serverModified: Date;
  content: FileContent;
  picture: Picture | null;
}

export type DriveNode = FolderNode | FileNode;

export interface Change {
  readonly seq: number;
  readonly pathLower: string;
  readonly pathDisplay: string;
  readonly name: string;
  readonly deleted: boolean;
}

export interface FileWrite {
  readonly content: FileContent;
  readonly clientModified?: Date;
  readonly serverModified?: Date;
  readonly picture?: Picture | null;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

export function parentOf(pathLower: string): string {
  return pathLower.slice(0, Math.max(0, pathLower.lastIndexOf('/')));
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `scope` itself excluded, directly in it, or (recursive) anywhere below it. */
export function isWithin(pathLower: string, scopeLower: string, recursive: boolean): boolean {
  if (!pathLower.startsWith(`${scopeLower}/`)) return false;
  return recursive || parentOf(pathLower) === scopeLower;
}

/**
 * One account's Dropbox: nodes by lower-cased path, plus a change journal for list_folder/continue. The OneDrive and
 * Google Drive stand-ins keep their trees in it too (only the account's id is read here).
 */
export class DropboxDrive<A extends { readonly id: string } = DropboxAccount> {
  private readonly nodes = new Map<string, DriveNode>();
  private readonly journal: Change[] = [];
  private sequence = 0;
  private revisions = 0;
  /** Bumped by resetCursors(): every cursor issued before answers 409 reset. */
  generation = 0;

  constructor(
    readonly account: A,
    private readonly clock: Clock,
  ) {}

  get seq(): number {
    return this.sequence;
  }

  /** Root is "", otherwise "/a/b"; ids ("id:…") resolve to the node's path. Null: no such node. */
  lookup(path: string): DriveNode | null {
    if (path.startsWith('id:')) return [...this.nodes.values()].find((node) => node.id === path) ?? null;
    return this.nodes.get(path.toLowerCase()) ?? null;
  }

  addFolder(pathDisplay: string): FolderNode {
    const existing = this.nodes.get(pathDisplay.toLowerCase());
    if (existing?.kind === 'folder') return existing;
    this.ensureParents(pathDisplay);
    const folder: FolderNode = { kind: 'folder', ...this.identity(pathDisplay), seq: this.record(pathDisplay, false) };
    this.nodes.set(folder.pathLower, folder);
    return folder;
  }

  /** Creates or replaces a file (a new rev each time), creating missing parent folders. */
  putFile(pathDisplay: string, write: FileWrite): FileNode {
    this.ensureParents(pathDisplay);
    const now = this.clock();
    const existing = this.nodes.get(pathDisplay.toLowerCase());
    const file: FileNode = {
      kind: 'file',
      ...(existing ? { id: existing.id, name: existing.name, pathLower: existing.pathLower, pathDisplay: existing.pathDisplay } : this.identity(pathDisplay)),
      seq: this.record(existing?.pathDisplay ?? pathDisplay, false),
      rev: `0${stableHex(`${this.account.id}:${pathDisplay}:${++this.revisions}`, 14)}`,
      clientModified: write.clientModified ?? now,
      serverModified: write.serverModified ?? now,
      content: write.content,
      picture: write.picture ?? null,
    };
    this.nodes.set(file.pathLower, file);
    return file;
  }

  delete(path: string): boolean {
    const node = this.lookup(path);
    if (!node) return false;
    for (const child of this.below(node.pathLower, true)) this.nodes.delete(child.pathLower);
    this.nodes.delete(node.pathLower);
    this.record(node.pathDisplay, true);
    return true;
  }

  /** Children (or all descendants) of a folder ("" = root), in path order. */
  below(folderLower: string, recursive: boolean): DriveNode[] {
    return [...this.nodes.values()].filter((node) => isWithin(node.pathLower, folderLower, recursive)).sort((a, b) => a.pathLower.localeCompare(b.pathLower));
  }

  all(): DriveNode[] {
    return this.below('', true);
  }

  /** Latest change per path after `since`, inside the listed folder. */
  changesSince(since: number, folderLower: string, recursive: boolean): Change[] {
    const latest = new Map<string, Change>();
    for (const change of this.journal) if (change.seq > since && isWithin(change.pathLower, folderLower, recursive)) latest.set(change.pathLower, change);
    return [...latest.values()].sort((a, b) => a.seq - b.seq);
  }

  private identity(pathDisplay: string): Pick<DriveNode, 'id' | 'name' | 'pathLower' | 'pathDisplay'> {
    return { id: `id:${stableLetters(`${this.account.id}:${pathDisplay.toLowerCase()}`, 22, ID_ALPHABET)}`, name: nameOf(pathDisplay), pathLower: pathDisplay.toLowerCase(), pathDisplay };
  }

  private ensureParents(pathDisplay: string): void {
    const parent = pathDisplay.slice(0, Math.max(0, pathDisplay.lastIndexOf('/')));
    if (parent !== '' && !this.nodes.has(parent.toLowerCase())) this.addFolder(parent);
  }

  private record(pathDisplay: string, deleted: boolean): number {
    const change: Change = { seq: ++this.sequence, pathLower: pathDisplay.toLowerCase(), pathDisplay, name: nameOf(pathDisplay), deleted };
    this.journal.push(change);
    return change.seq;
  }
}

/** Dropbox writes instants to the second with a Z. */
export function dropboxInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function metadataJson(node: DriveNode): Tagged {
  const common = { name: node.name, path_lower: node.pathLower, path_display: node.pathDisplay, id: node.id };
  if (node.kind === 'folder') return tag('folder', common);
  return tag('file', {
    ...common,
    client_modified: dropboxInstant(node.clientModified),
    server_modified: dropboxInstant(node.serverModified),
    rev: node.rev,
    size: node.content.size,
    is_downloadable: true,
    content_hash: node.content.contentHash(),
  });
}

export function deletedJson(change: Change): Tagged {
  return tag('deleted', { name: change.name, path_lower: change.pathLower, path_display: change.pathDisplay });
}
