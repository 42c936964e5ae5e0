import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeDifferences, type ShapeOptions } from '../core/shape';
import { signIn, startGoogleTestSandbox, type GoogleTestSandbox } from '../google/test-support';
import { GOOGLE_SCOPES } from '../google';
import type { Sandbox } from '../index';
import { accessTokenFor, startTestSandbox } from '../test-support';

/** Live drive responses against the documented shapes in ./fixtures (see fixtures/SOURCES.md). */

const ANCHOR = new Date('2026-11-23T10:10:00Z');

function expectConforms(name: string, live: unknown, options: ShapeOptions = {}): void {
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as unknown;
  expect(shapeDifferences(fixture, live, options), name).toEqual([]);
}

type Items = { value: Record<string, unknown>[]; '@odata.nextLink'?: string };

describe('OneDrive conformance', () => {
  let sandbox: Sandbox;
  let token = '';
  const graph = async (path: string, init: RequestInit = {}) => (await fetch(`${sandbox.urls.graph}/v1.0/me/drive${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } })).json() as Promise<unknown>;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ seedAnchor: ANCHOR });
    token = await accessTokenFor(sandbox, 'boardroom4@contoso.com', ['Files.ReadWrite.All']);
  });
  afterAll(() => sandbox.close());

  it('children: file and folder items, paging by @odata.nextLink; createLink', async () => {
    const first = (await graph('/root/children?$top=2')) as Items;
    expect(first.value).toHaveLength(2);
    expect(first['@odata.nextLink']).toMatch(/\$skiptoken=/);
    const root = (await graph('/root/children')) as Items;
    const file = root.value.find((item) => 'file' in item);
    const folder = root.value.find((item) => 'folder' in item);
    expectConforms('onedrive-file-item.json', file);
    expectConforms('onedrive-folder-item.json', folder);
    const link = await graph(`/items/${String(file?.['id'])}/createLink`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'view', scope: 'organization' }) });
    expectConforms('onedrive-create-link.json', link);
  });
});

describe('Google Drive conformance', () => {
  let sandbox: GoogleTestSandbox;
  let token = '';
  const drive = (path: string) => fetch(`${sandbox.config.calendarRootUrl}drive/v3/${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    sandbox = await startGoogleTestSandbox({ seedAnchor: ANCHOR });
    token = (await signIn(sandbox, { account: 'room.atlas@fabrikam.example', scopes: [GOOGLE_SCOPES.drive] })).tokens.access_token ?? '';
  });
  afterAll(() => sandbox.close());

  it('files.list pages with nextPageToken; alt=media on a Google Doc is fileNotDownloadable', async () => {
    const list = (await (await drive(`files?q=${encodeURIComponent("'root' in parents and mimeType = 'application/vnd.google-apps.presentation'")}&pageSize=1`)).json()) as { files: { id: string }[] };
    expectConforms('drive-file-list.json', { ...list, nextPageToken: 'x' });
    const root = (await (await drive(`files?q=${encodeURIComponent("'root' in parents")}&pageSize=1`)).json()) as { nextPageToken?: string };
    expect(root.nextPageToken).toBeDefined();
    const refused = await drive(`files/${list.files[0]?.id ?? ''}?alt=media`);
    expect(refused.status).toBe(403);
    expectConforms('drive-error-not-downloadable.json', await refused.json());
  });
});
