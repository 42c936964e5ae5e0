import type { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../e2e/sandbox';
import { completeInBrowser } from '../../../../e2e/sandbox/google/test-support';
import { startTestSandbox } from '../../../../e2e/sandbox/test-support';
import { scopesFor, type FeatureId } from '../../../shared/features';
import type { CalendarChoice } from '../../../shared/model';
import { GoogleAuth } from '../../auth/google-auth';
import { ConsentBrowser, googleConfigOf } from '../../auth/google-auth.test-support';
import { MemoryVault } from '../../auth/memory-vault';
import { silentLogger } from '../../health/logger';
import { BookingRefusedError } from '../../meetings/room-booker';
import { bookingEventId, GoogleRoomBooker } from './google-booker';
import { ANCHOR } from './google-calendar.test-support';

/** The evening after the seeded day: the anchor day itself is reserved all day (Fabrikam open house). */
const at = (time: string) => new Date(`2026-11-24T${time}:00Z`);

async function refusalOf(promise: Promise<unknown>): Promise<BookingRefusedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof BookingRefusedError) return error;
  throw new Error(`expected a BookingRefusedError, got ${String(error)}`);
}

/** The Atlas room account signed in through the real google-auth-library consent flow with these features. */
async function connect(sandbox: Sandbox, features: FeatureId[]): Promise<{ booker: GoogleRoomBooker; atlas: CalendarChoice; auth: OAuth2Client }> {
  const auth = new GoogleAuth(googleConfigOf(sandbox.google), new MemoryVault(), silentLogger);
  const consent = new ConsentBrowser((url) => completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' }));
  await auth.signIn(scopesFor('google', features), consent, new AbortController().signal);
  const id = sandbox.google.roomCalendarId;
  const atlas: CalendarChoice = { id, name: 'Atlas', ownerName: 'Atlas', ownerEmail: id, isRoomAccountOwn: false };
  const client = auth.accessClient();
  return { booker: new GoogleRoomBooker(client, sandbox.google.config.calendarRootUrl), atlas, auth: client };
}

describe('GoogleRoomBooker with @googleapis/calendar against the sandbox', () => {
  let sandbox: Sandbox;
  let booker: GoogleRoomBooker;
  let atlas: CalendarChoice;
  const named = (summary: string) => sandbox.control.google.events(atlas.id).filter((event) => event.summary === summary && event.status !== 'cancelled');

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    ({ booker, atlas } = await connect(sandbox, ['google.calendar', 'google.instant-meeting']));
  });
  afterAll(() => sandbox.close());

  it('derives a valid, stable base32hex event id from the key', () => {
    expect(bookingEventId('tap-1')).toMatch(/^[0-9a-v]{5,1024}$/);
    expect(bookingEventId('tap-1')).toBe(bookingEventId('tap-1'));
    expect(bookingEventId('tap-2')).not.toBe(bookingEventId('tap-1'));
  });

  it('books the room calendar with the client-chosen id', async () => {
    const { id } = await booker.book(atlas, { start: at('19:00'), end: at('19:30') }, 'Booked at the room', 'tap-1');
    expect(id).toBe(bookingEventId('tap-1'));
    expect(named('Booked at the room')).toEqual([expect.objectContaining({ id })]);
  });

  it('the same key twice makes exactly one event', async () => {
    const slot = { start: at('20:00'), end: at('20:15') };
    const first = await booker.book(atlas, slot, 'Retried', 'tap-2');
    expect(await booker.book(atlas, slot, 'Retried', 'tap-2')).toEqual(first);
    expect(named('Retried')).toHaveLength(1);
  });

  it('treats the 409 duplicate of a lost first answer as success', async () => {
    // The first insert committed but its answer never arrived (and the event is not in the slot's listing yet):
    // the retry's insert meets Google's 409 duplicate.
    const id = bookingEventId('tap-lost');
    sandbox.control.google.addEvent(atlas.id, { id, summary: 'Lost answer', start: { dateTime: '2026-11-25T19:00:00Z' }, end: { dateTime: '2026-11-25T19:30:00Z' } });
    expect(await booker.book(atlas, { start: at('21:00'), end: at('21:30') }, 'Lost answer', 'tap-lost')).toEqual({ id });
    expect(named('Lost answer')).toHaveLength(1);
  });

  it('refuses a slot someone else booked meanwhile as a conflict', async () => {
    sandbox.control.google.addEvent(atlas.id, { summary: 'Sneaked in', start: { dateTime: '2026-11-24T22:00:00Z' }, end: { dateTime: '2026-11-24T22:30:00Z' } });
    expect((await refusalOf(booker.book(atlas, { start: at('22:15'), end: at('22:45') }, 'Too late', 'tap-3'))).reason).toBe('conflict');
    expect(named('Too late')).toHaveLength(0);
  });

  it('extends and ends early; extending into another meeting is a conflict', async () => {
    const { id } = await booker.book(atlas, { start: at('20:30'), end: at('20:45') }, 'Ad hoc', 'tap-4');
    const endOf = () => Date.parse(named('Ad hoc')[0]?.end?.dateTime ?? '');

    await booker.setEnd(atlas, id, at('20:55'));
    expect(endOf()).toBe(at('20:55').getTime());
    await booker.setEnd(atlas, id, at('20:50'));
    expect(endOf()).toBe(at('20:50').getTime());
    await booker.book(atlas, { start: at('21:00'), end: at('21:15') }, 'Next one', 'tap-5');
    expect((await refusalOf(booker.setEnd(atlas, id, at('21:10')))).reason).toBe('conflict');
    expect(endOf()).toBe(at('20:50').getTime());
  });
});

