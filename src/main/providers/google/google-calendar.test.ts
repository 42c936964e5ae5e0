import { calendar } from '@googleapis/calendar';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../../../e2e/sandbox';
import { completeInBrowser } from '../../../../e2e/sandbox/google/test-support';
import { startTestSandbox } from '../../../../e2e/sandbox/test-support';
import type { CalendarChoice } from '../../../shared/model';
import { ConnectionLostError } from '../../auth/connector';
import type { GoogleAuth } from '../../auth/google-auth';
import { silentLogger, type Logger } from '../../health/logger';
import { detectJoinLink } from '../../links';
import { sourceEventsOf, type GoogleCalendarOptions } from './google-calendar';
import { ANCHOR, bySubject, connectGoogleRoom, ROME_DAY, ROME_TWO_DAYS, type GoogleRoomConnection } from './google-calendar.test-support';

describe('GoogleCalendarSource with @googleapis/calendar against the sandbox', () => {
  let room: GoogleRoomConnection;
  let sandbox: Sandbox;
  let auth: GoogleAuth;
  let atlas: CalendarChoice;

  const source = (options: GoogleCalendarOptions = {}) => room.source(options);
  const eventsOf = (range = ROME_DAY, options: GoogleCalendarOptions = {}) => source(options).eventsBetween(atlas, range.start, range.end);

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    room = await connectGoogleRoom(sandbox.google, (url) => completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' }));
    ({ auth, atlas } = room);
  });
  afterAll(() => sandbox.close());

  it('lists the room account’s own calendar and the Atlas resource calendar shared with it', async () => {
    const room = sandbox.google.roomAccount;
    expect(await source().listCalendars()).toEqual([
      { id: room, name: room, ownerName: 'Atlas', ownerEmail: room, isRoomAccountOwn: true },
      { id: atlas.id, name: 'Milano HQ-2-Atlas (8) [Meet hardware]', ownerName: 'Milano HQ-2-Atlas (8) [Meet hardware]', ownerEmail: atlas.id, isRoomAccountOwn: false },
    ]);
    expect(atlas.id).toMatch(/@resource\.calendar\.google\.com$/);
  });

  it('maps the day: instants, all-day dates, private flag, organizers, Meet link', async () => {
    const events = await eventsOf();

    const planning = bySubject(events, 'Quarterly planning');
    expect(planning).toMatchObject({ start: '2026-11-23T08:30:00.000Z', end: '2026-11-23T09:30:00.000Z', isAllDay: false, organizer: 'Giulia Romano', showAs: 'busy', isPrivate: false, isCancelled: false });
    expect(planning.linkSource.source).toBe('google');
    expect(detectJoinLink(planning.linkSource).join).toMatchObject({ provider: 'meet', url: expect.stringMatching(/^https:\/\/meet\.google\.com\//) });

    expect(bySubject(events, 'Fabrikam open house (room reserved)')).toMatchObject({ start: '2026-11-23', end: '2026-11-24', isAllDay: true });
    expect(bySubject(events, 'Salary review')).toMatchObject({ isPrivate: true, organizer: 'Noah Williams' });
    // Written by its organizer in Los Angeles time; the agenda gets the instant.
    expect(bySubject(events, 'Contoso partnership sync')).toMatchObject({ start: '2026-11-23T12:00:00.000Z', organizer: 'Priya Nair' });
    expect(detectJoinLink(bySubject(events, 'Design review with Adatum').linkSource).join?.provider).toBe('zoom');
    expect(events.every((event) => !event.isCancelled)).toBe(true);
  });

  it('leaves out today’s cancelled stand-up and shows tomorrow’s at its moved time', async () => {
    const standUps = (await eventsOf(ROME_TWO_DAYS)).filter((event) => event.subject === 'Atlas team stand-up');

    expect(standUps.map((event) => [event.start, event.end])).toEqual([['2026-11-24T08:00:00.000Z', '2026-11-24T08:15:00.000Z']]);
  });

  it('maps a cancelled occurrence as Google sends it (id, status, originalStartTime only) to isCancelled', async () => {
    const api = calendar({ version: 'v3', auth: auth.accessClient(), rootUrl: sandbox.google.config.calendarRootUrl });
    const raw = await api.events.list({
      calendarId: atlas.id,
      singleEvents: true,
      showDeleted: true,
      timeMin: ROME_DAY.start.toISOString(),
      timeMax: ROME_DAY.end.toISOString(),
    });

    const cancelled = sourceEventsOf(raw.data.items ?? [], silentLogger).filter((event) => event.isCancelled);

    expect(cancelled).toEqual([expect.objectContaining({ subject: null, start: '2026-11-23T07:30:00.000Z', isCancelled: true })]);
  });

  it('shows a "show me as available" event as free and a tentative one as tentative', async () => {
    const at = (hour: number) => ({ dateTime: `2026-11-23T${hour}:00:00+01:00`, timeZone: 'Europe/Rome' });
    sandbox.control.google.addEvent(atlas.id, { summary: 'Cleaning crew', transparency: 'transparent', start: at(20), end: at(21) });
    sandbox.control.google.addEvent(atlas.id, { summary: 'Maybe a workshop', status: 'tentative', start: at(21), end: at(22) });

    const events = await eventsOf();

    expect(bySubject(events, 'Cleaning crew').showAs).toBe('free');
    expect(bySubject(events, 'Maybe a workshop').showAs).toBe('tentative');
  });

  it('walks every page', async () => {
    sandbox.control.clearRequests();
    const paged = await eventsOf(ROME_TWO_DAYS, { pageSize: 2 });

    expect(paged.map((event) => event.id)).toEqual((await eventsOf(ROME_TWO_DAYS)).map((event) => event.id));
    const pages = sandbox.control.requests({ service: 'google-apis' }).filter((r) => r.path.endsWith('/events') && r.query['maxResults'] === '2');
    expect(pages.length).toBe(Math.ceil(paged.length / 2));
    expect(pages.slice(1).every((r) => r.query['pageToken'])).toBe(true);
  });

  it('skips (and logs) an event it cannot read instead of failing the agenda', () => {
    const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const good = { id: 'good', summary: 'Fine', start: { dateTime: '2026-11-23T10:00:00+01:00' }, end: { dateTime: '2026-11-23T11:00:00+01:00' } };

    const events = sourceEventsOf([good, { id: 42 }, { id: 'no-times', summary: 'Half an event' }, { ...good, id: 'bad-date', start: { dateTime: 'soon' } }], log);

    expect(events.map((event) => event.id)).toEqual(['good']);
    expect(log.warn).toHaveBeenCalledTimes(3);
  });

  it('surfaces a grant revoked at Google as ConnectionLostError', async () => {
    sandbox.control.google.revoke(sandbox.google.roomAccount);

    await expect(eventsOf()).rejects.toEqual(new ConnectionLostError('google', 'invalid_grant'));
  });
});
