import { InteractionRequiredAuthError } from '@azure/msal-node';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControlClient } from './control-client';
import type { Sandbox } from './index';
import { accessTokenFor, graphClient, newPublicClient, signInWithDeviceCode, startTestSandbox } from './test-support';

const ROOM = 'boardroom4@contoso.com';
const WINDOW = { startDateTime: '2026-11-22T23:00:00Z', endDateTime: '2026-11-23T23:00:00Z' };

describe('fault injection', () => {
  let sandbox: Sandbox;
  let token = '';

  beforeEach(async () => {
    sandbox = await startTestSandbox({ seedAnchor: new Date('2026-11-23T10:10:00Z') });
    token = await accessTokenFor(sandbox, ROOM, ['User.Read', 'Calendars.Read']);
    sandbox.control.clearRequests();
  });
  afterEach(() => sandbox.close());

  const statuses = () => sandbox.control.requests({ service: 'graph' }).map((r) => r.status);

  it('throttles Graph with 429 + Retry-After; the SDK waits and retries', async () => {
    sandbox.control.addFault({ service: 'graph', path: '/calendarView$', action: { type: 'status', status: 429, retryAfter: 1 } });
    const started = Date.now();
    const page = (await graphClient(sandbox, () => token).api('/me/calendarView').query(WINDOW).get()) as { value: unknown[] };
    expect(page.value.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(statuses()).toEqual([429, 200]);
  });

  it('gives up after the SDK’s three retries on a persistent 503, with Graph’s error body', async () => {
    sandbox.control.addFault({ service: 'graph', path: '^/v1\\.0/me$', times: 10, action: { type: 'status', status: 503, retryAfter: 0 } });
    const error = await graphClient(sandbox, () => token).api('/me').get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: 503, code: 'ServiceUnavailable' });
    expect(statuses()).toEqual([503, 503, 503, 503]);
  });

  it('sends Entra’s temporarily_unavailable body and Retry-After from the token endpoint', async () => {
    sandbox.control.addFault({ service: 'entra', method: 'POST', path: '/oauth2/v2\\.0/token$', action: { type: 'status', status: 503, retryAfter: 1 } });
    const response = await fetch(`${sandbox.urls.entra}/${sandbox.tenant}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ client_id: sandbox.clientId }) });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ error: 'temporarily_unavailable', error_codes: [90033] });
  });

  it('forces invalid_grant on a refresh: msal reports interaction required', async () => {
    const pca = newPublicClient(sandbox);
    const first = await signInWithDeviceCode(pca, sandbox, { account: ROOM, scopes: ['User.Read'] });
    if (!first?.account) throw new Error('sign-in failed');
    sandbox.control.addFault({ service: 'entra', path: '/token$', action: { type: 'oauth', error: 'invalid_grant' } });
    const error = await pca.acquireTokenSilent({ account: first.account, scopes: ['User.Read'], forceRefresh: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect(sandbox.control.tokenIsLive(first.accessToken)).toBe(true); // a forced error changes no state
  });

  it('delays, hangs and resets', async () => {
    const url = `${sandbox.urls.graph}/v1.0/me`;
    const headers = { authorization: `Bearer ${token}` };
    sandbox.control.addFault({ service: 'graph', path: '^/v1\\.0/me$', action: { type: 'delay', ms: 300 } });
    const started = Date.now();
    expect((await fetch(url, { headers })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    sandbox.control.addFault({ service: 'graph', path: '^/v1\\.0/me$', action: { type: 'hang' } });
    const hung = await fetch(url, { headers, signal: AbortSignal.timeout(300) }).catch((e: unknown) => e);
    expect(hung).toMatchObject({ name: 'TimeoutError' });

    sandbox.control.addFault({ service: 'graph', path: '^/v1\\.0/me$', action: { type: 'reset' } });
    const reset = await fetch(url, { headers }).catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(TypeError); // undici: "fetch failed", cause ECONNRESET / SocketError

    expect((await fetch(url, { headers })).status).toBe(200); // each fault fired once, as asked
    expect(statuses()).toEqual([200, null, null, 200]);
  });

  it('applies a write, then answers 504 (applyThenFail): the event exists though the client was told it failed', async () => {
    const writer = await accessTokenFor(sandbox, ROOM, ['Calendars.ReadWrite']);
    sandbox.control.addFault({ service: 'graph', method: 'POST', path: '/events$', action: { type: 'applyThenFail' } });
    const subject = 'Committed, answer lost';
    const body = JSON.stringify({ subject, start: { dateTime: '2026-11-23T20:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-23T20:30:00', timeZone: 'UTC' } });
    const response = await fetch(`${sandbox.urls.graph}/v1.0/me/events`, { method: 'POST', headers: { authorization: `Bearer ${writer}`, 'content-type': 'application/json' }, body });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String) } });
    expect(sandbox.control.events(ROOM).filter((e) => e.subject === subject)).toHaveLength(1);
    expect(statuses()).toEqual([504]);
  });

  it('answers in each service’s own words: Zoom’s error body for an applyThenFail on its API', async () => {
    sandbox.control.addFault({ service: 'zoom-api', method: 'POST', path: '/meetings$', action: { type: 'applyThenFail', status: 503 } });
    const before = sandbox.control.zoom.meetings().length;
    const response = await fetch(`${sandbox.urls['zoom-api']}/v2/users/me/meetings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    // No token: the handler refuses, so nothing is committed, and the fault still answers with its status.
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 503 });
    expect(sandbox.control.zoom.meetings()).toHaveLength(before);
  });

  it('refuses faults it cannot honour', () => {
    expect(() => sandbox.control.addFault({ service: 'graph', path: '.', action: { type: 'oauth', error: 'invalid_grant' } })).toThrow(/no OAuth endpoint/);
    expect(() => sandbox.control.addFault({ service: 'graph', path: '(', action: { type: 'hang' } })).toThrow();
  });
});

