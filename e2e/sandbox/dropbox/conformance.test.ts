import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeDifferences, type ShapeOptions } from '../core/shape';
import { jsonOf, type ProviderSandbox } from '../oauth2-generic/testing';
import type { DropboxCloud, DropboxServiceName } from './index';
import { ALL_FILE_SCOPES, startDropboxForTest, type DropboxTestClient, type DropboxTokens } from './test-helpers';

/** Live Dropbox stand-in responses against the payloads in ./fixtures (see fixtures/SOURCES.md). */

const FIXTURES = join(import.meta.dirname, 'fixtures');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;
}

function expectConforms(name: string, live: unknown, options: ShapeOptions = {}): void {
  expect(shapeDifferences(fixture(name), live, options), name).toEqual([]);
}

interface Listing {
  entries: { '.tag': string }[];
  cursor: string;
}

/** list_folder entries are a union: each live entry is held against the fixture entry with the same tag. */
function expectListingConforms(live: Listing): void {
  const documented = fixture('list-folder.json') as Listing;
  for (const entry of live.entries) {
    const template = documented.entries.find((candidate) => candidate['.tag'] === entry['.tag']);
    expect(shapeDifferences(template, entry), `entry ${JSON.stringify(entry)}`).toEqual([]);
  }
  expect(shapeDifferences({ ...documented, entries: [] }, { ...live, entries: [] })).toEqual([]);
}

describe('Dropbox conformance with the documented payloads', () => {
  let cloud: DropboxCloud;
  let sandbox: ProviderSandbox<DropboxServiceName>;
  let client: DropboxTestClient;
  let tokens: DropboxTokens;

  beforeAll(async () => {
    ({ cloud, sandbox, client } = await startDropboxForTest(new Date('2026-11-23T10:10:00Z')));
  });
  afterAll(() => sandbox.close());

  it('OAuth: code and refresh token responses, token errors', async () => {
    tokens = await client.signIn(ALL_FILE_SCOPES);
    expectConforms('token-code-response.json', tokens);
    const refreshed = await client.tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: cloud.app.clientId });
    expectConforms('token-refresh-response.json', await refreshed.json());
    expectConforms('oauth-error.json', await (await client.tokenRequest({ grant_type: 'authorization_code', code: 'nope', client_id: cloud.app.clientId, client_secret: cloud.app.clientSecret })).json());
  });

  it('API: account, listing, search and error bodies', async () => {
    const token = tokens.access_token;
    expectConforms('get-current-account.json', await (await client.rpc('users/get_current_account', token)).json());
    const listing = await jsonOf<Listing>(await client.rpc('files/list_folder', token, { path: '', recursive: true }));
    expect(new Set(listing.entries.map((entry) => entry['.tag']))).toEqual(new Set(['file', 'folder']));
    expectListingConforms(listing);
    expectConforms('search-v2.json', await (await client.rpc('files/search_v2', token, { query: 'results' })).json());
    expectConforms('error-path-not-found.json', await (await client.rpc('files/list_folder', token, { path: '/Missing' })).json());
    cloud.control.resetCursors();
    expectConforms('error-reset.json', await (await client.rpc('files/list_folder/continue', token, { cursor: listing.cursor })).json());
    sandbox.core.addFault({ service: 'dropbox-api', path: 'get_current_account$', action: { type: 'status', status: 429, retryAfter: 300 } });
    expectConforms('error-too-many-requests.json', await (await client.rpc('users/get_current_account', token)).json());
    const narrow = await client.signIn('account_info.read');
    expectConforms('error-missing-scope.json', await (await client.rpc('files/list_folder', narrow.access_token, { path: '' })).json());
  });
});
