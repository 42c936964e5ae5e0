import { z } from 'zod';
import type { DriveEntry } from '../../shared/model';
import { entryTypeOf, type CloudDrive, type DriveDownload } from './cloud-drive';
import { driveBody, driveFetch, driveJson, driveOk, fileBody, type DriveToken } from './drive-http';

/** files resource (https://developers.google.com/workspace/drive/api/reference/rest/v3/files); size is a string. */
const FileSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    mimeType: z.string().min(1),
    size: z.string().regex(/^\d+$/).optional(),
    modifiedTime: z.iso.datetime({ offset: true }).optional(),
    webViewLink: z.url().optional(),
  })
  .loose();
type DriveFile = z.infer<typeof FileSchema>;

const ThumbnailSchema = z.object({ thumbnailLink: z.url().optional() }).loose();

const ListSchema = z.object({ files: z.array(FileSchema), nextPageToken: z.string().min(1).optional() }).loose();

const FOLDER = 'application/vnd.google-apps.folder';
const FIELDS = 'nextPageToken,files(id,name,mimeType,size,modifiedTime,webViewLink)';
const MAX_PAGES = 50;
/** Docs, Sheets and Slides have no bytes to download: they are exported, to PDF for the viewer. */
const NATIVE = /^application\/vnd\.google-apps\.(document|spreadsheet|presentation|drawing)$/;

function entryOf(file: DriveFile): DriveEntry {
  const folder = file.mimeType === FOLDER;
  return {
    // The id carries whether the file is a Google document, so download() knows to export it.
    id: NATIVE.test(file.mimeType) ? `${file.id}|native` : file.id,
    name: file.name,
    kind: folder ? 'folder' : 'file',
    size: file.size === undefined ? null : Number(file.size),
    modified: file.modifiedTime ?? null,
    type: folder ? 'folder' : entryTypeOf(file.name, file.mimeType),
    webUrl: file.webViewLink ?? null,
  };
}

const fileIdOf = (entry: DriveEntry): string => entry.id.replace(/\|native$/, '');
/** Drive query strings escape `\` and `'` with a backslash. */
const queryString = (text: string): string => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** Google Drive API v3 on the signed-in account. */
export class GoogleDrive implements CloudDrive {
  readonly source = 'google-drive' as const;
  private readonly files: string;
  private readonly uploads: string;

  /** `rootUrl`: https://www.googleapis.com/ (the Calendar client's root). */
  constructor(
    rootUrl: string,
    private readonly token: DriveToken,
  ) {
    const root = rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
    this.files = `${root}drive/v3/files`;
    this.uploads = `${root}upload/drive/v3/files`;
  }

  list(folderId: string | null): Promise<DriveEntry[]> {
    return this.query({ q: `${queryString(folderId ?? 'root')} in parents and trashed = false`, orderBy: 'folder,name' }, MAX_PAGES);
  }

  search(text: string): Promise<DriveEntry[]> {
    return this.query({ q: `name contains ${queryString(text)} and trashed = false` }, MAX_PAGES);
  }

  recent(): Promise<DriveEntry[]> {
    return this.query({ q: `mimeType != '${FOLDER}' and trashed = false`, orderBy: 'modifiedTime desc', pageSize: '10' }, 1);
  }

  async download(entry: DriveEntry): Promise<DriveDownload> {
    const id = encodeURIComponent(fileIdOf(entry));
    if (entry.id.endsWith('|native')) {
      const response = await driveFetch(this.token, `${this.files}/${id}/export?mimeType=application%2Fpdf`, {}, false);
      return driveBody(this.source, 'export', response, `${entry.name}.pdf`);
    }
    return driveBody(this.source, 'download', await driveFetch(this.token, `${this.files}/${id}?alt=media`, {}, false), entry.name);
  }

  async upload(entry: DriveEntry, path: string, size: number): Promise<void> {
    const url = `${this.uploads}/${encodeURIComponent(fileIdOf(entry))}?uploadType=media`;
    await driveOk(this.source, 'upload', await driveFetch(this.token, url, { method: 'PATCH', ...fileBody(path, size) }, false));
  }

  /** `thumbnailLink` is short-lived: asked for when the tile is shown, then fetched with the token. */
  async thumbnail(entry: DriveEntry): Promise<DriveDownload | null> {
    if (entry.type !== 'image') return null;
    const url = `${this.files}/${encodeURIComponent(fileIdOf(entry))}?fields=thumbnailLink`;
    const { thumbnailLink } = await driveJson(this.source, 'files.get', await driveFetch(this.token, url), ThumbnailSchema);
    return thumbnailLink ? driveBody(this.source, 'thumbnail', await driveFetch(this.token, thumbnailLink), entry.name) : null;
  }

  /**
   * The file's own Drive link: it opens for whoever the file is already shared with. Sharing it wider would need
   * permissions.create on files the room merely browses, which the kiosk should not do on its own.
   */
  shareLink(entry: DriveEntry): Promise<string | null> {
    return Promise.resolve(entry.webUrl);
  }

  private async query(params: Record<string, string>, maxPages: number): Promise<DriveEntry[]> {
    const entries: DriveEntry[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const url = new URL(this.files);
      for (const [key, value] of Object.entries({ pageSize: '100', fields: FIELDS, ...params, ...(pageToken ? { pageToken } : {}) })) url.searchParams.set(key, value);
      const body: z.infer<typeof ListSchema> = await driveJson(this.source, 'files.list', await driveFetch(this.token, url.toString()), ListSchema);
      entries.push(...body.files.map(entryOf));
      pageToken = body.nextPageToken;
      if (pageToken === undefined) break;
    }
    return entries;
  }
}
