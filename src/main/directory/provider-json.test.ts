import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../health/logger';
import { GraphApi } from '../providers/microsoft/graph-api';
import { OAuth2Api } from '../providers/oauth2-api';
import { DirectoryError, type Directory } from './directory';
import { GoogleDirectory } from './google-directory';
import { GraphDirectory } from './graph-directory';
import { WebexDirectory } from './webex-directory';
import { ZoomDirectory } from './zoom-directory';

/**
 * Providers' JSON with odd records in it: each directory keeps the good entries and skips the rest; a body of the
 * wrong shape altogether is a failed search, never a crash. A plain local server plays the provider.
 */
let server: Server;
let origin: string;
let answer: unknown = {};

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const connection = () => ({ accessToken: async () => 't', tokenRejected: () => undefined, apiBaseUrl: async () => origin });

function google(): GoogleDirectory {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 't', expiry_date: Date.now() + 3_600_000 });
  return new GoogleDirectory(auth, `${origin}/`);
}

interface Case {
  name: string;
  directory: () => Directory;
  good: unknown;
  odd: unknown[];
  wrap: (items: unknown[]) => unknown;
}

const CASES: Case[] = [
  {
    name: 'Graph',
    directory: () => new GraphDirectory(new GraphApi(origin, async () => 't', silentLogger)),
    good: { displayName: 'Avery <b>Chen</b>', mail: 'avery.chen@contoso.com' },
    odd: [{ displayName: 'Boardroom 4', mail: null }, { displayName: 42, mail: 'x@y.example' }, 'garbage', { mail: 'no name@contoso.com' }],
    wrap: (items) => ({ value: items }),
  },
  {
    name: 'Google',
    directory: google,
    good: { names: [{ displayName: 'Avery <b>Chen</b>' }], emailAddresses: [{ value: 'avery.chen@contoso.com' }] },
    odd: [{ names: [{ displayName: 'No address' }] }, { emailAddresses: 'not-a-list' }, null],
    wrap: (items) => ({ people: items }),
  },
  {
    name: 'Zoom',
    directory: () => new ZoomDirectory(new OAuth2Api('zoom', connection())),
    good: { first_name: 'Avery', last_name: '<b>Chen</b>', email: 'avery.chen@contoso.com' },
    odd: [{ first_name: 'No', last_name: 'Mail' }, { email: ['x@y.example'] }, 7],
    wrap: (items) => ({ contacts: items, next_page_token: '' }),
  },
  {
    name: 'Webex',
    directory: () => new WebexDirectory(new OAuth2Api('webex', connection())),
    good: { displayName: 'Avery <b>Chen</b>', emails: ['avery.chen@contoso.com'] },
    odd: [{ displayName: 'Nobody', emails: [] }, { displayName: 'Bad', emails: 'x@y.example' }, {}],
    wrap: (items) => ({ items, notFoundIds: [] }),
  },
];

describe.each(CASES)('$name directory with odd provider JSON', (c) => {
  beforeEach(() => {
    answer = {};
  });

  it('keeps the good entries, skips the odd ones, and leaves names as text', async () => {
    answer = c.wrap([...c.odd, c.good]);
    const people = await c.directory().search('avery', 12);
    expect(people.map((p) => p.email)).toEqual(['avery.chen@contoso.com']);
    expect(people[0]?.name).toContain('<b>Chen</b>');
  });

  it('treats an empty answer as nobody found', async () => {
    answer = c.name === 'Graph' ? { value: [] } : {};
    expect(await c.directory().search('avery', 12)).toEqual([]);
  });

  it('fails the search on a body of the wrong shape', async () => {
    answer = c.wrap('not a list' as unknown as unknown[]);
    await expect(c.directory().search('avery', 12)).rejects.toBeInstanceOf(DirectoryError);
  });
});
