import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, completeConsent, jsonOf, LOOPBACK_REDIRECT, pkcePair, startCloudForTest, type ProviderSandbox } from '../oauth2-generic/testing';
import type { TestClock } from '../test-support';
import { createWebexCloud, type WebexCloud, type WebexServiceName } from './index';

const ROOM = 'room.webex@contoso.com';
// 10:10 in Rome; the seeded "Partner review" runs 15:00–16:00 Rome (14:00–15:00 UTC).
const ANCHOR = new Date('2026-11-23T09:10:00Z');

interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  token_type: string;
  scope: string;
}

interface WebexMeeting {
  id: string;
  meetingNumber: string;
  title: string;
  webLink: string;
  sipAddress: string;
  start: string;
  end: string;
}

const ALL_MEETING_SCOPES = 'meeting:schedules_read meeting:schedules_write meeting:participants_read meeting:controls_read';

describe('Webex stand-in', () => {
  let clock: TestClock;
  let cloud: WebexCloud;
  let sandbox: ProviderSandbox<WebexServiceName>;
  const url = (path: string) => `${sandbox.url('webex')}${path}`;

  beforeEach(async () => {
    ({ clock, cloud, sandbox } = await startCloudForTest<WebexServiceName, WebexCloud>(ANCHOR, (testClock) => createWebexCloud({ clock: testClock.now, seedAnchor: ANCHOR, autoApprove: null })));
  });
  afterEach(() => sandbox.close());

  function tokenRequest(fields: Record<string, string>): Promise<Response> {
    return fetch(url('/v1/access_token'), { method: 'POST', body: new URLSearchParams({ client_id: cloud.app.clientId, client_secret: cloud.app.clientSecret, ...fields }) });
  }

  async function signIn(scopes: string): Promise<TokenResponse> {
    const pkce = pkcePair();
    const authorize = authorizeUrl(url('/v1/authorize'), {
      client_id: cloud.app.clientId,
      response_type: 'code',
      redirect_uri: LOOPBACK_REDIRECT,
      scope: scopes,
      state: 'w1',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    const { redirect } = await completeConsent(authorize, { account: ROOM });
    const response = await tokenRequest({ grant_type: 'authorization_code', code: redirect.searchParams.get('code') ?? '', redirect_uri: LOOPBACK_REDIRECT, code_verifier: pkce.verifier });
    expect(response.status).toBe(200);
    return jsonOf<TokenResponse>(response);
  }

  const api = (path: string, token: string, init: RequestInit = {}) => fetch(url(path), { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

  it('signs in with code + PKCE, client secret in the form, and records the requested scopes', async () => {
    const tokens = await signIn('meeting:schedules_write spark:people_read');
    expect(tokens).toMatchObject({ expires_in: 1209600, refresh_token_expires_in: 7776000, token_type: 'Bearer', scope: 'meeting:schedules_write spark:people_read' });
    expect(cloud.control.grantedScopes(ROOM)).toEqual(['meeting:schedules_write', 'spark:people_read']);
    const authorize = sandbox.core.requests({ service: 'webex' }).find((r) => r.path === '/v1/authorize' && r.method === 'GET');
    expect(authorize?.scopes).toEqual(['meeting:schedules_write', 'spark:people_read']);
    const me = await jsonOf<{ emails: string[] }>(await api('/v1/people/me', tokens.access_token));
    expect(me.emails).toEqual([ROOM]);
  });

  it('refuses an authorize request without scopes (redirecting invalid_scope)', async () => {
    const response = await fetch(authorizeUrl(url('/v1/authorize'), { client_id: cloud.app.clientId, response_type: 'code', redirect_uri: LOOPBACK_REDIRECT, state: 's' }), { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('state')).toBe('s');
  });

  it('approves at once as the room account in demo mode (autoApprove)', async () => {
    const demo = await startCloudForTest<WebexServiceName, WebexCloud>(ANCHOR, (testClock) =>
      createWebexCloud({ clock: testClock.now, seedAnchor: ANCHOR, autoApprove: { account: 'boardroom4@contoso.com' } }),
    );
    try {
      const url = authorizeUrl(`${demo.sandbox.url('webex')}/v1/authorize`, { client_id: demo.cloud.app.clientId, response_type: 'code', redirect_uri: LOOPBACK_REDIRECT, scope: 'spark:people_read', state: 'demo' });
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('code')).toBeTruthy();
      expect(location.searchParams.get('state')).toBe('demo');
    } finally {
      await demo.sandbox.close();
    }
  });

  it('refreshes without rotating: the same refresh token comes back with its remaining lifetime', async () => {
    const tokens = await signIn('meeting:schedules_read');
    clock.advance(24 * 3600_000);
    const refreshed = await jsonOf<TokenResponse>(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }));
    expect(refreshed.refresh_token).toBe(tokens.refresh_token);
    expect(refreshed.refresh_token_expires_in).toBe(7776000 - 86400);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(cloud.control.tokenIsLive(tokens.refresh_token)).toBe(true);
  });

  it('has no revocation endpoint; a revoke in the person’s settings (control) kills every token', async () => {
    const tokens = await signIn('meeting:schedules_read');
    expect((await fetch(url('/v1/access_token/revoke'), { method: 'POST' })).status).toBe(404);
    cloud.control.revoke(ROOM);
    const response = await api('/v1/meetings', tokens.access_token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'The request requires a valid access token set in the Authorization request header.', trackingId: expect.stringMatching(/^ROUTERGW_/) });
    expect(await jsonOf(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }))).toMatchObject({ error: 'invalid_grant' });
  });

  it('enforces scopes per endpoint with Webex’s 403', async () => {
    const tokens = await signIn('meeting:schedules_write');
    const list = await api('/v1/meetings', tokens.access_token);
    expect(list.status).toBe(403);
    expect(await list.json()).toMatchObject({ message: expect.stringContaining('missing required scopes') });
    expect((await api('/v1/people?email=hana.sato@contoso.com', tokens.access_token)).status).toBe(403);
  });

  it('creates meetings with no idempotency and answers in the meeting’s zone', async () => {
    const tokens = await signIn(ALL_MEETING_SCOPES);
    const body = JSON.stringify({ title: 'Meet now', start: '2026-11-23 10:15:00', end: '2026-11-23 10:45:00', timezone: 'Europe/Rome' });
    const [first, second] = [await api('/v1/meetings', tokens.access_token, { method: 'POST', body }), await api('/v1/meetings', tokens.access_token, { method: 'POST', body })];
    expect([first.status, second.status]).toEqual([200, 200]);
    const a = await jsonOf<WebexMeeting>(first);
    const b = await jsonOf<WebexMeeting>(second);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ start: '2026-11-23T10:15:00+01:00', end: '2026-11-23T10:45:00+01:00', sipAddress: `${a.meetingNumber}@contoso.webex.com` });
    expect(a.webLink).toMatch(/^https:\/\/contoso\.webex\.com\/contoso\/j\.php\?MTID=m[0-9a-f]{32}$/);
    expect((await api(`/v1/meetings/${b.id}`, tokens.access_token, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/v1/meetings/${b.id}`, tokens.access_token)).status).toBe(404);
  });

  it('lists meetings by start time for the overlap check, paging with Link', async () => {
    const tokens = await signIn(ALL_MEETING_SCOPES);
    const window = 'from=2026-11-23T13:30:00Z&to=2026-11-23T15:00:00Z';
    const found = await jsonOf<{ items: WebexMeeting[] }>(await api(`/v1/meetings?meetingType=scheduledMeeting&${window}`, tokens.access_token));
    expect(found.items.map((m) => m.title)).toEqual(['Partner review']);
    // The meeting started at 14:00 UTC: a window starting at 14:30 does not list it although it overlaps.
    const late = await jsonOf<{ items: WebexMeeting[] }>(await api('/v1/meetings?from=2026-11-23T14:30:00Z&to=2026-11-23T15:30:00Z', tokens.access_token));
    expect(late.items).toEqual([]);

    for (const minute of [0, 20, 40]) {
      const slot = { title: `Slot ${minute}`, start: `2026-11-23T17:${String(minute).padStart(2, '0')}:00Z`, end: `2026-11-23T17:${minute + 15}:00Z` };
      await api('/v1/meetings', tokens.access_token, { method: 'POST', body: JSON.stringify(slot) });
    }
    const page1 = await api('/v1/meetings?from=2026-11-23T16:00:00Z&max=2', tokens.access_token);
    const link = page1.headers.get('link') ?? '';
    expect(link).toMatch(/^<https:\/\/127\.0\.0\.1:\d+\/v1\/meetings\?max=2&cursor=[\w-]+>; rel="next"$/);
    const next = /<([^>]+)>/.exec(link)?.[1] ?? '';
    const page2 = await jsonOf<{ items: WebexMeeting[] }>(await api(next.replace(sandbox.url('webex'), ''), tokens.access_token));
    expect([...(await jsonOf<{ items: WebexMeeting[] }>(page1)).items, ...page2.items].map((m) => m.title)).toEqual(['Slot 0', 'Slot 20', 'Slot 40']);
  });

  it('pages people with RFC 5988 Link headers whose next link drops the original query', async () => {
    const tokens = await signIn('spark:people_read');
    const byEmail = await jsonOf<{ items: { displayName: string }[] }>(await api('/v1/people?email=Hana.Sato@contoso.com', tokens.access_token));
    expect(byEmail.items.map((p) => p.displayName)).toEqual(['Hana Sato']);
    expect((await api('/v1/people', tokens.access_token)).status).toBe(400);

    const collected: string[] = [];
    let next: string | null = `/v1/people?displayName=b&max=1`;
    while (next) {
      const response = await api(next, tokens.access_token);
      collected.push(...(await jsonOf<{ items: { displayName: string }[] }>(response)).items.map((p) => p.displayName));
      const link = response.headers.get('link');
      next = link ? (/<([^>]+)>; rel="next"/.exec(link)?.[1] ?? '').replace(sandbox.url('webex'), '') : null;
      if (next) expect(next).not.toContain('displayName');
    }
    expect(collected).toEqual(['Boardroom 4', 'Bruno Rossi', 'Chiara Bianchi']);
  });

  it('shows participants and controls of a meeting in progress', async () => {
    const tokens = await signIn(ALL_MEETING_SCOPES);
    const created = await jsonOf<WebexMeeting>(await api('/v1/meetings', tokens.access_token, { method: 'POST', body: JSON.stringify({ title: 'Live', start: '2026-11-23T09:30:00Z', end: '2026-11-23T10:30:00Z' }) }));
    expect(await jsonOf(await api(`/v1/meetingParticipants?meetingId=${created.id}`, tokens.access_token))).toEqual({ items: [] });
    expect((await api(`/v1/meetings/controls?meetingId=${created.id}`, tokens.access_token)).status).toBe(404);

    clock.advance(25 * 60_000);
    cloud.control.addParticipant(created.id, { email: 'hana.sato@contoso.com', displayName: 'Hana Sato' });
    const participants = await jsonOf<{ items: { email: string; host: boolean; state: string }[] }>(await api(`/v1/meetingParticipants?meetingId=${created.id}`, tokens.access_token));
    expect(participants.items.map((p) => [p.email, p.host, p.state])).toEqual([
      [ROOM, true, 'joined'],
      ['hana.sato@contoso.com', false, 'joined'],
    ]);
    expect(await jsonOf(await api(`/v1/meetings/controls?meetingId=${created.id}`, tokens.access_token))).toEqual({ locked: false, recordingStarted: false, recordingPaused: false });
    expect((await api(`/v1/meetings/${created.id}/end`, tokens.access_token, { method: 'POST' })).status).toBe(204);
    const ended = await jsonOf<{ items: { state: string }[] }>(await api(`/v1/meetingParticipants?meetingId=${created.id}`, tokens.access_token));
    expect(ended.items.map((p) => p.state)).toEqual(['end', 'end']);
  });

  it('commits then fails when asked: the meeting exists although the client saw a 504', async () => {
    const tokens = await signIn('meeting:schedules_write');
    sandbox.core.addFault({ service: 'webex', method: 'POST', path: '^/v1/meetings$', action: { type: 'applyThenFail' } });
    const response = await api('/v1/meetings', tokens.access_token, { method: 'POST', body: JSON.stringify({ title: 'Half done', start: '2026-11-23T09:15:00Z', end: '2026-11-23T09:45:00Z' }) });
    expect(response.status).toBe(504);
    expect(cloud.control.meetings().filter((m) => m['title'] === 'Half done')).toHaveLength(1);
  });
});
