import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../e2e/sandbox';
import { accessTokenFor, startTestSandbox } from '../../../../e2e/sandbox/test-support';
import type { CalendarChoice } from '../../../shared/model';
import { silentLogger } from '../../health/logger';
import { BookingRefusedError } from '../../meetings/room-booker';
import { GraphApi } from './graph-api';
import { GraphRoomBooker } from './graph-booker';
import { GraphCalendarSource } from './graph-calendar';

const ANCHOR = new Date('2026-11-23T10:10:00Z');
const ROOM = 'boardroom4@contoso.com';
/** After the seeded day in Rome: the room is free from 20:00 (19:00 UTC). */
const at = (time: string) => new Date(`2026-11-23T${time}:00Z`);

async function refusalOf(promise: Promise<unknown>): Promise<BookingRefusedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof BookingRefusedError) return error;
  throw new Error(`expected a BookingRefusedError, got ${String(error)}`);
}

async function connect(sandbox: Sandbox, scopes: string[]): Promise<{ booker: GraphRoomBooker; source: GraphCalendarSource; calendar: CalendarChoice }> {
  const token = await accessTokenFor(sandbox, ROOM, scopes);
  const graph = new GraphApi(sandbox.urls.graph, async () => token, silentLogger);
  const source = new GraphCalendarSource(graph, { name: 'Boardroom 4', username: ROOM });
  const calendar = (await source.listCalendars()).find((c) => c.isRoomAccountOwn);
  if (!calendar) throw new Error('no own calendar');
  return { booker: new GraphRoomBooker(graph), source, calendar };
}

describe('GraphRoomBooker against the sandbox (msal-node + Graph client, real HTTP)', () => {
  let sandbox: Sandbox;
  let booker: GraphRoomBooker;
  let source: GraphCalendarSource;
  let calendar: CalendarChoice;
  const named = (subject: string) => sandbox.control.events(ROOM).filter((event) => event.subject === subject);

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    ({ booker, source, calendar } = await connect(sandbox, ['Calendars.ReadWrite']));
  });
  afterAll(() => sandbox.close());

  it('books a busy, reminder-free event the agenda then reads', async () => {
    expect(await source.eventsBetween(calendar, at('19:00'), at('23:00'))).toEqual([]);
    const { id } = await booker.book(calendar, { start: at('19:00'), end: at('19:30') }, 'Booked at the room', 'tap-1');

    expect(named('Booked at the room')).toEqual([expect.objectContaining({ id, showAs: 'busy', isReminderOn: false, transactionId: 'tap-1' })]);
    expect(await source.eventsBetween(calendar, at('19:00'), at('19:30'))).toEqual([
      expect.objectContaining({ id, start: at('19:00').toISOString(), end: at('19:30').toISOString(), showAs: 'busy' }),
    ]);
  });

  it('the same key twice makes exactly one event and returns its id both times', async () => {
    const slot = { start: at('20:00'), end: at('20:15') };
    const [first, second] = [await booker.book(calendar, slot, 'Retried', 'tap-2'), await booker.book(calendar, slot, 'Retried', 'tap-2')];
    expect(second).toEqual(first);
    expect(named('Retried')).toHaveLength(1);
  });

  it('refuses a slot someone else booked meanwhile as a conflict, and books nothing', async () => {
    sandbox.control.addEvent(ROOM, { subject: 'Sneaked in', start: { dateTime: '2026-11-23T21:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-23T21:30:00', timeZone: 'UTC' } });
    const refusal = await refusalOf(booker.book(calendar, { start: at('21:15'), end: at('21:45') }, 'Too late', 'tap-3'));
    expect([refusal.reason, refusal.code]).toEqual(['conflict', 'booking-conflict']);
    expect(named('Too late')).toHaveLength(0);
  });

  it('extends and ends early; extending into another meeting is a conflict', async () => {
    const { id } = await booker.book(calendar, { start: at('22:00'), end: at('22:15') }, 'Ad hoc', 'tap-4');
    const endOf = () => named('Ad hoc')[0]?.end?.dateTime;

    await booker.setEnd(calendar, id, at('22:30'));
    expect(endOf()).toMatch(/^2026-11-23T22:30:00/);
    await booker.setEnd(calendar, id, at('22:20'));
    expect(endOf()).toMatch(/^2026-11-23T22:20:00/);

    await booker.book(calendar, { start: at('22:45'), end: at('23:00') }, 'Next one', 'tap-5');
    expect((await refusalOf(booker.setEnd(calendar, id, at('22:50')))).reason).toBe('conflict');
    expect(endOf()).toMatch(/^2026-11-23T22:20:00/);
  });
});

describe('GraphRoomBooker.bookWithMeeting: Teams meeting and booking in one POST', () => {
  let sandbox: Sandbox;
  let booker: GraphRoomBooker;
  let source: GraphCalendarSource;
  let calendar: CalendarChoice;
  const named = (subject: string) => sandbox.control.events(ROOM).filter((event) => event.subject === subject);
  const TEAMS_LINK = /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_/;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    ({ booker, source, calendar } = await connect(sandbox, ['Calendars.ReadWrite']));
  });
  afterAll(() => sandbox.close());

  it('books the room with a Teams meeting whose join URL the room calendar carries', async () => {
    expect(booker.meetingProvider).toBe('teams');
    const { id, joinUrl } = await booker.bookWithMeeting(calendar, { start: at('19:00'), end: at('19:30') }, 'Meet now', 'tap-m1');

    expect(joinUrl).toMatch(TEAMS_LINK);
    expect(named('Meet now')).toEqual([
      expect.objectContaining({ id, showAs: 'busy', transactionId: 'tap-m1', isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', onlineMeeting: expect.objectContaining({ joinUrl }) }),
    ]);
    const [agenda] = await source.eventsBetween(calendar, at('19:00'), at('19:30'));
    expect(agenda).toMatchObject({ id, linkSource: { source: 'graph', event: { onlineMeeting: { joinUrl } } } });
  });

  it('the same key twice makes one event and one meeting: the same id and join URL both times', async () => {
    const slot = { start: at('20:00'), end: at('20:15') };
    const first = await booker.bookWithMeeting(calendar, slot, 'Meet retried', 'tap-m2');
    expect(await booker.bookWithMeeting(calendar, slot, 'Meet retried', 'tap-m2')).toEqual(first);
    expect(named('Meet retried')).toHaveLength(1);
  });

  it('refuses a taken slot as a conflict and makes no meeting', async () => {
    sandbox.control.addEvent(ROOM, { subject: 'Taken', start: { dateTime: '2026-11-23T21:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-23T21:30:00', timeZone: 'UTC' } });
    expect((await refusalOf(booker.bookWithMeeting(calendar, { start: at('21:15'), end: at('21:45') }, 'Meet too late', 'tap-m3'))).reason).toBe('conflict');
    expect(named('Meet too late')).toHaveLength(0);
  });
});

describe('GraphRoomBooker without Calendars.ReadWrite', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
  });
  afterAll(() => sandbox.close());

  it('refuses with no-permission and a message the kiosk can show', async () => {
    const { booker, calendar } = await connect(sandbox, ['Calendars.Read']);
    const refusal = await refusalOf(booker.book(calendar, { start: at('19:00'), end: at('19:30') }, 'Not allowed', 'tap-1'));
    expect(refusal).toMatchObject({ reason: 'no-permission', code: 'booking-no-permission', message: expect.stringMatching(/not allowed to book/) });
    expect(sandbox.control.events(ROOM).some((event) => event.subject === 'Not allowed')).toBe(false);
  });
});
