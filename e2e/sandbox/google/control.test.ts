import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from './calendar/model';
import { SCOPES } from './scopes';
import { signIn, startGoogleTestSandbox, type GoogleTestSandbox } from './test-support';

const ROOM = 'room.atlas@fabrikam.example';

/** The same control operations over HTTP, for tests in another process (Playwright driving the kiosk). */
describe('Google control routes under /__sandbox/google/', () => {
  let sandbox: GoogleTestSandbox;
  let events = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.origins.apis}/__sandbox/google${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as unknown };
  };

  beforeAll(async () => {
    sandbox = await startGoogleTestSandbox();
    events = `/calendars/${encodeURIComponent(sandbox.cloud.room.calendarId)}/events`;
  });
  afterAll(() => sandbox.close());

  it('adds, moves and cancels events, and lists what is stored', async () => {
    const added = await call('POST', events, { summary: 'From a test', organizer: { email: 'marco.ferri@fabrikam.example', displayName: 'Marco Ferri' }, start: { dateTime: '2026-11-23T18:00:00Z' }, end: { dateTime: '2026-11-23T18:30:00Z' } });
    expect(added).toMatchObject({ status: 201, body: { summary: 'From a test', organizer: { email: 'marco.ferri@fabrikam.example' } } });
    const id = (added.body as ApiEvent).id ?? '';
    expect(await call('PATCH', `${events}/${id}`, { summary: 'Moved by a test' })).toMatchObject({ status: 200, body: { summary: 'Moved by a test' } });
    expect((await call('DELETE', `${events}/${id}`)).status).toBe(204);
    const stored = (await call('GET', events)).body as ApiEvent[];
    expect(stored.find((event) => event.id === id)?.status).toBe('cancelled');
    expect(await call('DELETE', `${events}/${id}`)).toMatchObject({ status: 400, body: { error: 'Resource has been deleted' } });
  });

  it('lists what a fresh singleEvents listing would: the series expanded, a moved occurrence in its place, a cancelled one gone', async () => {
    const series = (await call('POST', events, { summary: 'Morning sync', start: { dateTime: '2026-11-23T09:00:00', timeZone: 'Europe/Rome' }, end: { dateTime: '2026-11-23T09:15:00', timeZone: 'Europe/Rome' }, recurrence: ['RRULE:FREQ=DAILY;COUNT=3'] })).body as ApiEvent;
    await call('PATCH', `${events}/${series.id ?? ''}_20261124T080000Z`, { start: { dateTime: '2026-11-24T11:00:00+01:00' }, end: { dateTime: '2026-11-24T11:15:00+01:00' } });
    await call('DELETE', `${events}/${series.id ?? ''}_20261125T080000Z`);
    const listed = await call('GET', `/calendars/${encodeURIComponent(sandbox.cloud.room.calendarId)}/instances?start=2026-11-22T23:00:00Z&end=2026-11-25T23:00:00Z`);
    const ours = (listed.body as ApiEvent[]).filter((event) => event.recurringEventId === series.id);
    expect(ours.map((event) => event.start?.dateTime)).toEqual(['2026-11-23T09:00:00+01:00', '2026-11-24T11:00:00+01:00']);
    expect(await call('GET', `/calendars/${encodeURIComponent(sandbox.cloud.room.calendarId)}/instances?start=tomorrow`)).toMatchObject({ status: 400 });
  });

  it('reports and revokes grants, checks tokens, and arms sync-token and conference behaviour', async () => {
    const { tokens } = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarReadonly] });
    expect(await call('GET', `/accounts/${ROOM}/scopes`)).toEqual({ status: 200, body: { account: ROOM, scopes: [SCOPES.calendarReadonly] } });
    expect(await call('POST', '/tokens/live', { token: tokens.access_token })).toEqual({ status: 200, body: { live: true } });
    expect((await call('POST', '/revoke', { account: ROOM })).status).toBe(204);
    expect(await call('POST', '/tokens/live', { token: tokens.refresh_token })).toEqual({ status: 200, body: { live: false } });
    expect((await call('POST', '/sync-tokens/invalidate')).status).toBe(204);
    expect((await call('POST', '/conferences/pending', { reads: 2 })).status).toBe(204);
    expect(await call('POST', '/conferences/pending', { reads: -1 })).toMatchObject({ status: 400 });
    expect(await call('GET', '/accounts/nobody@fabrikam.example/scopes')).toMatchObject({ status: 400, body: { error: expect.stringContaining('unknown Google account') } });
  });
});
