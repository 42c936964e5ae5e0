import type { EventMessageRequest, Message } from '@microsoft/microsoft-graph-types';
import type { Directory } from '../directory';
import { graphId } from './event-factory';

/** Well-known folder names Graph accepts in place of a folder id (the ones the sandbox fills). */
export type WellKnownFolder = 'inbox' | 'deleteditems';
export const WELL_KNOWN_FOLDERS: readonly WellKnownFolder[] = ['inbox', 'deleteditems'];

const FOLDER_NAMES: Readonly<Record<WellKnownFolder, string>> = { inbox: 'Inbox', deleteditems: 'Deleted Items' };

export interface MailFolder {
  readonly id: string;
  readonly wellKnownName: WellKnownFolder;
  readonly displayName: string;
}

/** One MAPI property reachable through `singleValueExtendedProperties` (Binary values are base64, as Graph sends them). */
export interface ExtendedProperty {
  readonly id: string;
  readonly value: string;
}

export interface StoredMessage {
  readonly id: string;
  readonly ownerUpn: string;
  readonly folderId: string;
  /** `#microsoft.graph.message`, `#microsoft.graph.eventMessageRequest`, … */
  readonly odataType: string;
  /** The resource as Exchange keeps it, without id, folder and OData annotations (those are the store's). */
  readonly message: EventMessageRequest;
  readonly extendedProperties: readonly ExtendedProperty[];
  /** The calendar item the Calendar Attendant made of it: the eventMessage's `event` navigation property. */
  readonly eventId: string | null;
}

export interface NewMessage {
  readonly folder: WellKnownFolder;
  readonly odataType: string;
  readonly message: Message | EventMessageRequest;
  readonly extendedProperties?: readonly ExtendedProperty[];
  readonly eventId?: string | null;
  /** Fixed id (the seed's are derived from the meeting, so they are stable across runs). */
  readonly id?: string;
}

function lower(upn: string): string {
  return upn.toLowerCase();
}

/**
 * Mailboxes' messages, in the folders the sandbox knows. Messages are kept as Graph resources; OData shaping
 * ($select, body format, extended properties) happens when they are read.
 */
export class MailStore {
  private readonly byId = new Map<string, StoredMessage>();
  /** owner → accounts with read access to the whole mailbox (Exchange FullAccess, the usual grant on room mailboxes). */
  private readonly readers = new Map<string, Set<string>>();

  constructor(private readonly directory: Directory) {}

  folder(ownerUpn: string, idOrName: string): MailFolder | null {
    const owner = this.directory.require(ownerUpn).userPrincipalName;
    return WELL_KNOWN_FOLDERS.map((name) => this.folderOf(owner, name)).find((folder) => folder.id === idOrName || folder.wellKnownName === idOrName.toLowerCase()) ?? null;
  }

  addMessage(ownerUpn: string, input: NewMessage): StoredMessage {
    const owner = this.directory.require(ownerUpn).userPrincipalName;
    const id = input.id ?? graphId(`message:${owner}:${this.byId.size}:${input.message.internetMessageId ?? ''}`);
    if (this.byId.has(id)) throw new Error(`message id ${id} already exists`);
    const stored: StoredMessage = {
      id,
      ownerUpn: owner,
      folderId: this.folderOf(owner, input.folder).id,
      odataType: input.odataType,
      message: structuredClone(input.message),
      extendedProperties: [...(input.extendedProperties ?? [])],
      eventId: input.eventId ?? null,
    };
    this.byId.set(id, stored);
    return stored;
  }

  /** A mailbox's messages, newest first (Graph's order for /messages when no $orderby is given). */
  messages(ownerUpn: string, folderId?: string): StoredMessage[] {
    const owner = this.directory.require(ownerUpn).userPrincipalName;
    const received = (stored: StoredMessage): string => stored.message.receivedDateTime ?? '';
    return [...this.byId.values()]
      .filter((stored) => stored.ownerUpn === owner && (folderId === undefined || stored.folderId === folderId))
      .sort((a, b) => received(b).localeCompare(received(a)) || a.id.localeCompare(b.id));
  }

  find(ownerUpn: string, id: string): StoredMessage | null {
    const stored = this.byId.get(id);
    return stored && stored.ownerUpn === this.directory.require(ownerUpn).userPrincipalName ? stored : null;
  }

  grantRead(ownerUpn: string, readerUpn: string): void {
    const owner = lower(this.directory.require(ownerUpn).userPrincipalName);
    const reader = lower(this.directory.require(readerUpn).userPrincipalName);
    this.readers.set(owner, new Set([...(this.readers.get(owner) ?? []), reader]));
  }

  canRead(ownerUpn: string, readerUpn: string): boolean {
    return this.readers.get(lower(ownerUpn))?.has(lower(readerUpn)) ?? false;
  }

  private folderOf(owner: string, name: WellKnownFolder): MailFolder {
    return { id: graphId(`mailfolder:${lower(owner)}:${name}`), wellKnownName: name, displayName: FOLDER_NAMES[name] };
  }
}
