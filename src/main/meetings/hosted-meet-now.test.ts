import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../e2e/sandbox';
import { accessTokenFor, startTestSandbox } from '../../../e2e/sandbox/test-support';
import type { CalendarChoice } from '../../shared/model';
import { SettingsStore } from '../config/settings-store';
import { silentLogger } from '../health/logger';
import { GraphApi } from '../providers/microsoft/graph-api';
import { GraphRoomBooker } from '../providers/microsoft/graph-booker';
import { GraphCalendarSource } from '../providers/microsoft/graph-calendar';
import { WebexMeetingFactory } from '../providers/webex/webex-meetings';
import { ZoomMeetingFactory } from '../providers/zoom/zoom-meetings';
import { completeInBrowser } from '../../../e2e/sandbox/google/test-support';
import { GoogleAuth } from '../auth/google-auth';
import { ConsentBrowser, googleConfigOf } from '../auth/google-auth.test-support';
import { GoogleRoomBooker } from '../providers/google/google-booker';
import { GoogleMeetFactory } from '../providers/google/google-meet-factory';
import { BookingService } from './booking-service';
import type { MeetingFactory } from './meeting-factory';
import { sandboxOAuthProvidersConfig } from '../../../e2e/harness/kiosk';
import { completeConsent } from '../../../e2e/sandbox/oauth2-generic/testing';
import { scopesFor, type FeatureId } from '../../shared/features';
import { parseKioskConfig } from '../config/kiosk-config';
import type { ConsentPrompter } from '../auth/connector';
import { MemoryVault } from '../auth/memory-vault';
import { OAuth2Connector } from '../auth/oauth2-connector';
import { oauth2ProfilesFrom } from '../auth/oauth2-profiles';
import { systemClock } from '../ports';
import { OAuth2Api } from '../providers/oauth2-api';

const ACCOUNTS = { zoom: 'room.zoom@contoso.com', webex: 'room.webex@contoso.com' } as const;

/** Plays the system browser: the room's account accepts the consent page and the redirect reaches the loopback. */
function acceptingBrowser(account: string): ConsentPrompter {
  return {
    showDeviceCode: () => {
      throw new Error('no device flow for these providers');
    },
    openBrowser: async (url) => {
      const { redirect } = await completeConsent(url, { account });
      await fetch(redirect);
    },
  };
}

const INSTANT: Record<'zoom' | 'webex', FeatureId> = { zoom: 'zoom.instant-meeting', webex: 'webex.instant-meeting' };

/** Zoom or Webex connected the way the kiosk connects them (loopback + PKCE, the features' scopes), as an API client. */
async function connectedApi(sandbox: Sandbox, provider: 'zoom' | 'webex', features: FeatureId[] = [INSTANT[provider]]): Promise<OAuth2Api> {
  const config = parseKioskConfig({ microsoft: { clientId: 'unused-here' }, ...sandboxOAuthProvidersConfig(sandbox) }, 'test');
  const profile = oauth2ProfilesFrom(config).find((candidate) => candidate.provider === provider);
  if (!profile) throw new Error(`no ${provider} profile`);
  const connector = new OAuth2Connector(profile, { vault: new MemoryVault(), clock: systemClock, log: silentLogger });
  const wanted = scopesFor(provider, features);
  await connector.authorize({ wanted, added: wanted }, acceptingBrowser(ACCOUNTS[provider]), new AbortController().signal);
  return new OAuth2Api(provider, connector);
}

const ANCHOR = new Date('2026-11-23T10:10:00Z');
const ROOM = 'boardroom4@contoso.com';
const at = (time: string) => new Date(`2026-11-23T${time}:00Z`);

async function refusalCode(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(() => null, (e: unknown) => e);
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  throw new Error(`expected a refusal, got ${String(error)}`);
}

