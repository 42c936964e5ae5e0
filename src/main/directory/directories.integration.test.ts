import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../e2e/sandbox';
import { completeInBrowser } from '../../../e2e/sandbox/google/test-support';
import { sandboxAccessToken } from '../../../e2e/sandbox/oauth2-generic/access-token';
import { accessTokenFor, startTestSandbox } from '../../../e2e/sandbox/test-support';
import { scopesFor, type FeatureId } from '../../shared/features';
import { OAuth2Api } from '../providers/oauth2-api';
import { signedInGoogleClient } from '../auth/google-auth.test-support';
import { silentLogger } from '../health/logger';
import { GraphApi } from '../providers/microsoft/graph-api';
import { DirectoryError, type Directory } from './directory';
import { GoogleDirectory } from './google-directory';
import { GraphDirectory } from './graph-directory';
import { WebexDirectory } from './webex-directory';
import { ZoomDirectory } from './zoom-directory';

const ROOM = 'boardroom4@contoso.com';

async function failure(promise: Promise<unknown>): Promise<DirectoryError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof DirectoryError) return error;
  throw new Error(`expected a DirectoryError, got ${String(error)}`);
}

async function graphDirectory(sandbox: Sandbox, scopes: string[], account = ROOM): Promise<GraphDirectory> {
  const token = await accessTokenFor(sandbox, account, scopes);
  return new GraphDirectory(new GraphApi(sandbox.urls.graph, async () => token, silentLogger));
}

/** A Zoom or Webex connection holding one token (the connector's refresh is tested with the connector). */
async function connection(sandbox: Sandbox, provider: 'zoom' | 'webex', scopes: string[]): Promise<OAuth2Api> {
  const { token, apiBaseUrl } = await sandboxAccessToken(sandbox, provider, scopes);
  return new OAuth2Api(provider, { accessToken: async () => token, tokenRejected: () => undefined, apiBaseUrl: async () => apiBaseUrl });
}

async function googleDirectory(sandbox: Sandbox, features: FeatureId[], account = sandbox.google.roomAccount): Promise<GoogleDirectory> {
  const client = await signedInGoogleClient(sandbox.google, scopesFor('google', features), (url) => completeInBrowser(url, { account, decision: 'accept' }));
  return new GoogleDirectory(client, sandbox.google.config.peopleRootUrl);
}

describe('Directory implementations against the sandbox (real clients, real HTTP)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  const names = async (directory: Directory, query: string, limit = 12) => (await directory.search(query, limit)).map((p) => `${p.name} <${p.email}> ${p.source}`);

  it('Graph: $search with ConsistencyLevel eventual finds people by name and by address', async () => {
    const directory = await graphDirectory(sandbox, ['User.ReadBasic.All']);
    expect(await names(directory, 'avery')).toEqual(['Avery Chen <avery.chen@contoso.com> microsoft']);
    expect(await names(directory, 'bruno.ro')).toEqual(['Bruno Rossi <bruno.rossi@contoso.com> microsoft']);
    expect(await names(directory, 'zzz-nobody')).toEqual([]);
    // The sandbox answers $search without `ConsistencyLevel: eventual` with 400, as Graph does; these got through.
    const [search] = sandbox.control.requests({ service: 'graph' }).filter((r) => r.path === '/v1.0/users');
    expect(search?.query).toMatchObject({ $top: '12', $select: 'displayName,mail' });
  });

  it('Graph: a quote in the query cannot break out of the $search clause', async () => {
    const directory = await graphDirectory(sandbox, ['User.ReadBasic.All']);
    // Broken out, `"mail:a"` would find Avery; kept inside the clause it is just words nobody's name has.
    expect(await names(directory, 'chen" OR "mail:a')).toEqual([]);
  });

  it('Graph: without User.ReadBasic.All the search is refused as no-permission (403)', async () => {
    // Another room: consent is per account, and Boardroom 4 consented to User.ReadBasic.All above.
    const directory = await graphDirectory(sandbox, ['Calendars.Read'], 'huddle2@contoso.com');
    expect((await failure(directory.search('avery', 5))).reason).toBe('no-permission');
  });

  it('Google: searchDirectoryPeople finds Workspace people, never the external "other contacts"', async () => {
    const directory = await googleDirectory(sandbox, ['google.directory']);
    expect(await names(directory, 'sofia')).toEqual(['Sofia Conti <sofia.conti@fabrikam.example> google']);
    expect(await names(directory, 'priya')).toEqual([]);
  });

  it('Google: without directory.readonly the search is refused as no-permission (403)', async () => {
    // Another account: Google adds earlier grants to new tokens (include_granted_scopes).
    const directory = await googleDirectory(sandbox, ['google.calendar'], 'it.admin@fabrikam.example');
    expect((await failure(directory.search('sofia', 5))).reason).toBe('no-permission');
  });

  it('Zoom: contacts search sends a page size (Zoom defaults to one contact) and names people', async () => {
    const directory = new ZoomDirectory(await connection(sandbox, 'zoom', ['user:read:user', 'contact:read:list_contacts']));
    expect(await names(directory, 'chi')).toEqual(['Chiara Bianchi <chiara.bianchi@contoso.com> zoom']);
    expect(await directory.search('', 3)).toHaveLength(3);
  });

  it('Zoom: without contact:read:list_contacts the search is refused', async () => {
    const directory = new ZoomDirectory(await connection(sandbox, 'zoom', ['user:read:user']));
    expect((await failure(directory.search('chiara', 5))).reason).toBe('no-permission');
  });

  it('Webex: searches by display name, or by address when the query is one', async () => {
    const directory = new WebexDirectory(await connection(sandbox, 'webex', ['spark:people_read']));
    expect(await names(directory, 'George')).toEqual(['George Okafor <george.okafor@contoso.com> webex']);
    expect(await names(directory, 'hana.sato@contoso.com')).toEqual(['Hana Sato <hana.sato@contoso.com> webex']);
  });

  it('Webex: without spark:people_read the search is refused as no-permission', async () => {
    const directory = new WebexDirectory(await connection(sandbox, 'webex', ['meeting:schedules_read']));
    expect((await failure(directory.search('george', 5))).reason).toBe('no-permission');
  });
});