describe('GoogleRoomBooker.bookWithMeeting: Meet conference and booking in one insert', () => {
  let sandbox: Sandbox;
  let booker: GoogleRoomBooker;
  let atlas: CalendarChoice;
  const named = (summary: string) => sandbox.control.google.events(atlas.id).filter((event) => event.summary === summary && event.status !== 'cancelled');
  const MEET_LINK = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
  // Short waits keep the test quick; four reads cover pendingConference(3) but not a conference that never comes.
  const polling = { reads: 4, firstDelayMs: 5, maxDelayMs: 20 };

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    const connected = await connect(sandbox, ['google.calendar', 'google.instant-meeting']);
    atlas = connected.atlas;
    booker = new GoogleRoomBooker(connected.auth, sandbox.google.config.calendarRootUrl, silentLogger, polling);
  });
  afterAll(() => sandbox.close());

  it('books the room with a Meet conference and returns its link', async () => {
    expect(booker.meetingProvider).toBe('meet');
    const { id, joinUrl } = await booker.bookWithMeeting(atlas, { start: at('19:00'), end: at('19:30') }, 'Meet now', 'tap-m1');
    expect(id).toBe(bookingEventId('tap-m1'));
    expect(joinUrl).toMatch(MEET_LINK);
    expect(named('Meet now')).toEqual([expect.objectContaining({ id, hangoutLink: joinUrl, conferenceData: expect.objectContaining({ createRequest: expect.objectContaining({ requestId: id }) }) })]);
  });

  it('waits out a pending conference and returns the link once it is up', async () => {
    sandbox.control.google.pendingConference(3);
    const { id, joinUrl } = await booker.bookWithMeeting(atlas, { start: at('20:00'), end: at('20:15') }, 'Meet pending', 'tap-m2');
    expect(joinUrl).toMatch(MEET_LINK);
    expect(named('Meet pending')).toEqual([expect.objectContaining({ id, hangoutLink: joinUrl, conferenceData: expect.objectContaining({ createRequest: expect.objectContaining({ status: { statusCode: 'success' } }) }) })]);
  });

  it('the same key twice makes one event and one conference', async () => {
    const slot = { start: at('20:30'), end: at('20:45') };
    const first = await booker.bookWithMeeting(atlas, slot, 'Meet retried', 'tap-m3');
    expect(await booker.bookWithMeeting(atlas, slot, 'Meet retried', 'tap-m3')).toEqual(first);
    expect(named('Meet retried')).toHaveLength(1);
  });

  it('gives up on a conference stuck pending and leaves no booking behind; the spent key is not reused', async () => {
    sandbox.control.google.pendingConference(100);
    const slot = { start: at('21:00'), end: at('21:15') };
    const refusal = await refusalOf(booker.bookWithMeeting(atlas, slot, 'Meet stuck', 'tap-m4'));
    expect([refusal.reason, refusal.code]).toEqual(['failed', 'booking-failed']);
    expect(named('Meet stuck')).toHaveLength(0);
    expect(sandbox.control.google.events(atlas.id).find((event) => event.id === bookingEventId('tap-m4'))?.status).toBe('cancelled');
    // A retry of that tap must not come back with a half-made meeting either; a new tap (new key) books normally.
    expect((await refusalOf(booker.bookWithMeeting(atlas, slot, 'Meet stuck', 'tap-m4'))).reason).toBe('failed');
    expect((await booker.bookWithMeeting(atlas, slot, 'Meet again', 'tap-m5')).joinUrl).toMatch(MEET_LINK);
  });

  it('refuses a taken slot as a conflict and makes no meeting', async () => {
    sandbox.control.google.addEvent(atlas.id, { summary: 'Taken', start: { dateTime: '2026-11-24T22:00:00Z' }, end: { dateTime: '2026-11-24T22:30:00Z' } });
    expect((await refusalOf(booker.bookWithMeeting(atlas, { start: at('22:15'), end: at('22:45') }, 'Meet too late', 'tap-m6'))).reason).toBe('conflict');
    expect(named('Meet too late')).toHaveLength(0);
  });
});

describe('GoogleRoomBooker with read-only calendar access', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
  });
  afterAll(() => sandbox.close());

  it('refuses with no-permission', async () => {
    const { booker, atlas } = await connect(sandbox, ['google.calendar']);
    const refusal = await refusalOf(booker.book(atlas, { start: at('19:00'), end: at('19:30') }, 'Not allowed', 'tap-1'));
    expect([refusal.reason, refusal.code]).toEqual(['no-permission', 'booking-no-permission']);
  });
});
