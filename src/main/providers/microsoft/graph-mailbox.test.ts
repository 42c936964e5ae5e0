import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../e2e/sandbox';
import { accessTokenFor, startTestSandbox } from '../../../../e2e/sandbox/test-support';
import type { SourceEvent } from '../../calendar/calendar-source';
import { createLogger, type Logger } from '../../health/logger';
import { detectJoinLink, type Detection } from '../../links';
import { GraphApi } from './graph-api';
import { GraphCalendarSource } from './graph-calendar';
import {
  GraphInvitationMailbox,
  invitationLookupOf,
  invitationQuery,
  meetingIdsOf,
  needsMailboxLookup,
  RECHECK_AFTER_MS,
  RETRY_AFTER_FAILURE_MS,
  type MailboxPath,
} from './graph-mailbox';

const ANCHOR = new Date('2026-11-23T10:10:00Z'); // a Monday; 10:10 in London
const FOCUS = 'focus1@contoso.com';
const ADMIN = 'it.admin@contoso.com';
const LONDON_DAY = { start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-24T00:00:00Z') };

/** What each Focus Room 1 organizer's invitation carries (the calendar items only show the organizer's name). */
const EXPECTED: Readonly<Record<string, { provider: string; url: RegExp } | null>> = {
  'Inès Moreau': { provider: 'teams', url: /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_\w+%40thread\.v2\/0\?context=/ },
  'Chiara Bianchi': { provider: 'meet', url: /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/ },
  'George Okafor': { provider: 'zoom', url: /^https:\/\/contoso\.zoom\.us\/j\/\d{11}\?pwd=\w+\.1$/ },
  'Raj Patel': { provider: 'webex', url: /^https:\/\/contoso\.webex\.com\/contoso\/j\.php\?MTID=m[0-9a-f]{32}$/ },
  // Zoom's Outlook add-in put the link in the location, which the room keeps: no mailbox lookup.
  'Avery Chen': { provider: 'zoom', url: /^https:\/\/contoso\.zoom\.us\/j\/\d{11}\?pwd=\w+\.1$/ },
  // An in-room meeting: no link in the invitation either.
  'Dmitri Volkov': null,
};

interface Outcome {
  readonly event: SourceEvent;
  readonly fromCalendar: Detection;
  readonly join: { provider: string; url: string } | null;
}

class Clock {
  constructor(private at: number) {}
  readonly now = (): number => this.at;
  advance(ms: number): void {
    this.at += ms;
  }
}

function captureLog(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { log: createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>)), lines };
}

