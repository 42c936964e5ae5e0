import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from './scopes';
import { signIn, startGoogleTestSandbox, type GoogleTestSandbox } from './test-support';

const ROOM = 'room.atlas@fabrikam.example';

describe('People API stand-in: directory search and other contacts', () => {
  let sandbox: GoogleTestSandbox;
  let token = '';
  let calendarOnly = '';
  const get = async (path: string, bearer = token) => {
    const response = await fetch(`${sandbox.config.peopleRootUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    sandbox = await startGoogleTestSandbox();
    token = (await signIn(sandbox, { account: ROOM, scopes: [SCOPES.directoryReadonly, SCOPES.otherContactsReadonly] })).tokens.access_token ?? '';
    calendarOnly = (await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarReadonly], includeGrantedScopes: false })).tokens.access_token ?? '';
  });
  afterAll(() => sandbox.close());

  it('finds domain profiles by name or email prefix, with only the fields the readMask asks for', async () => {
    const { status, body } = await get('v1/people:searchDirectoryPeople?query=gi&readMask=names,emailAddresses&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE');
    expect(status).toBe(200);
    expect(body).toEqual({
      people: [
        {
          resourceName: expect.stringMatching(/^people\/\d{21}$/),
          etag: expect.any(String),
          names: [expect.objectContaining({ displayName: 'Giulia Romano', givenName: 'Giulia', familyName: 'Romano', metadata: expect.objectContaining({ primary: true }) })],
          emailAddresses: [expect.objectContaining({ value: 'giulia.romano@fabrikam.example' })],
        },
      ],
      totalSize: 1,
    });
    expect((await get('v1/people:searchDirectoryPeople?query=marco.f&readMask=emailAddresses&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE')).body['totalSize']).toBe(1);
    // No match: proto3 JSON leaves out the empty list and the zero count.
    expect((await get('v1/people:searchDirectoryPeople?query=zzz&readMask=names&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE')).body).toEqual({});
  });

  it('pages with pageSize / nextPageToken', async () => {
    const first = await get('v1/people:searchDirectoryPeople?query=fabrikam&readMask=names&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE&pageSize=5');
    expect((first.body['people'] as unknown[]).length).toBe(5);
    const second = await get(`v1/people:searchDirectoryPeople?query=fabrikam&readMask=names&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE&pageSize=5&pageToken=${String(first.body['nextPageToken'])}`);
    expect((second.body['people'] as unknown[]).length).toBe(Number(first.body['totalSize']) - 5);
    expect(second.body['nextPageToken']).toBeUndefined();
  });

  it('needs readMask and sources (400 INVALID_ARGUMENT) and directory.readonly (403 in People\'s error shape)', async () => {
    expect(await get('v1/people:searchDirectoryPeople?query=gi&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE')).toMatchObject({ status: 400, body: { error: { code: 400, status: 'INVALID_ARGUMENT' } } });
    expect(await get('v1/people:searchDirectoryPeople?query=gi&readMask=names')).toMatchObject({ status: 400 });
    const denied = await get('v1/people:searchDirectoryPeople?query=gi&readMask=names&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE', calendarOnly);
    expect(denied).toMatchObject({ status: 403, body: { error: { code: 403, status: 'PERMISSION_DENIED', details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }] } } });
    expect(denied.body['error']).not.toHaveProperty('errors');
  });

  it('finds other contacts only after the warm-up request with an empty query', async () => {
    const search = () => get('v1/otherContacts:search?query=priya&readMask=names,emailAddresses');
    expect((await search()).body).toEqual({});
    expect(await get('v1/otherContacts:search?query=&readMask=names,emailAddresses')).toEqual({ status: 200, body: {} });
    expect((await search()).body).toEqual({
      results: [{ person: { resourceName: expect.stringMatching(/^otherContacts\/c\d+$/), etag: expect.any(String), names: [expect.objectContaining({ displayName: 'Priya Nair' })], emailAddresses: [expect.objectContaining({ value: 'priya.nair@contoso.com' })] } }],
    });
    expect((await get('v1/otherContacts:search?query=priya&readMask=organizations')).status).toBe(400);
  });
});