describe('control over HTTP', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startTestSandbox({ seedAnchor: new Date('2026-11-23T10:10:00Z') });
  });
  afterEach(() => sandbox.close());

  it('offers the in-process operations on every listener', async () => {
    const viaGraph = createControlClient(sandbox.urls.graph);
    const viaEntra = createControlClient(sandbox.urls.entra);
    const { control: _control, close: _close, google, ...rest } = sandbox;
    const { config: _config, ...googleInfo } = google;
    expect(await (await fetch(`${sandbox.urls.entra}/__sandbox/info`)).json()).toEqual({ ...rest, google: googleInfo });

    await viaGraph.addFault({ service: 'entra', path: '/devicecode$', action: { type: 'status', status: 429, retryAfter: 1 } });
    const throttled = await fetch(`${sandbox.urls.entra}/${sandbox.tenant}/oauth2/v2.0/devicecode`, { method: 'POST', body: new URLSearchParams({ client_id: sandbox.clientId, scope: 'User.Read' }) });
    expect(throttled.status).toBe(429);
    const deviceCode = (await (
      await fetch(`${sandbox.urls.entra}/${sandbox.tenant}/oauth2/v2.0/devicecode`, { method: 'POST', body: new URLSearchParams({ client_id: sandbox.clientId, scope: 'User.Read offline_access' }) })
    ).json()) as { user_code: string };
    expect((await viaEntra.requests({ service: 'entra' })).map((r) => [r.status, r.scopes])).toEqual([
      [429, ['User.Read']],
      [200, ['User.Read', 'offline_access']],
    ]);

    await viaEntra.approveDeviceCode({ userCode: deviceCode.user_code, account: ROOM, consent: true });
    expect(await viaGraph.grantedScopes(ROOM)).toEqual(['User.Read']);
    await expect(viaGraph.approveDeviceCode({ userCode: deviceCode.user_code, account: ROOM, consent: true })).rejects.toThrow(/already approved/);
    await expect(viaGraph.grantedScopes('nobody@contoso.com')).rejects.toThrow(/unknown account/);

    const created = await viaGraph.addEvent(ROOM, { subject: 'HTTP booking', start: { dateTime: '2026-11-23T20:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-23T20:30:00', timeZone: 'UTC' } });
    await viaGraph.updateEvent(ROOM, created.id ?? '', { subject: 'HTTP booking (moved)' });
    expect((await viaEntra.events(ROOM)).find((e) => e.id === created.id)?.subject).toBe('HTTP booking (moved)');
    await viaGraph.deleteEvent(ROOM, created.id ?? '');
    expect(sandbox.control.events(ROOM).some((e) => e.id === created.id)).toBe(false);

    await viaGraph.revoke(ROOM);
    expect(await viaGraph.tokenIsLive('not-a-token')).toBe(false);
    await viaGraph.clearRequests();
    await viaGraph.clearFaults();
    expect(await viaGraph.requests()).toEqual([]);
  });
});
