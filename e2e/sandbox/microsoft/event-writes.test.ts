import type { Calendar, Event } from '@microsoft/microsoft-graph-types';
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../index';
import { accessTokenFor, graphClient, graphFailure, startTestSandbox } from '../test-support';

const ANCHOR = new Date('2026-11-23T10:10:00Z');
const ROOM = 'boardroom4@contoso.com';
const ADMIN = 'it.admin@contoso.com';
const SLOT = { start: { dateTime: '2026-11-23T15:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-23T15:30:00', timeZone: 'UTC' } };
const VIEW = { startDateTime: '2026-11-23T14:00:00.000Z', endDateTime: '2026-11-23T17:00:00.000Z' };

interface Page<T> {
  value: T[];
}

describe('Graph event writes with the real Graph SDK', () => {
  let sandbox: Sandbox;
  let room: Client;
  let admin: Client;

  const countOf = (subject: string): number => sandbox.control.events(ROOM).filter((event) => event.subject === subject).length;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    const [roomToken, adminToken] = await Promise.all([accessTokenFor(sandbox, ROOM, ['Calendars.ReadWrite']), accessTokenFor(sandbox, ADMIN, ['Calendars.ReadWrite.Shared'])]);
    room = graphClient(sandbox, () => roomToken);
    admin = graphClient(sandbox, () => adminToken);
  });
  afterAll(() => sandbox.close());

  it('creates with 201 and the full event, visible to calendarView', async () => {
    const created = (await room.api('/me/events').post({ subject: 'Walk-in', ...SLOT, showAs: 'busy' })) as Event;

    expect(created).toMatchObject({ subject: 'Walk-in', showAs: 'busy', type: 'singleInstance', isOrganizer: true, organizer: { emailAddress: { address: ROOM } } });
    expect(created.start).toEqual({ dateTime: '2026-11-23T15:00:00.0000000', timeZone: 'UTC' });
    expect(created).not.toHaveProperty('transactionId');
    const view = ((await room.api('/me/calendarView').query(VIEW).get()) as Page<Event>).value;
    expect(view.map((event) => event.id)).toContain(created.id);
  });

  it('deduplicates a repeated POST by transactionId: the replay returns the first event', async () => {
    const body = { subject: 'Tapped twice', ...SLOT, transactionId: 'c8a3b2f4-2a59-4f5e-9a4e-0d1c7e6b9f10' };
    const first = (await room.api('/me/events').post(body)) as Event;
    const replay = (await room.api('/me/calendar/events').post({ ...body, subject: 'Tapped twice (retry)' })) as Event;

    expect(replay.id).toBe(first.id);
    expect(first.transactionId).toBe(body.transactionId);
    expect(countOf('Tapped twice')).toBe(1);
    expect(countOf('Tapped twice (retry)')).toBe(0);
  });

  it('initializes a Teams meeting on create with isOnlineMeeting, once: a transactionId replay has the same join URL', async () => {
    const body = { subject: 'Meet now (Teams)', ...SLOT, isOnlineMeeting: true, transactionId: 'f1d7c0de-0b1e-4d2a-8c7e-5a9b3c2d1e00' };
    const first = (await room.api('/me/events').post(body)) as Event;
    expect(first).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', onlineMeetingUrl: null });
    expect(first.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_[A-Za-z0-9]+%40thread\.v2\/0\?context=%7b%22Tid%22%3a%22/);
    expect(first.onlineMeeting?.conferenceId).toMatch(/^\d{9}$/);

    const replay = (await room.api('/me/events').post({ ...body, onlineMeetingProvider: 'teamsForBusiness' })) as Event;
    expect([replay.id, replay.onlineMeeting?.joinUrl]).toEqual([first.id, first.onlineMeeting?.joinUrl]);
    expect(countOf('Meet now (Teams)')).toBe(1);
    const view = ((await room.api('/me/calendarView').query(VIEW).get()) as Page<Event>).value;
    expect(view.find((event) => event.id === first.id)?.onlineMeeting?.joinUrl).toBe(first.onlineMeeting?.joinUrl);
  });

  it('keeps onlineMeeting server-owned: a client-sent join URL is ignored, and no meeting without isOnlineMeeting', async () => {
    const faked = (await room.api('/me/events').post({ subject: 'Fake link', ...SLOT, onlineMeeting: { joinUrl: 'https://example.com/x' } })) as Event;
    expect(faked).toMatchObject({ isOnlineMeeting: false, onlineMeetingProvider: 'unknown', onlineMeeting: null });
  });

  it('patches start/end/subject with 200 and deletes with 204; delta reports both', async () => {
    const deltaPath = `/me/calendarView/delta?startDateTime=${VIEW.startDateTime}&endDateTime=${VIEW.endDateTime}`;
    let page = (await room.api(deltaPath).get()) as Record<string, string>;
    while (page['@odata.nextLink']) page = (await room.api(page['@odata.nextLink']).get()) as Record<string, string>;
    const link = page['@odata.deltaLink'] ?? '';
    const created = (await room.api('/me/events').post({ subject: 'Ad hoc', ...SLOT })) as Event;
    const patched = (await room.api(`/me/events/${created.id ?? ''}`).patch({ subject: 'Ad hoc (extended)', end: { dateTime: '2026-11-23T16:00:00', timeZone: 'UTC' } })) as Event;
    expect(patched).toMatchObject({ id: created.id, subject: 'Ad hoc (extended)', end: { dateTime: '2026-11-23T16:00:00.0000000', timeZone: 'UTC' } });
    expect(patched.changeKey).not.toBe(created.changeKey);

    const round = (await room.api(link).get()) as Page<Event & { '@removed'?: unknown }>;
    expect(round.value.find((event) => event.id === created.id)).toMatchObject({ subject: 'Ad hoc (extended)' });

    await room.api(`/me/events/${created.id ?? ''}`).delete();
    expect(sandbox.control.events(ROOM).some((event) => event.id === created.id)).toBe(false);
    expect((await graphFailure(room.api(`/me/events/${created.id ?? ''}`).get())).statusCode).toBe(404);
  });

  it('rejects a start after the end with 400', async () => {
    const error = await graphFailure(room.api('/me/events').post({ subject: 'Backwards', start: SLOT.end, end: SLOT.start }));
    expect(error.statusCode).toBe(400);
  });

  it('writes to a shared room calendar with Calendars.ReadWrite.Shared only', async () => {
    const shared = ((await admin.api('/me/calendars').get()) as Page<Calendar>).value.find((calendar) => calendar.owner?.address === ROOM);
    const path = `/users/${ROOM}/calendars/${shared?.id ?? ''}/events`;
    const created = (await admin.api(path).post({ subject: 'Booked by IT', ...SLOT })) as Event;
    expect(created.organizer?.emailAddress?.address).toBe(ROOM);
    expect(countOf('Booked by IT')).toBe(1);
    await admin.api(`${path}/${created.id ?? ''}`).patch({ end: { dateTime: '2026-11-23T15:15:00', timeZone: 'UTC' } });
    expect(sandbox.control.events(ROOM).find((event) => event.id === created.id)?.end?.dateTime).toMatch(/^2026-11-23T15:15:00/);
  });
});

