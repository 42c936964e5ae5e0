import { z } from 'zod';
import type { DriveEntry } from '../../shared/model';
import { entryTypeOf, type CloudDrive, type DriveDownload } from './cloud-drive';
import { driveBody, driveFetch, driveJson, driveOk, fileBody, type DriveToken } from './drive-http';

/** Metadata (https://www.dropbox.com/developers/documentation/http/documentation#files-list_folder): tagged. */
const MetadataSchema = z.discriminatedUnion('.tag', [
  z
    .object({ '.tag': z.literal('file'), path_display: z.string().startsWith('/'), name: z.string().min(1), size: z.number().int().min(0), server_modified: z.iso.datetime({ offset: true }) })
    .loose(),
  z.object({ '.tag': z.literal('folder'), path_display: z.string().startsWith('/'), name: z.string().min(1) }).loose(),
  z.object({ '.tag': z.literal('deleted'), name: z.string() }).loose(),
]);
type Metadata = z.infer<typeof MetadataSchema>;

const ListSchema = z.object({ entries: z.array(MetadataSchema), cursor: z.string().min(1), has_more: z.boolean() }).loose();
const SearchSchema = z.object({ matches: z.array(z.object({ metadata: z.object({ metadata: MetadataSchema }).loose() }).loose()) }).loose();
const ErrorSchema = z.object({ error_summary: z.string() }).loose();

/** A cursor reset means "start the listing again"; more than a few in a row means something else is wrong. */
const MAX_RESETS = 3;
const MAX_PAGES = 50;

function entryOf(metadata: Metadata): DriveEntry | null {
  if (metadata['.tag'] === 'deleted') return null;
  const file = metadata['.tag'] === 'file' ? metadata : null;
  return {
    // The path, not the `id:…`: every call Roomdeck makes takes a path, and files/upload writes to one.
    id: metadata.path_display,
    name: metadata.name,
    kind: file ? 'file' : 'folder',
    size: file?.size ?? null,
    modified: file?.server_modified ?? null,
    type: file ? entryTypeOf(file.name, null) : 'folder',
    webUrl: null,
  };
}

const entriesOf = (list: readonly Metadata[]): DriveEntry[] => list.map(entryOf).filter((entry): entry is DriveEntry => entry !== null);

/** Dropbox-API-Arg is a header: Dropbox wants non-ASCII characters escaped as \uXXXX. */
export function dropboxArg(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The listing's cursor was invalidated (409 `reset/…`): the listing must start over. */
class CursorReset extends Error {}

/** Dropbox API v2: RPC on the api host, file bytes on the content host. */
export class DropboxDrive implements CloudDrive {
  readonly source = 'dropbox' as const;

  constructor(
    private readonly hosts: { readonly apiBaseUrl: string; readonly contentBaseUrl: string },
    private readonly token: DriveToken,
    /** Entries per list_folder page (a hint to Dropbox); tests lower it to see paging. */
    private readonly options: { readonly pageLimit: number } = { pageLimit: 2000 },
  ) {}

  /** list_folder, then list_folder/continue while has_more; a 409 `reset` drops what was read and lists again. */
  async list(folderId: string | null): Promise<DriveEntry[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.listOnce(folderId ?? '');
      } catch (err) {
        if (!(err instanceof CursorReset) || attempt >= MAX_RESETS) throw err;
      }
    }
  }

  async search(text: string): Promise<DriveEntry[]> {
    const body = await this.rpc('files/search_v2', { query: text, options: { max_results: 100 } }, SearchSchema);
    return entriesOf(body.matches.map((match) => match.metadata.metadata));
  }

  /** Dropbox has no "recent" call: the newest files of a recursive listing. */
  async recent(): Promise<DriveEntry[]> {
    const files = (await this.listOnce('', true)).filter((entry) => entry.kind === 'file');
    return files.sort((a, b) => (b.modified ?? '').localeCompare(a.modified ?? '')).slice(0, 10);
  }

  async download(entry: DriveEntry): Promise<DriveDownload> {
    const response = await driveFetch(this.token, `${this.hosts.contentBaseUrl}/files/download`, { method: 'POST', headers: { 'dropbox-api-arg': dropboxArg({ path: entry.id }) } }, false);
    return driveBody(this.source, 'download', response, entry.name);
  }

  async upload(entry: DriveEntry, path: string, size: number): Promise<void> {
    const init = fileBody(path, size);
    const headers = { ...(init.headers as Record<string, string>), 'dropbox-api-arg': dropboxArg({ path: entry.id, mode: 'overwrite', mute: true }) };
    await driveOk(this.source, 'upload', await driveFetch(this.token, `${this.hosts.contentBaseUrl}/files/upload`, { ...init, method: 'POST', headers }, false));
  }

  /** files/get_thumbnail_v2 on the content host: a JPEG fitting 256×256 (images only). */
  async thumbnail(entry: DriveEntry): Promise<DriveDownload | null> {
    if (entry.type !== 'image') return null;
    const arg = dropboxArg({ resource: { '.tag': 'path', path: entry.id }, format: 'jpeg', size: 'w256h256' });
    const response = await driveFetch(this.token, `${this.hosts.contentBaseUrl}/files/get_thumbnail_v2`, { method: 'POST', headers: { 'dropbox-api-arg': arg } });
    return driveBody(this.source, 'thumbnail', response, entry.name);
  }

  /** Shared links need `sharing.write`, which the dropbox.files feature does not ask for: no link. */
  shareLink(): Promise<string | null> {
    return Promise.resolve(null);
  }

  private async listOnce(path: string, recursive = false): Promise<DriveEntry[]> {
    let page = await this.rpc('files/list_folder', { path, recursive, limit: this.options.pageLimit }, ListSchema);
    const entries = entriesOf(page.entries);
    for (let n = 0; page.has_more && n < MAX_PAGES; n++) {
      page = await this.rpc('files/list_folder/continue', { cursor: page.cursor }, ListSchema);
      entries.push(...entriesOf(page.entries));
    }
    return entries;
  }

  private async rpc<T>(endpoint: string, args: unknown, schema: z.ZodType<T>): Promise<T> {
    const response = await driveFetch(this.token, `${this.hosts.apiBaseUrl}/${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
    if (response.status === 409) {
      const error = ErrorSchema.safeParse(await response.clone().json().catch(() => undefined));
      if (error.success && error.data.error_summary.startsWith('reset')) throw new CursorReset(endpoint);
    }
    return driveJson(this.source, endpoint, response, schema);
  }
}
