import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeDifferences, type ShapeOptions } from '../core/shape';
import { authorizeUrl, basicAuth, completeConsent, jsonOf, LOOPBACK_REDIRECT, pkcePair, startCloudForTest, type ProviderSandbox } from '../oauth2-generic/testing';
import { createZoomCloud, type ZoomCloud, type ZoomServiceName } from './index';

/** Live Zoom stand-in responses against the payloads in ./fixtures (see fixtures/SOURCES.md). */

const FIXTURES = join(import.meta.dirname, 'fixtures');

function expectConforms(name: string, live: unknown, options: ShapeOptions = {}): void {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;
  expect(shapeDifferences(fixture, live, options), name).toEqual([]);
}

describe('Zoom conformance with the documented payloads', () => {
  let cloud: ZoomCloud;
  let sandbox: ProviderSandbox<ZoomServiceName>;
  let token = '';
  let refresh = '';
  const api = (path: string, init: RequestInit = {}) => fetch(`${sandbox.url('zoom-api')}/v2${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  const oauth = (path: string, fields: Record<string, string>) =>
    fetch(`${sandbox.url('zoom')}${path}`, { method: 'POST', headers: { authorization: basicAuth(cloud.app.clientId, cloud.app.clientSecret) }, body: new URLSearchParams(fields) });

  beforeAll(async () => {
    const anchor = new Date('2026-11-23T10:10:00Z');
    ({ cloud, sandbox } = await startCloudForTest<ZoomServiceName, ZoomCloud>(anchor, (clock, origin) =>
      createZoomCloud({ clock: clock.now, seedAnchor: anchor, autoApprove: null, apiOrigin: () => origin('zoom-api') }),
    ));
    const pkce = pkcePair();
    const url = authorizeUrl(`${sandbox.url('zoom')}/oauth/authorize`, { response_type: 'code', client_id: cloud.app.clientId, redirect_uri: LOOPBACK_REDIRECT, code_challenge: pkce.challenge, code_challenge_method: 'S256' });
    const { redirect } = await completeConsent(url, { account: 'room.zoom@contoso.com' });
    const tokens = await jsonOf<{ access_token: string; refresh_token: string }>(
      await oauth('/oauth/token', { grant_type: 'authorization_code', code: redirect.searchParams.get('code') ?? '', redirect_uri: LOOPBACK_REDIRECT, code_verifier: pkce.verifier }),
    );
    ({ access_token: token, refresh_token: refresh } = tokens);
  });
  afterAll(() => sandbox.close());

  it('OAuth: token, refresh error and revoke bodies', async () => {
    const refreshed = await jsonOf<{ refresh_token: string; access_token: string }>(await oauth('/oauth/token', { grant_type: 'refresh_token', refresh_token: refresh }));
    expectConforms('token-response.json', refreshed, { allowExtra: ['api_url'] });
    expectConforms('oauth-error.json', await (await oauth('/oauth/token', { grant_type: 'refresh_token', refresh_token: refresh })).json());
    token = refreshed.access_token;
    refresh = refreshed.refresh_token;
  });

  it('API: user, meeting, contacts and error bodies', async () => {
    expectConforms('user-me.json', await (await api('/users/me')).json());
    const created = await api('/users/me/meetings', { method: 'POST', body: JSON.stringify({ topic: 'Conformance', type: 2, start_time: '2026-11-23T11:00:00Z', duration: 30 }) });
    const meeting = await jsonOf<{ id: number }>(created);
    expectConforms('meeting-response.json', meeting);
    expectConforms('meeting-response.json', await (await api(`/meetings/${meeting.id}`)).json());
    expectConforms('contacts-response.json', await (await api('/contacts?search_key=a&query_presence_status=true&page_size=2')).json());
    expectConforms('error-validation.json', await (await api('/users/me/meetings', { method: 'POST', body: JSON.stringify({ type: 7 }) })).json());
    expectConforms('revoke-response.json', await (await oauth('/oauth/revoke', { token })).json());
    expectConforms('error-invalid-token.json', await (await api('/users/me')).json());
  });
});
