import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeDifferences, type ShapeOptions } from '../core/shape';
import type { Sandbox } from '../index';
import { startTestSandbox } from '../test-support';

/** Live responses against the docs' example payloads in ./fixtures (see fixtures/SOURCES.md). */

const FIXTURES = join(import.meta.dirname, 'fixtures');
const ROOM = 'boardroom4@contoso.com';
const WINDOW = 'startDateTime=2026-11-22T23:00:00Z&endDateTime=2026-11-23T23:00:00Z&$top=50';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;
}

function expectConforms(name: string, live: unknown, options: ShapeOptions = {}): void {
  expect(shapeDifferences(fixture(name), live, options), name).toEqual([]);
}

describe('conformance with the documented payloads', () => {
  let sandbox: Sandbox;
  let token = '';
  const entra = (path: string) => `${sandbox.urls.entra}/${sandbox.tenant}${path}`;
  const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields) });
  const graph = async (path: string, init: RequestInit = {}) =>
    (await fetch(`${sandbox.urls.graph}/v1.0${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } })).json() as Promise<unknown>;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ seedAnchor: new Date('2026-11-23T10:10:00Z') });
  });
  afterAll(() => sandbox.close());

  it('Entra: discovery, device code, token and error bodies', async () => {
    expectConforms('entra/openid-configuration.json', await (await fetch(entra('/v2.0/.well-known/openid-configuration'))).json(), { allowExtra: 'any' });

    const deviceCode = (await (await fetch(entra('/oauth2/v2.0/devicecode'), form({ client_id: sandbox.clientId, scope: 'User.Read Calendars.Read openid profile offline_access' }))).json()) as Record<string, string>;
    expectConforms('entra/devicecode-response.json', deviceCode);

    sandbox.control.approveDeviceCode({ userCode: deviceCode['user_code'] ?? '', account: ROOM, consent: true });
    const tokens = (await (
      await fetch(entra('/oauth2/v2.0/token'), form({ client_id: sandbox.clientId, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode['device_code'] ?? '', scope: 'User.Read openid profile offline_access' }))
    ).json()) as Record<string, string>;
    expectConforms('entra/token-response.json', tokens, { allowExtra: ['ext_expires_in', 'client_info'] });
    token = tokens['access_token'] ?? '';

    const error = await (await fetch(entra('/oauth2/v2.0/token'), form({ client_id: 'nope', grant_type: 'refresh_token' }))).json();
    expectConforms('entra/error-response.json', error, { allowExtra: ['error_uri'] });
  });

  it('Graph: user, calendars, event with an online meeting, throttling error', async () => {
    // Room mailboxes have no given name, surname, job title or language: Graph sends null for them.
    expectConforms('graph/user-me.json', await graph('/me'), { nullable: ['givenName', 'surname', 'jobTitle', 'preferredLanguage'] });
    expectConforms('graph/calendars-list.json', await graph('/me/calendars'), { allowExtra: ['value[].isDefaultCalendar'] });
    expectConforms('graph/calendar-get.json', await graph('/me/calendar'), { allowExtra: ['hexColor', 'isDefaultCalendar'] });

    const view = (await graph(`/me/calendarView?${WINDOW}`, { headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' } })) as { value: Event[] };
    const teams = view.value.find((event) => event.isOnlineMeeting);
    const { '@odata.context': _context, ...documentedEvent } = fixture('graph/event-online-meeting.json') as Record<string, unknown>;
    expect(
      shapeDifferences(documentedEvent, teams, {
        allowExtra: ['transactionId', 'isDraft', 'hideAttendees', 'location.locationEmailAddress', 'locations[].locationEmailAddress'],
      }),
    ).toEqual([]);

    sandbox.control.addFault({ service: 'graph', path: '^/v1\\.0/me$', action: { type: 'status', status: 429, retryAfter: 2 } });
    expectConforms('graph/error-throttled.json', await graph('/me'), { allowExtra: ['error.innerError.client-request-id'] });
  });
});
