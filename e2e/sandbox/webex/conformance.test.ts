import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeDifferences, type ShapeOptions } from '../core/shape';
import { authorizeUrl, completeConsent, jsonOf, LOOPBACK_REDIRECT, startCloudForTest, type ProviderSandbox } from '../oauth2-generic/testing';
import type { TestClock } from '../test-support';
import { createWebexCloud, type WebexCloud, type WebexServiceName } from './index';

/** Live Webex stand-in responses against the documented payloads in ./fixtures (see fixtures/SOURCES.md). */

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SCOPES = 'meeting:schedules_read meeting:schedules_write meeting:participants_read meeting:controls_read spark:people_read';

function expectConforms(name: string, live: unknown, options: ShapeOptions = {}): void {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;
  expect(shapeDifferences(fixture, live, options), name).toEqual([]);
}

describe('Webex conformance with the documented payloads', () => {
  let clock: TestClock;
  let cloud: WebexCloud;
  let sandbox: ProviderSandbox<WebexServiceName>;
  let token = '';
  const api = async (path: string, init: RequestInit = {}): Promise<unknown> =>
    (await fetch(`${sandbox.url('webex')}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } })).json();

  beforeAll(async () => {
    const anchor = new Date('2026-11-23T09:10:00Z');
    ({ clock, cloud, sandbox } = await startCloudForTest<WebexServiceName, WebexCloud>(anchor, (testClock) => createWebexCloud({ clock: testClock.now, seedAnchor: anchor, autoApprove: null })));
  });
  afterAll(() => sandbox.close());

  it('OAuth: the access-token response', async () => {
    const url = authorizeUrl(`${sandbox.url('webex')}/v1/authorize`, { client_id: cloud.app.clientId, response_type: 'code', redirect_uri: LOOPBACK_REDIRECT, scope: SCOPES });
    const { redirect } = await completeConsent(url, { account: 'room.webex@contoso.com' });
    const body = new URLSearchParams({ grant_type: 'authorization_code', client_id: cloud.app.clientId, client_secret: cloud.app.clientSecret, code: redirect.searchParams.get('code') ?? '', redirect_uri: LOOPBACK_REDIRECT });
    const tokens = await jsonOf<{ access_token: string }>(await fetch(`${sandbox.url('webex')}/v1/access_token`, { method: 'POST', body }));
    expectConforms('token-response.json', tokens, { allowExtra: ['token_type', 'scope'] });
    token = tokens.access_token;
  });

  it('API: meetings, people, participants, controls and errors', async () => {
    const created = (await api('/v1/meetings', { method: 'POST', body: JSON.stringify({ title: 'Conformance', start: '2026-11-23T09:15:00Z', end: '2026-11-23T09:45:00Z', timezone: 'Asia/Shanghai' }) })) as { id: string };
    expectConforms('meeting-response.json', created);
    expectConforms('meeting-response.json', await api(`/v1/meetings/${created.id}`));
    expectConforms('person-me.json', await api('/v1/people/me'));
    expectConforms('people-list-response.json', await api('/v1/people?displayName=hana'));
    clock.advance(10 * 60_000);
    cloud.control.addParticipant(created.id, { email: 'hana.sato@contoso.com', displayName: 'Hana Sato', state: 'lobby' });
    expectConforms('meeting-participants-response.json', await api(`/v1/meetingParticipants?meetingId=${created.id}`));
    expectConforms('meeting-controls-response.json', await api(`/v1/meetings/controls?meetingId=${created.id}`));
    expectConforms('error-response.json', await api('/v1/meetings', { method: 'POST', body: JSON.stringify({ title: 'No times' }) }));
  });
});
