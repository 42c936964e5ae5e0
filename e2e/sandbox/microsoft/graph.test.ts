import type { Calendar, Event } from '@microsoft/microsoft-graph-types';
import { PageIterator, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../index';
import { accessTokenFor, graphClient, graphFailure, startTestSandbox } from '../test-support';

const ANCHOR = new Date('2026-11-23T10:10:00Z'); // Monday; 11:10 in Rome, 05:10 in New York
const ROOM = 'boardroom4@contoso.com';
const HUDDLE = 'huddle2@contoso.com';
const ADMIN = 'it.admin@contoso.com';
/** The anchor day in Rome (CET, UTC+1) as a UTC window: the Graph client does not URL-encode query values. */
const ROME_DAY = { startDateTime: '2026-11-22T23:00:00.000Z', endDateTime: '2026-11-23T23:00:00.000Z' };
const NEW_YORK_DAY = { startDateTime: '2026-11-23T05:00:00.000Z', endDateTime: '2026-11-24T05:00:00.000Z' };

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

async function collectAll(client: Client, path: string, query: Record<string, string>, headers: Record<string, string>): Promise<Event[]> {
  const events: Event[] = [];
  const first = (await client.api(path).query(query).headers(headers).get()) as Page<Event>;
  const iterator = new PageIterator(client, first, (event: Event) => {
    events.push(event);
    return true;
  }, { headers });
  await iterator.iterate();
  return events;
}

function instant(value: Event['start']): number {
  expect(value?.timeZone).toBe('UTC');
  return new Date(`${value?.dateTime ?? ''}Z`).getTime();
}

describe('Graph stand-in with the real Graph SDK', () => {
  let sandbox: Sandbox;
  let room: Client;
  let admin: Client;
  let adminToken = '';

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    const roomToken = await accessTokenFor(sandbox, ROOM, ['User.Read', 'Calendars.Read']);
    adminToken = await accessTokenFor(sandbox, ADMIN, ['User.Read', 'Calendars.Read']);
    room = graphClient(sandbox, () => roomToken);
    admin = graphClient(sandbox, () => adminToken);
  });
  afterAll(() => sandbox.close());

  it('returns the signed-in user', async () => {
    const me = (await room.api('/me').get()) as Record<string, unknown>;
    expect(me).toMatchObject({ displayName: 'Boardroom 4', mail: ROOM, userPrincipalName: ROOM });
    expect(me['id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists a room its own calendar, and the admin the room calendars shared with it', async () => {
    const own = ((await room.api('/me/calendars').get()) as Page<Calendar>).value;
    expect(own).toEqual([expect.objectContaining({ name: 'Calendar', isDefaultCalendar: true, canEdit: true, owner: { name: 'Boardroom 4', address: ROOM } })]);

    const adminCalendars = ((await admin.api('/me/calendars').get()) as Page<Calendar>).value;
    expect(adminCalendars.map((c) => [c.name, c.owner?.address, c.canEdit, c.isDefaultCalendar])).toEqual([
      ['Calendar', ADMIN, true, true],
      ['Boardroom 4', ROOM, false, false],
      ['Huddle 2', HUDDLE, false, false],
      ['Focus Room 1', 'focus1@contoso.com', false, false],
    ]);
  });

  it('pages the day with odata.maxpagesize and converts times with Prefer: outlook.timezone', async () => {
    sandbox.control.clearRequests();
    const headers = { Prefer: 'outlook.timezone="W. Europe Standard Time", odata.maxpagesize=3' };
    const events = await collectAll(room, '/me/calendarView', ROME_DAY, headers);

    expect(events).toHaveLength(7);
    const requests = sandbox.control.requests({ service: 'graph' });
    expect(requests).toHaveLength(3);
    expect(requests.slice(1).every((r) => r.query['$skiptoken'] !== undefined && r.query['startDateTime'] === ROME_DAY.startDateTime)).toBe(true);
    expect(events.every((e) => e.start?.timeZone === 'W. Europe Standard Time')).toBe(true);
    const qbr = events.find((e) => e.subject === 'Quarterly business review');
    expect(qbr?.start?.dateTime).toBe('2026-11-23T10:30:00.0000000'); // in progress at 11:10 Rome time
    expect(qbr?.end?.dateTime).toBe('2026-11-23T11:30:00.0000000');
  });

  it('seeds a live day in each room: one meeting in progress at the anchor, one starting within two hours', async () => {
    const huddleToken = await accessTokenFor(sandbox, HUDDLE, ['Calendars.Read']);
    const days = [
      { client: room, window: ROME_DAY, now: 'Quarterly business review', next: 'Design sync' },
      { client: graphClient(sandbox, () => huddleToken), window: NEW_YORK_DAY, now: 'Customer escalation — Northwind', next: 'Sprint planning' },
    ];
    for (const day of days) {
      const events = ((await day.client.api('/me/calendarView').query({ ...day.window, $top: '50' }).get()) as Page<Event>).value;
      const at = ANCHOR.getTime();
      const timed = events.filter((e) => !e.isAllDay);
      expect(timed.filter((e) => instant(e.start) <= at && instant(e.end) > at).map((e) => e.subject)).toEqual([day.now]);
      expect(timed.filter((e) => instant(e.start) > at && instant(e.start) - at <= 2 * 3600_000).map((e) => e.subject)).toEqual([day.next]);
    }
  });

  it('carries a Teams meeting and invitation bodies for Zoom, Webex, Google Meet and GoTo', async () => {
    const events = ((await room.api('/me/calendarView').query({ ...ROME_DAY, $top: '50' }).get()) as Page<Event>).value;
    const teams = events.find((e) => e.isOnlineMeeting);
    expect(teams).toMatchObject({ onlineMeetingProvider: 'teamsForBusiness', subject: 'Quarterly business review' });
    expect(teams?.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_[A-Za-z0-9]+%40thread\.v2\/0\?context=%7b%22Tid%22%3a%22/);
    const bodies = events.map((e) => e.body?.content ?? '').join('\n');
    expect(bodies).toMatch(/https:\/\/contoso\.zoom\.us\/j\/8\d{10}\?pwd=\w+\.1/);
    expect(bodies).toMatch(/safelinks\.protection\.outlook\.com\/\?url=https%3A%2F%2Fcontoso\.webex\.com%2Fcontoso%2Fj\.php%3FMTID%3Dm[0-9a-f]{32}/);
    expect(bodies).toMatch(/https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}/);
    expect(bodies).toMatch(/https:\/\/meet\.goto\.com\/\d{9}/);
    expect(events.find((e) => e.sensitivity === 'private')?.subject).toBe('Performance review');
    expect(events.find((e) => e.showAs === 'tentative')?.responseStatus?.response).toBe('tentativelyAccepted');
    const standup = events.find((e) => e.subject === 'Ops stand-up');
    expect(standup).toMatchObject({ type: 'occurrence', seriesMasterId: expect.stringMatching(/^AAMkA/) });
  });

  it('keeps all-day events floating and converts timed ones to IANA zones too', async () => {
    const token = await accessTokenFor(sandbox, HUDDLE, ['Calendars.Read']);
    const huddle = graphClient(sandbox, () => token);
    const events = ((await huddle.api('/me/calendar/calendarView').query({ ...NEW_YORK_DAY, $top: '50' }).header('Prefer', 'outlook.timezone="America/New_York"').get()) as Page<Event>).value;
    const allDay = events.find((e) => e.isAllDay);
    expect(allDay?.start).toEqual({ dateTime: '2026-11-23T00:00:00.0000000', timeZone: 'America/New_York' });
    expect(allDay?.end).toEqual({ dateTime: '2026-11-24T00:00:00.0000000', timeZone: 'America/New_York' });
    expect(events.find((e) => e.subject === 'Customer escalation — Northwind')?.start).toEqual({ dateTime: '2026-11-23T04:30:00.0000000', timeZone: 'America/New_York' });
  });

  it('requires the time window', async () => {
    const error = await graphFailure(room.api('/me/calendarView').get());
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('ErrorInvalidParameter');
  });

  it('needs Calendars.Read.Shared for another user’s calendar', async () => {
    const path = `/users/${ROOM}/calendar/calendarView`;
    const denied = await graphFailure(admin.api(path).query(ROME_DAY).get());
    expect([denied.statusCode, denied.code]).toEqual([403, 'ErrorAccessDenied']);

    const sharedToken = await accessTokenFor(sandbox, ADMIN, ['Calendars.Read.Shared']);
    const shared = graphClient(sandbox, () => sharedToken);
    const events = ((await shared.api(path).query({ ...ROME_DAY, $top: '50' }).get()) as Page<Event>).value;
    expect(events).toHaveLength(7);
    const roomCalendar = ((await shared.api('/me/calendars').get()) as Page<Calendar>).value.find((c) => c.owner?.address === ROOM);
    const viaList = ((await shared.api(`/me/calendars/${roomCalendar?.id ?? ''}/calendarView`).query({ ...ROME_DAY, $top: '50' }).get()) as Page<Event>).value;
    expect(viaList.map((e) => e.id)).toEqual(events.map((e) => e.id));

    const notShared = await graphFailure(shared.api(`/users/${HUDDLE}/calendars/x/calendarView`).query(ROME_DAY).get());
    expect(notShared.statusCode).toBe(403);
  });

  it('honours $select loosely: the selected keys plus id and etag', async () => {
    const events = ((await room.api('/me/calendarView').query(ROME_DAY).select(['subject', 'start']).top(1).get()) as Page<Record<string, unknown>>).value;
    expect(Object.keys(events[0] ?? {}).sort()).toEqual(['@odata.etag', 'id', 'start', 'subject']);
  });

  it('returns text bodies with Outlook-style inline links on request', async () => {
    const events = ((await room.api('/me/calendarView').query({ ...ROME_DAY, $top: '50' }).header('Prefer', 'outlook.body-content-type="text"').get()) as Page<Event>).value;
    const zoom = events.find((e) => e.subject === 'Design sync');
    expect(zoom?.body?.contentType).toBe('text');
    expect(zoom?.body?.content).toMatch(/\r\nJoin Zoom Meeting\r\nhttps:\/\/contoso\.zoom\.us\/j\/\d+\?pwd=\S+<https:\/\/contoso\.zoom\.us\/j\/\d+\?pwd=\S+>\r\n/);
  });

  it('reflects calendar edits made through the control API', async () => {
    const created = sandbox.control.addEvent(ROOM, {
      subject: 'Walk-in booking',
      start: { dateTime: '2026-11-23T19:00:00', timeZone: 'Europe/Rome' },
      end: { dateTime: '2026-11-23T19:30:00', timeZone: 'Europe/Rome' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(created.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const view = async () => ((await room.api('/me/calendarView').query({ ...ROME_DAY, $top: '50' }).get()) as Page<Event>).value;
    expect((await view()).find((e) => e.id === created.id)?.subject).toBe('Walk-in booking');

    sandbox.control.updateEvent(ROOM, created.id ?? '', { subject: 'Walk-in booking (extended)', end: { dateTime: '2026-11-23T20:00:00', timeZone: 'Europe/Rome' } });
    expect((await view()).find((e) => e.id === created.id)).toMatchObject({ subject: 'Walk-in booking (extended)', end: { dateTime: '2026-11-23T19:00:00.0000000', timeZone: 'UTC' } });

    sandbox.control.deleteEvent(ROOM, created.id ?? '');
    expect((await view()).some((e) => e.id === created.id)).toBe(false);
    expect(() => sandbox.control.addEvent(ROOM, { subject: 'no times' })).toThrow(/start and end/);
  });

  it('speaks Graph errors for unknown paths and missing tokens', async () => {
    const unknown = await fetch(`${sandbox.urls.graph}/v1.0/me/nonsense`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'BadRequest', message: "Resource not found for the segment 'nonsense'." } });
    const anonymous = await fetch(`${sandbox.urls.graph}/v1.0/me`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('accepts an unencoded "+" offset in the window (it arrives as a space)', async () => {
    const url = `${sandbox.urls.graph}/v1.0/me/calendarView?startDateTime=2026-11-23T00:00:00+01:00&endDateTime=2026-11-24T00:00:00+01:00&$top=50`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(response.status).toBe(200);
  });
});