/** Entra puts every scope the account ever consented to in its tokens, so refusals need accounts that never got write. */
describe('Graph event writes without a write scope', () => {
  let sandbox: Sandbox;
  let room: Client;
  let admin: Client;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    const [roomToken, adminToken] = await Promise.all([accessTokenFor(sandbox, ROOM, ['Calendars.Read']), accessTokenFor(sandbox, ADMIN, ['Calendars.ReadWrite', 'Calendars.Read.Shared'])]);
    room = graphClient(sandbox, () => roomToken);
    admin = graphClient(sandbox, () => adminToken);
  });
  afterAll(() => sandbox.close());

  it('needs Calendars.ReadWrite for the own calendar: 403 with only Calendars.Read', async () => {
    const error = await graphFailure(room.api('/me/events').post({ subject: 'Refused', ...SLOT }));
    expect([error.statusCode, error.code]).toEqual([403, 'ErrorAccessDenied']);
    expect(sandbox.control.events(ROOM).some((event) => event.subject === 'Refused')).toBe(false);
  });

  it('needs Calendars.ReadWrite.Shared for a shared calendar, for create, update and delete', async () => {
    const shared = ((await admin.api('/me/calendars').get()) as Page<Calendar>).value.find((calendar) => calendar.owner?.address === ROOM);
    const path = `/me/calendars/${shared?.id ?? ''}/events`;
    expect((await graphFailure(admin.api(path).post({ subject: 'Not shared-write', ...SLOT }))).statusCode).toBe(403);
    const existing = sandbox.control.events(ROOM)[0]?.id ?? '';
    expect((await graphFailure(admin.api(`${path}/${existing}`).patch({ subject: 'x' }))).statusCode).toBe(403);
    expect((await graphFailure(admin.api(`${path}/${existing}`).delete())).statusCode).toBe(403);
  });
});
