import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, basicAuth, completeConsent, jsonOf, LOOPBACK_REDIRECT, pkcePair, startCloudForTest, type ProviderSandbox } from '../oauth2-generic/testing';
import type { TestClock } from '../test-support';
import { createZoomCloud, type ZoomCloud, type ZoomServiceName } from './index';

const ROOM = 'room.zoom@contoso.com';
const ANCHOR = new Date('2026-11-23T10:10:00Z');

interface TokenResponse {
  access_token: string;
  token_type: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
  api_url: string;
}

interface ZoomMeeting {
  id: number;
  join_url: string;
  start_url: string;
  password: string;
  topic: string;
}

describe('Zoom stand-in', () => {
  let clock: TestClock;
  let cloud: ZoomCloud;
  let sandbox: ProviderSandbox<ZoomServiceName>;
  const oauthUrl = (path: string) => `${sandbox.url('zoom')}${path}`;
  const apiUrl = (path: string) => `${sandbox.url('zoom-api')}/v2${path}`;
  const basic = () => basicAuth(cloud.app.clientId, cloud.app.clientSecret);

  beforeEach(async () => {
    ({ clock, cloud, sandbox } = await startCloudForTest<ZoomServiceName, ZoomCloud>(ANCHOR, (testClock, origin) =>
      createZoomCloud({ clock: testClock.now, seedAnchor: ANCHOR, autoApprove: null, apiOrigin: () => origin('zoom-api') }),
    ));
  });
  afterEach(() => sandbox.close());

  async function authorize(scopes: string, accept = true) {
    const pkce = pkcePair();
    const url = authorizeUrl(oauthUrl('/oauth/authorize'), {
      response_type: 'code',
      client_id: cloud.app.clientId,
      redirect_uri: LOOPBACK_REDIRECT,
      scope: scopes,
      state: 'st-42',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    return { pkce, consent: await completeConsent(url, { account: ROOM, accept }) };
  }

  function tokenRequest(fields: Record<string, string>, authorization = basic()): Promise<Response> {
    return fetch(oauthUrl('/oauth/token'), { method: 'POST', headers: { authorization }, body: new URLSearchParams(fields) });
  }

  async function signIn(scopes: string): Promise<TokenResponse> {
    const { pkce, consent } = await authorize(scopes);
    const response = await tokenRequest({ grant_type: 'authorization_code', code: consent.redirect.searchParams.get('code') ?? '', redirect_uri: LOOPBACK_REDIRECT, code_verifier: pkce.verifier });
    expect(response.status).toBe(200);
    return jsonOf<TokenResponse>(response);
  }

  const api = (path: string, token: string, init: RequestInit = {}) => fetch(apiUrl(path), { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

  it('runs authorization code + PKCE through the consent page and grants exactly the requested scopes', async () => {
    const { pkce, consent } = await authorize('user:read meeting:write');
    expect(consent.page.scopes).toEqual(['user:read', 'meeting:write']);
    expect(consent.page.accounts).toEqual([ROOM]);
    expect(consent.redirect.origin + consent.redirect.pathname).toBe(LOOPBACK_REDIRECT);
    expect(consent.redirect.searchParams.get('state')).toBe('st-42');
    // The consent form is single use: submitting it again mints no second code.
    const body = new URLSearchParams({ ...consent.page.hidden, account: ROOM, decision: 'accept' });
    const again = await fetch(new URL(consent.page.action, oauthUrl('/oauth/authorize')), { method: 'POST', body, redirect: 'manual' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This authorization request has expired or was already used.');

    const code = consent.redirect.searchParams.get('code') ?? '';
    expect((await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, code_verifier: 'wrong' })).status).toBe(400);
    const response = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, code_verifier: pkce.verifier });
    const tokens = await jsonOf<TokenResponse>(response);
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 3599, scope: 'user:read meeting:write', api_url: sandbox.url('zoom-api') });
    // A code is single use.
    expect(await jsonOf(await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, code_verifier: pkce.verifier }))).toMatchObject({ error: 'invalid_request' });

    expect(cloud.control.grantedScopes(ROOM)).toEqual(['meeting:write', 'user:read']);
    const authorizeRecord = sandbox.core.requests({ service: 'zoom' }).find((r) => r.path === '/oauth/authorize' && r.method === 'GET');
    expect(authorizeRecord?.scopes).toEqual(['user:read', 'meeting:write']);
    const me = await jsonOf<{ email: string; id: string }>(await api('/users/me', tokens.access_token));
    expect(me.email).toBe(ROOM);
  });

  it('shows an error page instead of redirecting to an unregistered (non-loopback) redirect_uri', async () => {
    const url = authorizeUrl(oauthUrl('/oauth/authorize'), { response_type: 'code', client_id: cloud.app.clientId, redirect_uri: 'https://evil.example/cb' });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('Invalid redirect_uri');
  });

  it('requires HTTP Basic client authentication at the token endpoint', async () => {
    const { pkce, consent } = await authorize('user:read');
    const fields = { grant_type: 'authorization_code', code: consent.redirect.searchParams.get('code') ?? '', redirect_uri: LOOPBACK_REDIRECT, code_verifier: pkce.verifier };
    const response = await fetch(oauthUrl('/oauth/token'), { method: 'POST', body: new URLSearchParams({ ...fields, client_id: cloud.app.clientId, client_secret: cloud.app.clientSecret }) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
  });

  it('sends access_denied to the loopback redirect when the person cancels', async () => {
    const { consent } = await authorize('user:read', false);
    expect(consent.redirect.searchParams.get('error')).toBe('access_denied');
    expect(consent.redirect.searchParams.get('state')).toBe('st-42');
    expect(consent.redirect.searchParams.has('code')).toBe(false);
    expect(cloud.control.grantedScopes(ROOM)).toEqual([]);
  });

  it('rotates refresh tokens: each refresh returns a new one and the old one dies', async () => {
    const first = await signIn('user:read');
    const refreshed = await jsonOf<TokenResponse>(await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.access_token).not.toBe(first.access_token);
    expect(cloud.control.tokenIsLive(first.refresh_token)).toBe(false);

    const reuse = await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toEqual({ reason: 'Invalid Token!', error: 'invalid_grant' });
    expect((await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshed.refresh_token })).status).toBe(200);
  });

  it('revokes through /oauth/revoke: the token and its whole authorization die', async () => {
    const tokens = await signIn('user:read meeting:write');
    const response = await fetch(oauthUrl('/oauth/revoke'), { method: 'POST', headers: { authorization: basic() }, body: new URLSearchParams({ token: tokens.access_token }) });
    expect(await response.json()).toEqual({ status: 'success' });

    const me = await api('/users/me', tokens.access_token);
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ code: 124, message: 'Invalid access token.' });
    expect(cloud.control.tokenIsLive(tokens.refresh_token)).toBe(false);
    expect(cloud.control.grantedScopes(ROOM)).toEqual([]);
    expect(await jsonOf(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }))).toEqual({ reason: 'Invalid Token!', error: 'invalid_grant' });
  });

  it('expires access tokens on the sandbox clock and refuses tokens in the query string', async () => {
    const tokens = await signIn('user:read');
    const inQuery = await fetch(apiUrl(`/users/me?access_token=${tokens.access_token}`));
    expect(await inQuery.json()).toEqual({ code: 124, message: 'Invalid access token, this access token is not supported as query parameter string.' });
    clock.advance(3601_000);
    const expired = await api('/users/me', tokens.access_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ code: 124, message: 'Access token is expired.' });
  });

  it('enforces scopes per endpoint with Zoom’s 4711 error', async () => {
    const tokens = await signIn('user:read');
    const create = await api('/users/me/meetings', tokens.access_token, { method: 'POST', body: JSON.stringify({ topic: 'x' }) });
    expect(create.status).toBe(400);
    expect(await create.json()).toEqual({ code: 4711, message: 'Invalid access token, does not contain scopes:[meeting:write, meeting:write:meeting].' });
    expect((await api('/contacts?search_key=a', tokens.access_token)).status).toBe(400);
    expect((await api('/users/me', tokens.access_token)).status).toBe(200);
  });

  it('creates meetings with no idempotency: a retried POST makes a second meeting', async () => {
    const tokens = await signIn('meeting:write');
    const body = JSON.stringify({ topic: 'Meet now', type: 2, start_time: '2026-11-23T10:15:00Z', duration: 30, timezone: 'Europe/Rome' });
    const first = await api('/users/me/meetings', tokens.access_token, { method: 'POST', body });
    const second = await api('/users/me/meetings', tokens.access_token, { method: 'POST', body });
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [await jsonOf<ZoomMeeting>(first), await jsonOf<ZoomMeeting>(second)];
    expect(a.id).not.toBe(b.id);
    expect(typeof a.id).toBe('number');
    expect(a.join_url).toMatch(new RegExp(`^https://contoso\\.zoom\\.us/j/${a.id}\\?pwd=`));
    expect(a.start_url).toMatch(/\/s\/\d+\?zak=eyJ/);
    expect(a.password).toMatch(/^\w{6}$/);

    const fetched = await jsonOf<ZoomMeeting>(await api(`/meetings/${a.id}`, tokens.access_token));
    expect(fetched.topic).toBe('Meet now');
    const list = await jsonOf<{ meetings: { id: number }[] }>(await api('/users/me/meetings?type=upcoming', tokens.access_token));
    expect(list.meetings.map((m) => m.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await api(`/meetings/${b.id}`, tokens.access_token, { method: 'DELETE' })).status).toBe(204);
    const gone = await api(`/meetings/${b.id}`, tokens.access_token);
    expect(await gone.json()).toEqual({ code: 3001, message: `Meeting does not exist: ${b.id}.` });
    expect(cloud.control.meetings().filter((m) => m['topic'] === 'Meet now')).toHaveLength(1);
  });

  it('commits then fails with 504 when asked: the meeting exists although the client saw an error', async () => {
    const tokens = await signIn('meeting:write');
    sandbox.core.addFault({ service: 'zoom-api', method: 'POST', path: '/meetings$', action: { type: 'applyThenFail' } });
    const response = await api('/users/me/meetings', tokens.access_token, { method: 'POST', body: JSON.stringify({ topic: 'Half done' }) });
    expect(response.status).toBe(504);
    const made = cloud.control.meetings().filter((m) => m['topic'] === 'Half done');
    expect(made).toHaveLength(1);
    expect(made[0]?.['type']).toBe(1); // no start_time: an instant meeting
  });

  it('searches contacts with page tokens that expire after 15 minutes', async () => {
    const tokens = await signIn('contact:read');
    const first = await jsonOf<{ contacts: { email: string }[]; next_page_token: string; page_size: number }>(await api('/contacts?search_key=&query_presence_status=true', tokens.access_token));
    expect(first.page_size).toBe(1); // Zoom's default page size
    expect(first.contacts).toHaveLength(1);
    expect(first.next_page_token).not.toBe('');
    const second = await jsonOf<{ contacts: { email: string }[] }>(await api(`/contacts?next_page_token=${first.next_page_token}`, tokens.access_token));
    expect(second.contacts[0]?.email).not.toBe(first.contacts[0]?.email);

    const hana = await jsonOf<{ contacts: { email: string }[] }>(await api('/contacts?search_key=hana&page_size=25', tokens.access_token));
    expect(hana.contacts.map((c) => c.email)).toEqual(['hana.sato@contoso.com']);

    clock.advance(16 * 60_000);
    const stale = await api(`/contacts?next_page_token=${first.next_page_token}`, tokens.access_token);
    expect(stale.status).toBe(400);
  });

  it('answers injected faults with Zoom’s body and serves its control routes over HTTP', async () => {
    const tokens = await signIn('user:read');
    sandbox.core.addFault({ service: 'zoom-api', path: '^/v2/users/me$', action: { type: 'status', status: 429, retryAfter: 2 } });
    const throttled = await api('/users/me', tokens.access_token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(await throttled.json()).toMatchObject({ code: 429 });

    const scopes = await jsonOf<{ scopes: string[] }>(await fetch(`${sandbox.url('zoom')}/__sandbox/zoom/accounts/${encodeURIComponent(ROOM)}/scopes`));
    expect(scopes.scopes).toEqual(['user:read']);
    await fetch(`${sandbox.url('zoom-api')}/__sandbox/zoom/revoke`, { method: 'POST', body: JSON.stringify({ account: ROOM }) });
    expect(cloud.control.tokenIsLive(tokens.access_token)).toBe(false);
  });
});
