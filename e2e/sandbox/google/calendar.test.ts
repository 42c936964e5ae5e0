import type { calendar_v3 } from '@googleapis/calendar';
import type { gaxios } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCOPES } from './scopes';
import { calendarClient, gaxiosFailure, signIn, startGoogleTestSandbox, type GoogleTestSandbox } from './test-support';

const ROOM = 'room.atlas@fabrikam.example';
// Monday 23 November 2026, 10:10 in Rome (CET, +01:00).
const ANCHOR = new Date('2026-11-23T09:10:00Z');
const TODAY = { timeMin: '2026-11-23T00:00:00+01:00', timeMax: '2026-11-24T00:00:00+01:00' };
const TOMORROW = { timeMin: '2026-11-24T00:00:00+01:00', timeMax: '2026-11-25T00:00:00+01:00' };

function reasonOf(error: gaxios.GaxiosError): string | undefined {
  const data = error.response?.data as { error?: { errors?: { reason?: string }[] } } | undefined;
  return data?.error?.errors?.[0]?.reason;
}

async function clientFor(sandbox: GoogleTestSandbox, scopes: readonly string[]): Promise<calendar_v3.Calendar> {
  const { client } = await signIn(sandbox, { account: ROOM, scopes, includeGrantedScopes: false });
  return calendarClient(sandbox, client);
}

/** A sandbox seeded at the anchor, frozen there, and the room account's Calendar client. */
async function openRoomCalendar(scopes: readonly string[]): Promise<{ sandbox: GoogleTestSandbox; api: calendar_v3.Calendar; resource: string }> {
  const sandbox = await startGoogleTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
  return { sandbox, api: await clientFor(sandbox, scopes), resource: sandbox.cloud.room.calendarId };
}

