import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonOf, type ProviderSandbox } from '../oauth2-generic/testing';
import type { TestClock } from '../test-support';
import { dropboxContentHash, type DropboxCloud, type DropboxServiceName } from './index';
import { ALL_FILE_SCOPES, DANA, ROOM, startDropboxForTest, type DropboxTestClient, type DropboxTokens } from './test-helpers';

const ANCHOR = new Date('2026-11-23T10:10:00Z');

interface Entry {
  '.tag': string;
  name: string;
  path_lower: string;
  path_display: string;
  id: string;
  rev?: string;
  size?: number;
  content_hash?: string;
}

interface ListResult {
  entries: Entry[];
  cursor: string;
  has_more: boolean;
}

describe('Dropbox stand-in', () => {
  let clock: TestClock;
  let cloud: DropboxCloud;
  let sandbox: ProviderSandbox<DropboxServiceName>;
  let client: DropboxTestClient;

  beforeEach(async () => {
    ({ clock, cloud, sandbox, client } = await startDropboxForTest(ANCHOR));
  });
  afterEach(() => sandbox.close());

  const list = async (token: string, args: unknown): Promise<ListResult> => jsonOf<ListResult>(await client.rpc('files/list_folder', token, args));
  const next = async (token: string, cursor: string): Promise<Response> => client.rpc('files/list_folder/continue', token, { cursor });

  describe('OAuth', () => {
    it('signs a public client in with PKCE (no secret) and token_access_type=offline, granting exactly the requested scopes', async () => {
      const tokens = await client.signIn('account_info.read files.content.read', { account: DANA });
      expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 14400, scope: 'account_info.read files.content.read', refresh_token: expect.any(String), account_id: expect.stringMatching(/^dbid:/) });
      expect(cloud.control.grantedScopes(DANA)).toEqual(['account_info.read', 'files.content.read']);
      expect(cloud.control.grantedScopes(ROOM)).toEqual([]);
      const account = await jsonOf<{ email: string; name: { display_name: string } }>(await client.rpc('users/get_current_account', tokens.access_token));
      expect(account).toMatchObject({ email: DANA, name: { display_name: 'Dana Lee' } });
      const authorize = sandbox.core.requests({ service: 'dropbox-api' }).find((r) => r.path === '/oauth2/authorize' && r.method === 'GET');
      expect(authorize?.scopes).toEqual(['account_info.read', 'files.content.read']);
    });

    it('gives no refresh token without offline access, and accepts HTTP Basic client auth', async () => {
      const online = await client.signIn('account_info.read', { offline: false, withSecret: true });
      expect(online.refresh_token).toBeUndefined();
    });

    it('refreshes without rotating: no new refresh token, the old one keeps working', async () => {
      const tokens = await client.signIn('files.metadata.read');
      const refresh = tokens.refresh_token ?? '';
      const refreshed = await jsonOf<Record<string, unknown>>(await client.tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh, client_id: cloud.app.clientId }));
      expect(Object.keys(refreshed).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
      expect(cloud.control.tokenIsLive(refresh)).toBe(true);
      expect((await client.tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh, client_id: cloud.app.clientId })).status).toBe(200);
    });

    it('revokes with /2/auth/token/revoke: the access token and its refresh token die', async () => {
      const tokens = await client.signIn('files.metadata.read');
      const revoked = await client.rpc('auth/token/revoke', tokens.access_token);
      expect(revoked.status).toBe(200);
      expect(await revoked.text()).toBe('null');
      const after = await client.rpc('files/list_folder', tokens.access_token, { path: '' });
      expect(after.status).toBe(401);
      expect(await after.json()).toEqual({ error_summary: 'invalid_access_token/..', error: { '.tag': 'invalid_access_token' } });
      const refresh = await client.tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: cloud.app.clientId });
      expect(await refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'refresh token is invalid or revoked' });
      expect(cloud.control.grantedScopes(ROOM)).toEqual([]);
    });

    it('expires access tokens after four hours on the sandbox clock', async () => {
      const tokens = await client.signIn('files.metadata.read');
      clock.advance(14_401_000);
      expect(await (await client.rpc('files/list_folder', tokens.access_token, { path: '' })).json()).toEqual({ error_summary: 'expired_access_token/..', error: { '.tag': 'expired_access_token' } });
    });

    it('enforces scopes per endpoint (write implies read)', async () => {
      const accountOnly = await client.signIn('account_info.read');
      const refused = await client.rpc('files/list_folder', accountOnly.access_token, { path: '' });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error_summary: 'missing_scope/..', error: { '.tag': 'missing_scope', required_scope: 'files.metadata.read' } });

      const writer = await client.signIn('files.content.write');
      expect((await client.rpc('files/list_folder', writer.access_token, { path: '' })).status).toBe(200);
      expect((await client.content('files/download', writer.access_token, { path: '/Welcome.pdf' })).status).toBe(200);
      const share = await client.rpc('sharing/create_shared_link_with_settings', writer.access_token, { path: '/Welcome.pdf' });
      expect(await share.json()).toMatchObject({ error: { '.tag': 'missing_scope', required_scope: 'sharing.write' } });
    });
  });

  describe('files', () => {
    let token = '';
    beforeEach(async () => {
      token = (await client.signIn(ALL_FILE_SCOPES)).access_token;
    });

    it('lists the root as "" (not "/") and pages with list_folder/continue', async () => {
      const slash = await client.rpc('files/list_folder', token, { path: '/' });
      expect(slash.status).toBe(400);
      expect(await slash.text()).toContain('Specify the root folder as an empty string rather than as "/"');

      const root = await list(token, { path: '' });
      expect(root.entries.map((e) => `${e['.tag']}:${e.name}`)).toEqual(['folder:Brand', 'folder:Photos', 'folder:Reports', 'folder:Shared with guests', 'folder:Videos', 'file:Welcome.pdf']);
      expect(root.has_more).toBe(false);

      const names: string[] = [];
      let page = await list(token, { path: '', recursive: true, limit: 4 });
      names.push(...page.entries.map((e) => e.path_display));
      while (page.has_more) {
        page = await jsonOf<ListResult>(await next(token, page.cursor));
        names.push(...page.entries.map((e) => e.path_display));
      }
      expect(names).toContain('/Photos/Whiteboard — café sketch.jpg');
      expect(names).toContain('/Videos/Town hall 2026-11.mp4');
      expect(new Set(names).size).toBe(names.length);
      expect(names).toHaveLength(cloud.control.files(ROOM).length);

      const missing = await client.rpc('files/list_folder', token, { path: '/Nope' });
      expect(missing.status).toBe(409);
      expect(await missing.json()).toEqual({ error_summary: 'path/not_found/..', error: { '.tag': 'path', path: { '.tag': 'not_found' } } });
    });

    it('reports later changes through continue, and 409 reset once cursors are invalidated', async () => {
      const listing = await list(token, { path: '/Reports' });
      cloud.control.addFile(ROOM, { path: '/Reports/Minutes.txt', text: 'Decisions…' });
      cloud.control.deleteFile(ROOM, '/Reports/Q4 plan.docx');
      const changes = await jsonOf<ListResult>(await next(token, listing.cursor));
      expect(changes.entries.map((e) => `${e['.tag']}:${e.name}`)).toEqual(['file:Minutes.txt', 'deleted:Q4 plan.docx']);
      expect(await jsonOf<ListResult>(await next(token, changes.cursor))).toMatchObject({ entries: [], has_more: false });

      cloud.control.resetCursors(ROOM);
      const reset = await next(token, changes.cursor);
      expect(reset.status).toBe(409);
      expect(await reset.json()).toEqual({ error_summary: 'reset/..', error: { '.tag': 'reset' } });
      expect((await client.rpc('files/list_folder', token, { path: '/Reports' })).status).toBe(200);
    });

    it('downloads with the result in a header-safe Dropbox-API-Result and the bytes in the body', async () => {
      const response = await client.content('files/download', token, { path: '/Photos/Whiteboard — café sketch.jpg' });
      expect(response.status).toBe(200);
      const raw = response.headers.get('dropbox-api-result') ?? '';
      expect(raw).toMatch(/^[\x20-\x7e]+$/);
      expect(raw).toContain('caf\\u00e9');
      const result = JSON.parse(raw) as Entry;
      expect(result.name).toBe('Whiteboard — café sketch.jpg');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(bytes.length).toBe(result.size);
      expect(dropboxContentHash(bytes)).toBe(result.content_hash);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
    });

    it('refuses a Dropbox-API-Arg with raw non-ASCII characters', async () => {
      const raw = await fetch(`${sandbox.url('dropbox-content')}/2/files/download`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'dropbox-api-arg': JSON.stringify({ path: '/Photos/Whiteboard — café sketch.jpg' }).replace('—', '-') },
      });
      expect(raw.status).toBe(400);
      expect(await raw.text()).toContain('Dropbox-API-Arg');
      const missing = await client.content('files/download', token, { path: '/Photos/nothing.jpg' });
      expect(missing.status).toBe(409);
      expect(await missing.json()).toMatchObject({ error: { '.tag': 'path', path: { '.tag': 'not_found' } } });
    });

    it('uploads binary bytes with add, overwrite and update modes', async () => {
      const bytes = randomBytes(70_000);
      const added = await jsonOf<Entry>(await client.content('files/upload', token, { path: '/Shared with guests/scan.bin', mode: 'add' }, bytes));
      expect(added.size).toBe(bytes.length);
      expect(added.content_hash).toBe(dropboxContentHash(bytes));
      const roundTrip = Buffer.from(await (await client.content('files/download', token, { path: added.id })).arrayBuffer());
      expect(roundTrip.equals(bytes)).toBe(true);

      // add: same bytes → nothing changes; other bytes → conflict, or a "(1)" copy with autorename.
      expect((await jsonOf<Entry>(await client.content('files/upload', token, { path: '/Shared with guests/scan.bin', mode: 'add' }, bytes))).rev).toBe(added.rev);
      const other = randomBytes(10);
      const conflict = await client.content('files/upload', token, { path: '/Shared with guests/scan.bin', mode: 'add' }, other);
      expect(conflict.status).toBe(409);
      expect(await conflict.json()).toMatchObject({ error_summary: 'path/conflict/file/..', error: { '.tag': 'path', reason: { '.tag': 'conflict', conflict: { '.tag': 'file' } } } });
      const renamed = await jsonOf<Entry>(await client.content('files/upload', token, { path: '/Shared with guests/scan.bin', mode: 'add', autorename: true }, other));
      expect(renamed.path_display).toBe('/Shared with guests/scan (1).bin');

      const stale = await client.content('files/upload', token, { path: '/Shared with guests/scan.bin', mode: { '.tag': 'update', update: '0000000000' } }, other);
      expect(stale.status).toBe(409);
      const updated = await jsonOf<Entry>(await client.content('files/upload', token, { path: '/Shared with guests/scan.bin', mode: { '.tag': 'update', update: added.rev } }, other));
      expect(updated.rev).not.toBe(added.rev);
      const overwritten = await jsonOf<Entry>(await client.content('files/upload', token, { path: '/Shared with guests/scan.bin', mode: 'overwrite' }, bytes));
      expect(overwritten.content_hash).toBe(dropboxContentHash(bytes));

      const textUpload = await client.content('files/upload', token, { path: '/x.txt' }, Buffer.from('x'), { 'content-type': 'text/plain' });
      expect(textUpload.status).toBe(400);
    });

    it('searches names, makes thumbnails of images only, and creates one shared link per file', async () => {
      const found = await jsonOf<{ matches: { metadata: { metadata: Entry } }[] }>(await client.rpc('files/search_v2', token, { query: 'cafe' }));
      expect(found.matches.map((m) => m.metadata.metadata.name)).toEqual(['Whiteboard — café sketch.jpg']);
      const images = await jsonOf<{ matches: unknown[] }>(await client.rpc('files/search_v2', token, { query: 'lake', options: { file_categories: [{ '.tag': 'image' }] } }));
      expect(images.matches).toHaveLength(1);

      const thumb = await client.content('files/get_thumbnail_v2', token, { resource: { '.tag': 'path', path: '/Photos/Offsite 2026/Lake Como.jpg' }, size: 'w128h128', format: 'jpeg' });
      expect(thumb.status).toBe(200);
      expect(JSON.parse(thumb.headers.get('dropbox-api-result') ?? '{}')).toMatchObject({ file_metadata: { name: 'Lake Como.jpg' } });
      expect(Buffer.from(await thumb.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      const pdf = await client.content('files/get_thumbnail_v2', token, { resource: { '.tag': 'path', path: '/Welcome.pdf' } });
      expect(await pdf.json()).toEqual({ error_summary: 'unsupported_extension/..', error: { '.tag': 'unsupported_extension' } });

      const link = await jsonOf<{ url: string; '.tag': string }>(await client.rpc('sharing/create_shared_link_with_settings', token, { path: '/Reports/Q3 results.pdf' }));
      expect(link.url).toMatch(/^https:\/\/www\.dropbox\.com\/scl\/fi\/\w+\/Q3%20results\.pdf\?rlkey=\w+&dl=0$/);
      const again = await client.rpc('sharing/create_shared_link_with_settings', token, { path: '/Reports/Q3 results.pdf' });
      expect(await again.json()).toMatchObject({ error: { '.tag': 'shared_link_already_exists', shared_link_already_exists: { metadata: { url: link.url } } } });
    });

    it('throttles with 429 + Retry-After, sometimes with no JSON body at all', async () => {
      sandbox.core.addFault({ service: 'dropbox-api', path: '/list_folder$', times: 2, action: { type: 'status', status: 429, retryAfter: 3 } });
      const withBody = await client.rpc('files/list_folder', token, { path: '' });
      expect(withBody.headers.get('retry-after')).toBe('3');
      expect(await withBody.json()).toEqual({ error_summary: 'too_many_requests/..', error: { reason: { '.tag': 'too_many_requests' }, retry_after: 3 } });
      cloud.control.bareStatusBodies(1);
      const bare = await client.rpc('files/list_folder', token, { path: '' });
      expect(bare.status).toBe(429);
      expect(bare.headers.get('retry-after')).toBe('3');
      expect(await bare.text()).toBe('');
    });

    it('cuts a download after N bytes when asked: the body read fails part-way', async () => {
      cloud.control.failDownloadAfter({ bytes: 1000, path: 'q3 results' });
      const response = await client.content('files/download', token, { path: '/Reports/Q3 results.pdf' });
      expect(response.status).toBe(200);
      const declared = Number(response.headers.get('content-length'));
      let received = 0;
      const reader = response.body?.getReader();
      const failure = await (async () => {
        for (;;) {
          const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
          if (done) return null;
          received += value.length;
        }
      })().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(received).toBeLessThanOrEqual(1000);
      expect(declared).toBeGreaterThan(1000);
      // The next download is whole again.
      expect((await (await client.content('files/download', token, { path: '/Reports/Q3 results.pdf' })).arrayBuffer()).byteLength).toBe(declared);
    });
  });

  it('keeps a personal Dropbox (bring your own drive) apart from the room’s', async () => {
    const dana: DropboxTokens = await client.signIn('files.metadata.read', { account: DANA });
    const root = await list(dana.access_token, { path: '' });
    expect(root.entries.map((e) => e.name)).toEqual(['Camera Uploads', 'Dana’s résumé.pdf', 'Notes', 'Slides']);
  });
});