describe('Meet now on Zoom, Webex and Google Meet for a Microsoft room, against the sandbox: one meeting, one booking, or neither', () => {
  let sandbox: Sandbox;
  let calendar: CalendarChoice;
  let booking: BookingService;
  let now = at('19:00');
  const factories: Partial<Record<'meet' | 'zoom' | 'webex', MeetingFactory>> = {};

  const zoomMeetings = () => sandbox.control.zoom.meetings();
  const webexMeetings = () => sandbox.control.webex.meetings();
  const bookingsWith = (url: string) => sandbox.control.events(ROOM).filter((event) => event.body?.content?.includes(url));
  const posts = (service: 'zoom-api' | 'webex', path: RegExp) => sandbox.control.requests({ service }).filter((r) => r.method === 'POST' && path.test(r.path));

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    const token = await accessTokenFor(sandbox, ROOM, ['Calendars.ReadWrite']);
    const graph = new GraphApi(sandbox.urls.graph, async () => token, silentLogger);
    const own = (await new GraphCalendarSource(graph, { name: 'Boardroom 4', username: ROOM }).listCalendars()).find((c) => c.isRoomAccountOwn);
    if (!own) throw new Error('no own calendar');
    calendar = own;
    const clock = { now: () => now };
    factories.zoom = new ZoomMeetingFactory(await connectedApi(sandbox, 'zoom'));
    factories.webex = new WebexMeetingFactory(await connectedApi(sandbox, 'webex'), clock);
    const google = new GoogleAuth(googleConfigOf(sandbox.google), new MemoryVault(), silentLogger);
    const consent = (url: string) => completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' });
    await google.signIn(scopesFor('google', ['google.instant-meeting']), new ConsentBrowser(consent), new AbortController().signal);
    factories.meet = new GoogleMeetFactory(new GoogleRoomBooker(google.accessClient(), sandbox.google.config.calendarRootUrl));
    const booker = new GraphRoomBooker(graph);
    booking = new BookingService({
      booker: () => booker,
      meetingBooker: () => null,
      meetingFactory: (provider) => (provider === 'teams' ? null : (factories[provider] ?? null)),
      calendar: () => calendar,
      refreshAgenda: async () => null,
      settings: new SettingsStore(await mkdtemp(join(tmpdir(), 'roomdeck-meetnow-')), silentLogger),
      clock,
      timeZone: () => 'Europe/Rome',
      log: silentLogger,
      subject: () => 'Booked at the room',
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.control.clearFaults();
    sandbox.control.clearRequests();
  });

  it('Zoom: a meeting for the booking’s length, and the room booked carrying its join link', async () => {
    now = at('19:00');
    const before = zoomMeetings().length;
    const result = await booking.meetNow('zoom', 30);

    expect(result).toEqual({ joinUrl: expect.stringMatching(/^https:\/\/[\w.-]*zoom\.us\/j\/\d+/), until: at('19:30').toISOString() });
    const created = zoomMeetings().slice(before);
    expect(created).toEqual([expect.objectContaining({ join_url: result.joinUrl, duration: 30, start_time: '2026-11-23T19:00:00Z', topic: 'Booked at the room' })]);
    expect(bookingsWith(result.joinUrl)).toEqual([expect.objectContaining({ subject: 'Booked at the room', location: expect.objectContaining({ displayName: 'Zoom meeting' }) })]);
    expect(booking.bookedHere().size).toBe(1);
  });

  it('Zoom: the create is applied but its answer lost (504) — found by its marker, never posted twice', async () => {
    now = at('19:45');
    sandbox.control.addFault({ service: 'zoom-api', method: 'POST', path: '/meetings$', action: { type: 'applyThenFail' } });
    const before = zoomMeetings().length;
    const result = await booking.meetNow('zoom', 15);

    expect(zoomMeetings().slice(before).map((m) => m['join_url'])).toEqual([result.joinUrl]);
    expect(posts('zoom-api', /\/meetings$/).map((r) => r.status)).toEqual([504]);
    expect(bookingsWith(result.joinUrl)).toHaveLength(1);
  });

  it('Zoom: a create refused outright (503 before anything was written) books nothing and says so', async () => {
    now = at('20:15');
    sandbox.control.addFault({ service: 'zoom-api', method: 'POST', path: '/meetings$', action: { type: 'status', status: 503 } });
    const before = { meetings: zoomMeetings().length, events: sandbox.control.events(ROOM).length };
    expect(await refusalCode(booking.meetNow('zoom', 15))).toBe('meeting-failed');
    expect(posts('zoom-api', /\/meetings$/)).toHaveLength(1);
    expect({ meetings: zoomMeetings().length, events: sandbox.control.events(ROOM).length }).toEqual(before);
  });

  it('Zoom: someone books the room meanwhile — the booking is refused and the Zoom meeting deleted again', async () => {
    now = at('20:30');
    sandbox.control.addEvent(ROOM, { subject: 'Booked from Outlook', start: { dateTime: '2026-11-23T20:40:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-23T21:00:00', timeZone: 'UTC' }, showAs: 'busy' });
    const before = zoomMeetings().length;
    expect(await refusalCode(booking.meetNow('zoom', 30))).toBe('slot-taken');
    expect(zoomMeetings()).toHaveLength(before);
    expect(sandbox.control.requests({ service: 'zoom-api' }).filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204]);
  });

  it('the room booking is applied but its answer lost (504) — still exactly one booking and one meeting', async () => {
    now = at('21:00');
    sandbox.control.addFault({ service: 'graph', method: 'POST', path: '/events$', action: { type: 'applyThenFail' } });
    const before = zoomMeetings().length;
    const result = await booking.meetNow('zoom', 15);
    expect(zoomMeetings()).toHaveLength(before + 1);
    expect(bookingsWith(result.joinUrl)).toHaveLength(1);
  });

  it('Webex: checks the schedule, then a meeting from now to the booking’s end, linked from the room’s event', async () => {
    now = at('21:30');
    const before = webexMeetings().length;
    const result = await booking.meetNow('webex', 15);

    expect(result.joinUrl).toMatch(/^https:\/\/[\w.-]*webex\.com\//);
    expect(webexMeetings().slice(before)).toEqual([expect.objectContaining({ webLink: result.joinUrl, title: 'Booked at the room', agenda: expect.stringContaining('Roomdeck') })]);
    const requests = sandbox.control.requests({ service: 'webex' }).map((r) => `${r.method} ${r.path} ${r.query['meetingType'] ?? ''}`.trim());
    expect(requests).toEqual(['GET /v1/meetings scheduledMeeting', 'POST /v1/meetings']);
    expect(bookingsWith(result.joinUrl)).toEqual([expect.objectContaining({ location: expect.objectContaining({ displayName: 'Webex meeting' }) })]);
  });

  it('Webex: a lost answer (504 after the create) finds the meeting by its marker — exactly one', async () => {
    now = at('22:00');
    sandbox.control.addFault({ service: 'webex', method: 'POST', path: '^/v1/meetings$', action: { type: 'applyThenFail' } });
    const before = webexMeetings().length;
    const result = await booking.meetNow('webex', 15);
    expect(webexMeetings().slice(before).map((m) => m['webLink'])).toEqual([result.joinUrl]);
    expect(posts('webex', /^\/v1\/meetings$/).map((r) => r.status)).toEqual([504]);
    expect(bookingsWith(result.joinUrl)).toHaveLength(1);
  });

  it('Webex: the account already has a meeting now — refused before anything is created or booked', async () => {
    now = at('14:30'); // the seeded "Partner review", 15:00–16:00 in Rome
    const before = { meetings: webexMeetings().length, events: sandbox.control.events(ROOM).length };
    expect(await refusalCode(booking.meetNow('webex', 15))).toBe('meeting-host-busy');
    expect(posts('webex', /^\/v1\/meetings$/)).toEqual([]);
    expect({ meetings: webexMeetings().length, events: sandbox.control.events(ROOM).length }).toEqual(before);
  });

  it('Google Meet for this Microsoft room: a Meet in the Google account’s own calendar, the room booked with its link', async () => {
    now = at('22:30');
    const result = await booking.meetNow('meet', 15);
    expect(result.joinUrl).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    const inGoogle = sandbox.control.google.events(sandbox.google.roomAccount).filter((event) => event.hangoutLink === result.joinUrl);
    expect(inGoogle).toHaveLength(1);
    expect(bookingsWith(result.joinUrl)).toEqual([expect.objectContaining({ location: expect.objectContaining({ displayName: 'Google Meet meeting' }) })]);
  });
});