/** Every page of a listing, the way a sync engine walks them. */
async function allPages(api: calendar_v3.Calendar, params: calendar_v3.Params$Resource$Events$List): Promise<calendar_v3.Schema$Events[]> {
  const pages: calendar_v3.Schema$Events[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await api.events.list({ ...params, ...(pageToken ? { pageToken } : {}) });
    pages.push(data);
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return pages;
}

describe('Calendar v3 stand-in with the real @googleapis/calendar', () => {
  let sandbox: GoogleTestSandbox;
  let api: calendar_v3.Calendar;
  let resource: string;

  beforeAll(async () => {
    ({ sandbox, api, resource } = await openRoomCalendar([SCOPES.calendarReadonly, SCOPES.calendarEvents]));
  });
  afterAll(() => sandbox.close());

  it('lists the room account\'s calendars, the resource calendar among them', async () => {
    const { data } = await api.calendarList.list();
    expect(data.items?.map((item) => [item.id, item.accessRole, item.primary ?? false])).toEqual([
      [ROOM, 'owner', true],
      [resource, 'writer', false],
    ]);
    expect(resource).toMatch(/^fabrikam\.example_[0-9a-f]+@resource\.calendar\.google\.com$/);
    expect(data.items?.[1]).toMatchObject({ summary: 'Milano HQ-2-Atlas (8) [Meet hardware]', timeZone: 'Europe/Rome', conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] } });

    const eventsOnly = await clientFor(sandbox, [SCOPES.calendarEvents]);
    const denied = await gaxiosFailure(eventsOnly.calendarList.list());
    expect(denied.status).toBe(403);
    expect(reasonOf(denied)).toBe('insufficientPermissions');
  });

  it('shows the seeded day: Meet now, Zoom next, Teams, Webex, private, all-day; the cancelled stand-up is gone', async () => {
    const { data } = await api.events.list({ calendarId: resource, ...TODAY, singleEvents: true, orderBy: 'startTime' });
    const items = data.items ?? [];
    expect(data.timeZone).toBe('Europe/Rome');
    expect(items.map((event) => event.summary)).toEqual([
      'Fabrikam open house (room reserved)',
      'Quarterly planning',
      'Design review with Adatum',
      'Contoso partnership sync',
      'Northwind supply review',
      'Salary review',
      'Interview: frontend engineer',
    ]);
    const [allDay, meet, zoom, teams, webex, salary] = items;
    expect(allDay?.start).toEqual({ date: '2026-11-23' });
    expect(meet).toMatchObject({ start: { dateTime: '2026-11-23T09:30:00+01:00', timeZone: 'Europe/Rome' }, hangoutLink: expect.stringMatching(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/) });
    expect(meet?.conferenceData?.entryPoints?.[0]).toMatchObject({ entryPointType: 'video', uri: meet?.hangoutLink });
    expect(meet?.conferenceData?.createRequest).toBeUndefined();
    expect(zoom?.description).toContain('https://fabrikam.zoom.us/j/');
    expect(teams?.description).toContain('https://teams.microsoft.com/l/meetup-join/');
    expect(teams?.start?.timeZone).toBe('America/Los_Angeles');
    expect(teams?.start?.dateTime).toMatch(/\+01:00$/); // written in the calendar's zone, whatever the event's own
    expect(webex?.description).toContain('.webex.com/');
    expect(salary?.visibility).toBe('private');
    expect(meet?.attendees?.find((a) => a.resource)).toMatchObject({ email: resource, responseStatus: 'accepted', self: true });
    // orderBy cannot be combined with a sync token, so the sandbox hands none out for an ordered listing.
    expect(data.nextSyncToken).toBeUndefined();

    const withDeleted = await api.events.list({ calendarId: resource, ...TODAY, singleEvents: true, showDeleted: true });
    const cancelled = withDeleted.data.items?.find((event) => event.status === 'cancelled');
    expect(cancelled).toEqual({ kind: 'calendar#event', etag: expect.any(String), id: expect.stringMatching(/_20261123T073000Z$/), status: 'cancelled', recurringEventId: expect.any(String), originalStartTime: { dateTime: '2026-11-23T08:30:00+01:00', timeZone: 'Europe/Rome' } });
  });

  it('expands the recurring stand-up, with tomorrow\'s occurrence moved as an exception', async () => {
    const { data } = await api.events.list({ calendarId: resource, ...TOMORROW, singleEvents: true });
    const [moved] = data.items ?? [];
    expect(data.items).toHaveLength(1);
    expect(moved).toMatchObject({
      summary: 'Atlas team stand-up',
      start: { dateTime: '2026-11-24T09:00:00+01:00' },
      originalStartTime: { dateTime: '2026-11-24T08:30:00+01:00' },
      recurringEventId: expect.any(String),
      id: expect.stringMatching(/_20261124T073000Z$/),
    });
    const series = await api.events.get({ calendarId: resource, eventId: moved?.recurringEventId ?? '' });
    expect(series.data.recurrence).toEqual(['RRULE:FREQ=DAILY']);
    // An occurrence nobody touched is addressable by its id too, and any response zone can be asked for.
    const dayAfter = await api.events.get({ calendarId: resource, eventId: `${moved?.recurringEventId ?? ''}_20261125T073000Z`, timeZone: 'America/New_York' });
    expect(dayAfter.data).toMatchObject({ start: { dateTime: '2026-11-25T02:30:00-05:00', timeZone: 'Europe/Rome' }, recurringEventId: moved?.recurringEventId });
    const master = await api.events.list({ calendarId: resource, ...TOMORROW });
    expect(master.data.items?.map((event) => event.id).sort()).toEqual([moved?.id, moved?.recurringEventId].sort());
  });

  it('writes the room\'s Meet links: insert pending → get → success (with pendingConference), and ignores conferenceData without conferenceDataVersion', async () => {
    sandbox.control.google.pendingConference(2);
    const body = { summary: 'Instant meeting', start: { dateTime: '2026-11-23T19:30:00+01:00' }, end: { dateTime: '2026-11-23T20:00:00+01:00' }, conferenceData: { createRequest: { requestId: 'req-1', conferenceSolutionKey: { type: 'hangoutsMeet' } } } };
    const inserted = await api.events.insert({ calendarId: resource, conferenceDataVersion: 1, requestBody: body });
    expect(inserted.data.conferenceData?.createRequest?.status?.statusCode).toBe('pending');
    expect(inserted.data.hangoutLink).toBeUndefined();
    const statuses: (string | null | undefined)[] = [];
    for (let read = 0; read < 3; read++) statuses.push((await api.events.get({ calendarId: resource, eventId: inserted.data.id ?? '' })).data.conferenceData?.createRequest?.status?.statusCode);
    expect(statuses).toEqual(['pending', 'pending', 'success']);
    const done = await api.events.get({ calendarId: resource, eventId: inserted.data.id ?? '' });
    expect(done.data.hangoutLink).toBe(`https://meet.google.com/${done.data.conferenceData?.conferenceId ?? ''}`);

    // The same requestId again is ignored (same conference); a new one makes a new conference.
    const patch = (requestId: string) => api.events.patch({ calendarId: resource, eventId: done.data.id ?? '', conferenceDataVersion: 1, requestBody: { conferenceData: { createRequest: { requestId, conferenceSolutionKey: { type: 'hangoutsMeet' } } } } });
    expect((await patch('req-1')).data.conferenceData?.conferenceId).toBe(done.data.conferenceData?.conferenceId);
    expect((await patch('req-2')).data.conferenceData?.conferenceId).not.toBe(done.data.conferenceData?.conferenceId);

    const ignored = await api.events.insert({ calendarId: resource, requestBody: { ...body, start: { dateTime: '2026-11-23T20:30:00+01:00' }, end: { dateTime: '2026-11-23T21:00:00+01:00' } } });
    expect(ignored.data.conferenceData).toBeUndefined();
  });

  it('makes inserts idempotent with a client-chosen id: the replay is 409 duplicate', async () => {
    const requestBody = { id: 'roomdeckbooking0001', summary: 'Booked at the door', start: { dateTime: '2026-11-23T21:00:00+01:00' }, end: { dateTime: '2026-11-23T21:30:00+01:00' } };
    expect((await api.events.insert({ calendarId: resource, requestBody })).data.id).toBe('roomdeckbooking0001');
    const replay = await gaxiosFailure(api.events.insert({ calendarId: resource, requestBody }));
    expect(replay.status).toBe(409);
    expect(replay.response?.data).toEqual({ error: { errors: [{ domain: 'global', reason: 'duplicate', message: 'The requested identifier already exists.' }], code: 409, message: 'The requested identifier already exists.' } });
    expect((await gaxiosFailure(api.events.insert({ calendarId: resource, requestBody: { ...requestBody, id: 'Not-Base32' } }))).status).toBe(400);
  });

  it('patches and deletes; a deleted event still reads as cancelled, and a second delete is 410 deleted', async () => {
    const created = await api.events.insert({ calendarId: resource, requestBody: { summary: 'To move', start: { dateTime: '2026-11-23T22:00:00+01:00' }, end: { dateTime: '2026-11-23T22:30:00+01:00' } } });
    const id = created.data.id ?? '';
    const moved = await api.events.patch({ calendarId: resource, eventId: id, requestBody: { start: { dateTime: '2026-11-23T22:15:00+01:00' }, end: { dateTime: '2026-11-23T22:45:00+01:00' } } });
    expect(moved.data).toMatchObject({ summary: 'To move', sequence: 1, start: { dateTime: '2026-11-23T22:15:00+01:00' } });
    await api.events.delete({ calendarId: resource, eventId: id });
    expect((await api.events.get({ calendarId: resource, eventId: id })).data.status).toBe('cancelled');
    const again = await gaxiosFailure(api.events.delete({ calendarId: resource, eventId: id }));
    expect([again.status, reasonOf(again)]).toEqual([410, 'deleted']);
  });

  it('books the room from the room account\'s own calendar: the resource accepts, or declines when busy', async () => {
    const booking = (start: string, end: string) => ({ summary: 'Walk-in', start: { dateTime: start }, end: { dateTime: end }, attendees: [{ email: resource }] });
    const free = await api.events.insert({ calendarId: 'primary', requestBody: booking('2026-11-23T07:00:00+01:00', '2026-11-23T07:30:00+01:00') });
    expect(free.data.attendees?.[0]).toMatchObject({ email: resource, resource: true, responseStatus: 'accepted' });
    expect((await api.events.get({ calendarId: resource, eventId: free.data.id ?? '' })).data).toMatchObject({ summary: 'Walk-in', organizer: { email: ROOM } });

    const clash = await api.events.insert({ calendarId: 'primary', requestBody: booking('2026-11-23T09:45:00+01:00', '2026-11-23T10:15:00+01:00') });
    expect(clash.data.attendees?.[0]?.responseStatus).toBe('declined');
    expect((await gaxiosFailure(api.events.get({ calendarId: resource, eventId: clash.data.id ?? '' }))).status).toBe(404);
  });

  it('answers 401 for a bad token and 403 for a write with a read-only token', async () => {
    const readOnly = await clientFor(sandbox, [SCOPES.calendarReadonly]);
    const denied = await gaxiosFailure(readOnly.events.insert({ calendarId: resource, requestBody: { start: { dateTime: '2026-11-23T23:00:00Z' }, end: { dateTime: '2026-11-23T23:30:00Z' } } }));
    expect([denied.status, reasonOf(denied)]).toEqual([403, 'insufficientPermissions']);

    const bad = await fetch(`${sandbox.config.calendarRootUrl}calendar/v3/calendars/primary/events`, { headers: { authorization: 'Bearer ya29.nope' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: { code: 401, errors: [{ reason: 'authError', location: 'Authorization' }], status: 'UNAUTHENTICATED' } });
  });
});