describe('GraphInvitationMailbox against the sandbox (msal-node + Graph client, real HTTP)', () => {
  let sandbox: Sandbox;
  let mailToken = '';
  let calendarOnlyToken = '';
  let adminToken = '';

  const graphApi = (token: string, log: Logger = captureLog().log): GraphApi => new GraphApi(sandbox.urls.graph, async () => token, log);
  const mailboxRequests = () => sandbox.control.requests({ service: 'graph' }).filter((request) => request.path.endsWith('/messages'));

  /** The kiosk's view of one mailbox, on a clock the test moves. */
  function kiosk(token: string, path: MailboxPath = '/me'): { clock: Clock; lines: Record<string, unknown>[]; graph: GraphApi; mailbox: GraphInvitationMailbox } {
    const clock = new Clock(ANCHOR.getTime());
    const { log, lines } = captureLog();
    const graph = graphApi(token, log);
    return { clock, lines, graph, mailbox: new GraphInvitationMailbox(graph, path, { log, now: clock.now }) };
  }

  async function roomDay(graph: GraphApi): Promise<SourceEvent[]> {
    const source = new GraphCalendarSource(graph, { name: 'Focus Room 1', username: FOCUS });
    const [calendar] = await source.listCalendars();
    if (!calendar) throw new Error('Focus Room 1 has no calendar');
    return source.eventsBetween(calendar, LONDON_DAY.start, LONDON_DAY.end);
  }

  /** One agenda poll as the lead wires it: detect on the calendar item, fall back to the mailbox when needed. */
  async function poll(events: readonly SourceEvent[], mailbox: GraphInvitationMailbox): Promise<Outcome[]> {
    return Promise.all(
      events.map(async (event) => {
        const fromCalendar = detectJoinLink(event.linkSource);
        if (!needsMailboxLookup(event, fromCalendar)) return { event, fromCalendar, join: fromCalendar.join };
        const invitation = await mailbox.invitationFor(invitationLookupOf(event));
        return { event, fromCalendar, join: invitation ? detectJoinLink(invitation).join : null };
      }),
    );
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    // The calendar-only sign-in comes first: consent accumulates per account, and later tokens carry all of it.
    calendarOnlyToken = await accessTokenFor(sandbox, FOCUS, ['Calendars.Read']);
    mailToken = await accessTokenFor(sandbox, FOCUS, ['Calendars.Read', 'Mail.Read']);
    adminToken = await accessTokenFor(sandbox, ADMIN, ['Calendars.Read.Shared', 'Mail.Read.Shared']);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.control.clearRequests();
    sandbox.control.clearFaults();
  });

  it('resolves Focus Room 1’s stripped meetings to the join link of their invitation', async () => {
    const { graph, mailbox } = kiosk(mailToken);
    const outcomes = await poll(await roomDay(graph), mailbox);
    const invitations = sandbox.control.messages(FOCUS);

    expect(outcomes.map((o) => o.event.organizer).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const { event, fromCalendar, join } of outcomes) {
      const organizer = event.organizer ?? '';
      const expected = EXPECTED[organizer];
      // Exchange defaults: the subject is the organizer's name and the body is gone.
      expect(event.subject).toBe(organizer);
      if (organizer !== 'Avery Chen') expect(fromCalendar.join, organizer).toBeNull();
      expect(join?.provider ?? null, organizer).toBe(expected?.provider ?? null);
      if (!expected || !join) continue;
      expect(join.url, organizer).toMatch(expected.url);
      // Each organizer has one meeting in Focus Room 1.
      const invitation = invitations.find((message) => message.from?.emailAddress?.name === organizer);
      expect(invitation?.body?.content?.replaceAll('&amp;', '&'), organizer).toContain(join.url);
    }
  });

  it('asks the mailbox once per meeting per day, and never for meetings whose item has a link', async () => {
    const { clock, graph, mailbox } = kiosk(mailToken);
    const events = await roomDay(graph);
    const needing = events.filter((event) => needsMailboxLookup(event, detectJoinLink(event.linkSource)));
    expect(needing).toHaveLength(5);

    await poll(events, mailbox);
    expect(mailboxRequests()).toHaveLength(5);
    for (let i = 0; i < 3; i++) {
      clock.advance(30_000);
      await poll(events, mailbox);
    }
    expect(mailboxRequests()).toHaveLength(5);

    // The request a production client sends: an extended-property filter on the clean GlobalObjectId.
    const [first] = mailboxRequests();
    expect(first?.path).toBe('/v1.0/me/messages');
    expect(first?.query['$filter']).toMatch(/^singleValueExtendedProperties\/any\(ep: ep\/id eq 'Binary \{6ED8DA90-450B-101B-98DA-00AA003F1305\} Id 0x23' and cast\(ep\/value, Edm\.Binary\) eq binary'[A-Za-z0-9+/]+=*'\)$/);
    expect(first?.query['$top']).toBe('10');

    clock.advance(RECHECK_AFTER_MS);
    const again = await poll(events, mailbox);
    expect(mailboxRequests()).toHaveLength(10);
    expect(again.filter((o) => o.join !== null)).toHaveLength(5);
  });

  it('makes one request when several polls ask about the same meeting at once', async () => {
    const { graph, mailbox } = kiosk(mailToken);
    const [standup] = (await roomDay(graph)).filter((event) => event.organizer === 'George Okafor');
    if (!standup) throw new Error('no stand-up occurrence');
    const answers = await Promise.all([1, 2, 3].map(() => mailbox.invitationFor(invitationLookupOf(standup))));
    expect(answers.every((answer) => answer !== null && detectJoinLink(answer).join?.provider === 'zoom')).toBe(true);
    expect(mailboxRequests()).toHaveLength(1);
  });

  it('without Mail.Read returns null, logs why, and leaves the mailbox alone for a day', async () => {
    const { clock, lines, graph, mailbox } = kiosk(calendarOnlyToken);
    const events = await roomDay(graph);

    const outcomes = await poll(events, mailbox);
    await poll(events, mailbox);
    expect(outcomes.filter((o) => o.join !== null).map((o) => o.event.organizer)).toEqual(['Avery Chen']);
    expect(mailboxRequests().map((request) => request.status)).toEqual([403]);
    expect(lines.filter((line) => line['event'] === 'mailbox.unavailable')).toEqual([
      expect.objectContaining({ level: 'warn', mailbox: '/me', status: 403, code: 'ErrorAccessDenied' }),
    ]);

    clock.advance(RECHECK_AFTER_MS);
    await poll(events, mailbox);
    expect(mailboxRequests()).toHaveLength(2);
  });

  it('retries a failed lookup ten minutes later, not on every poll', async () => {
    const { clock, lines, graph, mailbox } = kiosk(mailToken);
    const webex = (await roomDay(graph)).find((event) => event.organizer === 'Raj Patel');
    if (!webex) throw new Error('no Webex meeting');
    // The Graph client retries a 503 three times; the fourth answer reaches the mailbox.
    sandbox.control.addFault({ service: 'graph', path: '/messages$', times: 4, action: { type: 'status', status: 503, retryAfter: 0 } });

    expect(await mailbox.invitationFor(invitationLookupOf(webex))).toBeNull();
    expect(lines.map((line) => line['event'])).toContain('mailbox.lookup-failed');
    clock.advance(RETRY_AFTER_FAILURE_MS - 1);
    expect(await mailbox.invitationFor(invitationLookupOf(webex))).toBeNull();
    expect(mailboxRequests()).toHaveLength(4);

    clock.advance(1);
    const invitation = await mailbox.invitationFor(invitationLookupOf(webex));
    expect(invitation && detectJoinLink(invitation).join?.provider).toBe('webex');
    expect(mailboxRequests()).toHaveLength(5);
  });

  it('reads a room mailbox shared with the IT account through /users/{room}', async () => {
    const { mailbox } = kiosk(adminToken, `/users/${encodeURIComponent(FOCUS)}`);
    const events = await roomDay(graphApi(mailToken));
    const outcomes = await poll(events, mailbox);
    expect(outcomes.filter((o) => o.join !== null)).toHaveLength(5);
    expect(new Set(mailboxRequests().map((request) => request.path))).toEqual(new Set(['/v1.0/users/focus1%40contoso.com/messages']));
  });

  it('returns null for an item booked straight into the room calendar (no invitation exists)', async () => {
    const added = sandbox.control.addEvent(FOCUS, {
      subject: 'Contoso IT',
      start: { dateTime: '2026-11-23T18:00:00', timeZone: 'Europe/London' },
      end: { dateTime: '2026-11-23T18:30:00', timeZone: 'Europe/London' },
    });
    const { mailbox } = kiosk(mailToken);
    expect(await mailbox.invitationFor({ id: added.id ?? '', iCalUId: added.iCalUId ?? null })).toBeNull();
    expect(mailboxRequests()).toHaveLength(1);
  });
});

