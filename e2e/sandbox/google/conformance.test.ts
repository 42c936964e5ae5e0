import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { calendar_v3 } from '@googleapis/calendar';
import { CodeChallengeMethod } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeDifferences, type ShapeOptions } from '../core/shape';
import calendarListEntry from './fixtures/calendar/calendar-list-entry.json';
import meetEvent from './fixtures/calendar/event-meet.json';
import eventsList from './fixtures/calendar/events-list.json';
import { SCOPES } from './scopes';
import { completeInBrowser, oauthClient, startGoogleTestSandbox, startLoopback, type GoogleTestSandbox } from './test-support';

/** Live responses against the docs' payloads in ./fixtures (see fixtures/SOURCES.md). */

// The assembled fixtures must stay valid for the client library's types: a renamed field fails tsc here.
const typed: readonly [calendar_v3.Schema$Event, calendar_v3.Schema$Events, calendar_v3.Schema$CalendarListEntry] = [meetEvent, eventsList, calendarListEntry];

const FIXTURES = join(import.meta.dirname, 'fixtures');
const ANCHOR = new Date('2026-11-23T09:10:00Z');
const ROOM = 'room.atlas@fabrikam.example';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;
}

function expectConforms(name: string, live: unknown, options: ShapeOptions = {}): void {
  expect(shapeDifferences(fixture(name), live, options), name).toEqual([]);
}

/** Live Calendar errors carry the canonical `status` the docs' samples predate (and `details` for scope errors). */
const LIVE_ERROR_EXTRAS: ShapeOptions = { allowExtra: ['error.status'] };

describe('Google conformance with the documented payloads', () => {
  let sandbox: GoogleTestSandbox;
  let token = '';
  let refreshToken = '';
  let resource = '';
  const post = (url: string, fields: Record<string, string>) => fetch(url, { method: 'POST', body: new URLSearchParams(fields) }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${sandbox.config.calendarRootUrl}calendar/v3${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    const text = await response.text();
    return text === '' ? null : (JSON.parse(text) as unknown);
  };
  const events = () => `/calendars/${encodeURIComponent(resource)}/events`;

  beforeAll(async () => {
    sandbox = await startGoogleTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    resource = sandbox.cloud.room.calendarId;
  });
  afterAll(() => sandbox.close());

  it('OAuth: code exchange, refresh and device-code responses', async () => {
    expect(typed).toHaveLength(3);
    const loopback = await startLoopback();
    try {
      const client = oauthClient(sandbox, loopback.redirectUri);
      const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
      const url = client.generateAuthUrl({ access_type: 'offline', scope: [SCOPES.calendarReadonly, SCOPES.calendarEvents], code_challenge: codeChallenge, code_challenge_method: CodeChallengeMethod.S256 });
      await completeInBrowser(url, { account: ROOM, decision: 'accept' });
      const code = (await loopback.received).get('code') ?? '';
      const app = { client_id: sandbox.cloud.app.clientId, client_secret: sandbox.cloud.app.clientSecret };
      const tokens = await post(sandbox.config.endpoints.oauth2TokenUrl, { ...app, code, code_verifier: codeVerifier, redirect_uri: loopback.redirectUri, grant_type: 'authorization_code' });
      expectConforms('oauth/token-response.json', tokens);
      token = String(tokens['access_token']);
      refreshToken = String(tokens['refresh_token']);
      expectConforms('oauth/refresh-response.json', await post(sandbox.config.endpoints.oauth2TokenUrl, { ...app, refresh_token: refreshToken, grant_type: 'refresh_token' }));
      expectConforms('oauth/device-code-response.json', await post(`${sandbox.origins.oauth}/device/code`, { client_id: app.client_id, scope: 'openid email' }));
    } finally {
      await loopback.close();
    }
  });

  it('Calendar: event with Meet, events list, calendar list entry', async () => {
    const list = (await api(`${events()}?singleEvents=true&timeMin=2026-11-23T00:00:00%2B01:00&timeMax=2026-11-24T00:00:00%2B01:00`)) as calendar_v3.Schema$Events;
    expectConforms('calendar/events-list.json', list);
    const meet = list.items?.find((event) => event.hangoutLink);
    expectConforms('calendar/event-meet.json', meet, {
      allowExtra: ['attendees[].organizer', 'attendees[].self', 'attendees[].resource', 'organizer.self', 'conferenceData.entryPoints[].label', 'conferenceData.entryPoints[].pin', 'conferenceData.entryPoints[].regionCode'],
    });
    const calendars = (await api('/users/me/calendarList')) as calendar_v3.Schema$CalendarList;
    expectConforms('calendar/calendar-list-entry.json', calendars.items?.find((item) => item.id === resource), { allowExtra: ['description'] });
  });

  it('Calendar: the error guide\'s bodies', async () => {
    expectConforms('calendar/error-bad-request.json', await api(`${events()}?timeMin=2026-11-24T00:00:00Z&timeMax=2026-11-23T00:00:00Z`));
    expectConforms('calendar/error-not-found.json', await api(`${events()}/nosucheventid`));
    const body = JSON.stringify({ id: 'conformance0001', start: { dateTime: '2026-11-23T23:00:00Z' }, end: { dateTime: '2026-11-23T23:30:00Z' } });
    await api(events(), { method: 'POST', body });
    expectConforms('calendar/error-duplicate.json', await api(events(), { method: 'POST', body }));
    await api(`${events()}/conformance0001`, { method: 'DELETE' });
    expectConforms('calendar/error-deleted.json', await api(`${events()}/conformance0001`, { method: 'DELETE' }));

    const full = (await api(`${events()}?singleEvents=true`)) as calendar_v3.Schema$Events;
    sandbox.control.google.invalidateSyncTokens();
    expectConforms('calendar/error-full-sync-required.json', await api(`${events()}?singleEvents=true&syncToken=${encodeURIComponent(full.nextSyncToken ?? '')}`));

    sandbox.control.addFault({ service: 'google-apis', path: '/events$', action: { type: 'status', status: 429, retryAfter: 1 } });
    expectConforms('calendar/error-rate-limit.json', await api(events()));
    sandbox.control.addFault({ service: 'google-apis', path: '/events$', action: { type: 'status', status: 500 } });
    expectConforms('calendar/error-backend.json', await api(events()));

    const unauthenticated = await fetch(`${sandbox.config.calendarRootUrl}calendar/v3${events()}`, { headers: { authorization: 'Bearer ya29.expired' } });
    expectConforms('calendar/error-invalid-credentials.json', await unauthenticated.json(), LIVE_ERROR_EXTRAS);
  });
});