describe('incremental sync with sync tokens', () => {
  let sandbox: GoogleTestSandbox;
  let api: calendar_v3.Calendar;
  let resource: string;

  beforeEach(async () => {
    ({ sandbox, api, resource } = await openRoomCalendar([SCOPES.calendarReadonly]));
  });
  afterEach(() => sandbox.close());

  const fullSync = async (maxResults = 3) => {
    const pages = await allPages(api, { calendarId: resource, ...TODAY, singleEvents: true, maxResults });
    return { pages, items: pages.flatMap((page) => page.items ?? []), syncToken: pages[pages.length - 1]?.nextSyncToken ?? '' };
  };

  it('pages a full sync: nextPageToken on every page but the last, nextSyncToken only on the last', async () => {
    const { pages, items } = await fullSync();
    expect(pages.length).toBe(3);
    expect(pages.slice(0, -1).every((page) => page.nextPageToken && !page.nextSyncToken)).toBe(true);
    expect(pages[2]?.nextPageToken).toBeUndefined();
    expect(pages[2]?.nextSyncToken).toBeTruthy();
    expect(items).toHaveLength(7);
  });

  it('returns only what changed, deletions as cancelled, and an empty page when nothing did', async () => {
    const { items, syncToken } = await fullSync();
    const interview = items.find((event) => event.summary?.startsWith('Interview'));
    const salary = items.find((event) => event.summary === 'Salary review');
    const added = sandbox.control.google.addEvent(resource, { summary: 'Ad-hoc sync', organizer: { email: 'giulia.romano@fabrikam.example' }, start: { dateTime: '2026-11-23T19:00:00+01:00' }, end: { dateTime: '2026-11-23T19:30:00+01:00' } });
    sandbox.control.google.updateEvent(resource, interview?.id ?? '', { start: { dateTime: '2026-11-23T18:00:00+01:00' }, end: { dateTime: '2026-11-23T19:00:00+01:00' } });
    sandbox.control.google.deleteEvent(resource, salary?.id ?? '');

    const changes = await api.events.list({ calendarId: resource, syncToken, singleEvents: true });
    expect(changes.data.items?.map((event) => [event.id, event.status])).toEqual([
      [added.id, 'confirmed'],
      [interview?.id, 'confirmed'],
      [salary?.id, 'cancelled'],
    ]);
    expect(changes.data.items?.[2]).toEqual({ kind: 'calendar#event', etag: expect.any(String), id: salary?.id, status: 'cancelled' });
    const quiet = await api.events.list({ calendarId: resource, syncToken: changes.data.nextSyncToken ?? '', singleEvents: true });
    expect(quiet.data.items).toEqual([]);
    expect(quiet.data.nextSyncToken).toBeTruthy();
  });

  it('refuses filters next to a sync token (400), and answers 410 fullSyncRequired once tokens are invalidated', async () => {
    const { syncToken } = await fullSync();
    const mixed = await gaxiosFailure(api.events.list({ calendarId: resource, syncToken, timeMin: TODAY.timeMin }));
    expect(mixed.status).toBe(400);

    sandbox.control.google.invalidateSyncTokens();
    const gone = await gaxiosFailure(api.events.list({ calendarId: resource, syncToken }));
    expect([gone.status, reasonOf(gone)]).toEqual([410, 'fullSyncRequired']);

    // Recovery: wipe, full sync again, and the new token works.
    const again = await fullSync(250);
    expect(again.items).toHaveLength(7);
    expect((await api.events.list({ calendarId: resource, syncToken: again.syncToken, singleEvents: true })).data.items).toEqual([]);
  });

  it('delivers a moved or cancelled occurrence of a series as that occurrence', async () => {
    const { syncToken } = await fullSync(250);
    const [moved] = (await api.events.list({ calendarId: resource, ...TOMORROW, singleEvents: true })).data.items ?? [];
    const dayAfter = `${moved?.recurringEventId ?? ''}_20261125T073000Z`;
    sandbox.control.google.deleteEvent(resource, dayAfter);
    const changes = await api.events.list({ calendarId: resource, syncToken, singleEvents: true });
    expect(changes.data.items).toEqual([expect.objectContaining({ id: dayAfter, status: 'cancelled', recurringEventId: moved?.recurringEventId, originalStartTime: { dateTime: '2026-11-25T08:30:00+01:00', timeZone: 'Europe/Rome' } })]);
  });
});