describe('mailbox lookup helpers', () => {
  const series = `040000008200E00074C5B7101A82E00800000000${'AB'.repeat(36)}`;
  const occurrence = `${series.slice(0, 32)}07EA0B17${series.slice(40)}`;

  it('correlates an occurrence with its series through the clean GlobalObjectId', () => {
    expect(meetingIdsOf(occurrence)).toEqual({ exact: occurrence, clean: series });
    expect(meetingIdsOf(occurrence.toLowerCase())?.clean).toBe(series);
    for (const bad of [null, '', 'not-hex', series.slice(0, 80), `${series}A`, `FF${series.slice(2)}`]) expect(meetingIdsOf(bad), String(bad)).toBeNull();
  });

  it('builds a fully percent-encoded query (the Graph client sends query strings as written)', () => {
    const path: MailboxPath = '/users/focus1%40contoso.com';
    const query = invitationQuery(path, series);
    const [resource, search = ''] = query.split('?');
    expect(resource).toBe('/users/focus1%40contoso.com/messages');
    for (const pair of search.split('&')) expect(pair.slice(pair.indexOf('=') + 1)).not.toMatch(/[ +/:=&]/);
    const params = new URLSearchParams(search);
    expect(params.get('$select')).toBe('subject,body,receivedDateTime,microsoft.graph.eventMessage/meetingMessageType');
    expect(params.get('$expand')).toBe("singleValueExtendedProperties($filter=id eq 'Binary {6ED8DA90-450B-101B-98DA-00AA003F1305} Id 0x3')");
    expect(params.get('$filter')).toContain(`binary'${Buffer.from(series, 'hex').toString('base64')}'`);
  });

  it('looks in the mailbox only for Microsoft events without a link that can still be joined', () => {
    const event = (overrides: Partial<SourceEvent>): SourceEvent => ({
      id: 'e',
      subject: 'Avery Chen',
      organizer: 'Avery Chen',
      start: '2026-11-23T10:00:00.000Z',
      end: '2026-11-23T11:00:00.000Z',
      isAllDay: false,
      showAs: 'busy',
      isPrivate: false,
      isCancelled: false,
      linkSource: { source: 'graph', event: { iCalUId: series } },
      ...overrides,
    });
    const none: Detection = { join: null, candidates: [], rejected: [] };
    const found: Detection = { join: { provider: 'zoom', url: 'https://contoso.zoom.us/j/81234567890' }, candidates: [], rejected: [] };
    expect(needsMailboxLookup(event({}), none)).toBe(true);
    expect(needsMailboxLookup(event({ isPrivate: true }), none)).toBe(true);
    expect(needsMailboxLookup(event({}), found)).toBe(false);
    expect(needsMailboxLookup(event({ isCancelled: true }), none)).toBe(false);
    expect(needsMailboxLookup(event({ isAllDay: true }), none)).toBe(false);
    expect(needsMailboxLookup(event({ linkSource: { source: 'google', event: {} } }), none)).toBe(false);
    expect(invitationLookupOf(event({}))).toEqual({ id: 'e', iCalUId: series, subject: 'Avery Chen' });
    expect(invitationLookupOf(event({ linkSource: { source: 'graph', event: { iCalUId: 42 } } })).iCalUId).toBeNull();
  });
});
