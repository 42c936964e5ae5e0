import { z } from 'zod';
import type { DriveEntry } from '../../shared/model';
import { entryTypeOf, type CloudDrive, type DriveDownload } from './cloud-drive';
import { driveBody, driveFetch, driveJson, driveOk, fileBody, type DriveToken } from './drive-http';

/** A driveItem (https://learn.microsoft.com/en-us/graph/api/resources/driveitem): `folder` or `file` facet. */
const DriveItemSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    size: z.number().int().min(0).optional(),
    lastModifiedDateTime: z.iso.datetime({ offset: true }).optional(),
    webUrl: z.url().optional(),
    folder: z.object({}).loose().optional(),
    file: z.object({ mimeType: z.string().optional() }).loose().optional(),
  })
  .loose();
type DriveItem = z.infer<typeof DriveItemSchema>;

/** createLink's answer (https://learn.microsoft.com/en-us/graph/api/driveitem-createlink): the permission. */
const LinkSchema = z.object({ link: z.object({ webUrl: z.url() }).loose() }).loose();

const PageSchema = z.object({ value: z.array(DriveItemSchema), '@odata.nextLink': z.url().optional() }).loose();

/** A folder of tens of thousands of items is not something to page through on a wall screen. */
const MAX_PAGES = 50;

function entryOf(item: DriveItem): DriveEntry {
  const folder = item.folder !== undefined;
  return {
    id: item.id,
    name: item.name,
    kind: folder ? 'folder' : 'file',
    size: folder ? null : (item.size ?? null),
    modified: item.lastModifiedDateTime ?? null,
    type: folder ? 'folder' : entryTypeOf(item.name, item.file?.mimeType ?? null),
    webUrl: item.webUrl ?? null,
  };
}

/** OData string literals double their single quotes. */
const odataString = (text: string): string => text.replace(/'/g, "''");

/** OneDrive (for Business) through Microsoft Graph, on the signed-in account's own drive (`/me/drive`). */
export class OneDrive implements CloudDrive {
  readonly source = 'onedrive' as const;
  private readonly base: string;

  constructor(
    graphBaseUrl: string,
    private readonly token: DriveToken,
  ) {
    this.base = `${graphBaseUrl.replace(/\/+$/, '')}/v1.0/me/drive`;
  }

  list(folderId: string | null): Promise<DriveEntry[]> {
    return this.pages(folderId === null ? `${this.base}/root/children` : `${this.base}/items/${encodeURIComponent(folderId)}/children`, 'list children');
  }

  search(text: string): Promise<DriveEntry[]> {
    return this.pages(`${this.base}/root/search(q='${encodeURIComponent(odataString(text))}')`, 'search');
  }

  recent(): Promise<DriveEntry[]> {
    return this.pages(`${this.base}/recent`, 'recent');
  }

  /** GET …/content answers 302 Found to a pre-authenticated URL on another host; fetch follows it without our token. */
  async download(entry: DriveEntry): Promise<DriveDownload> {
    const response = await driveFetch(this.token, `${this.base}/items/${encodeURIComponent(entry.id)}/content`, {}, false);
    return driveBody(this.source, 'download', response, entry.name);
  }

  /** Simple upload (PUT …/content) replaces the file's bytes; Graph allows it up to 250 MB. */
  async upload(entry: DriveEntry, path: string, size: number): Promise<void> {
    const response = await driveFetch(this.token, `${this.base}/items/${encodeURIComponent(entry.id)}/content`, { method: 'PUT', ...fileBody(path, size) }, false);
    await driveOk(this.source, 'upload', response);
  }

  /** The medium (176 px) thumbnail: like …/content, a 302 to the image on another host. */
  async thumbnail(entry: DriveEntry): Promise<DriveDownload | null> {
    if (entry.type !== 'image') return null;
    const response = await driveFetch(this.token, `${this.base}/items/${encodeURIComponent(entry.id)}/thumbnails/0/medium/content`);
    return response.status === 404 ? null : driveBody(this.source, 'thumbnail', response, entry.name);
  }

  /** A view-only link for people in the organization (createLink answers the existing one when asked again). */
  async shareLink(entry: DriveEntry): Promise<string> {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'view', scope: 'organization' }) };
    const response = await driveFetch(this.token, `${this.base}/items/${encodeURIComponent(entry.id)}/createLink`, init);
    return (await driveJson(this.source, 'createLink', response, LinkSchema)).link.webUrl;
  }

  private async pages(first: string, what: string): Promise<DriveEntry[]> {
    const entries: DriveEntry[] = [];
    let next: string | undefined = first;
    for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
      const body: z.infer<typeof PageSchema> = await driveJson(this.source, what, await driveFetch(this.token, next), PageSchema);
      entries.push(...body.value.map(entryOf));
      next = body['@odata.nextLink'];
    }
    return entries;
  }
}
