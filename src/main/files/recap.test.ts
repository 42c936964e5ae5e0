import { describe, expect, it } from 'vitest';
import type { Privacy } from '../../shared/model';
import type { SourceEvent } from '../calendar/calendar-source';
import { parseKioskConfig } from '../config/kiosk-config';
import type { LogFields, Logger } from '../health/logger';
import type { OutgoingMail, RoomMailer } from '../mail/room-mailer';
import { resolveRoomSettings } from '../policy/room-settings';
import { meetingDuring, meetingPeople, recapMail, recapRecipients, recapTitle, sendRecap, type RecapDeps, type SessionRecord } from './recap';

const ROOM = { name: 'Boardroom 4', email: 'boardroom4@contoso.com', timeZone: 'Europe/Rome' };
const OPEN: Privacy = { hideSubjects: false, hideOrganizers: false };

/** A Graph event as the calendar source keeps it: the raw event (attendees and all) rides in `linkSource`. */
function graphEvent(overrides: Partial<SourceEvent> = {}, raw: Record<string, unknown> = {}): SourceEvent {
  return {
    id: 'ev1',
    subject: 'Q3 review',
    organizer: 'Avery Chen',
    start: '2026-11-23T09:00:00.000Z',
    end: '2026-11-23T10:00:00.000Z',
    isAllDay: false,
    showAs: 'busy',
    isPrivate: false,
    isCancelled: false,
    linkSource: {
      source: 'graph',
      event: {
        organizer: { emailAddress: { name: 'Avery Chen', address: 'avery.chen@contoso.com' } },
        attendees: [
          { type: 'required', emailAddress: { name: 'Dana Rossi', address: 'dana.rossi@contoso.com' } },
          { type: 'resource', emailAddress: { name: 'Boardroom 4', address: 'boardroom4@contoso.com' } },
          { type: 'resource', emailAddress: { name: 'Projector', address: 'projector@contoso.com' } },
        ],
        ...raw,
      },
    },
    ...overrides,
  };
}

const session = (overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  startedAt: new Date('2026-11-23T09:10:00Z'),
  endedAt: new Date('2026-11-23T09:50:00Z'),
  files: [{ name: 'Q3 results.pdf', size: 1_572_864 }],
  sent: [],
  ...overrides,
});

function recorder(): Logger & { lines: [string, LogFields | undefined][] } {
  const lines: [string, LogFields | undefined][] = [];
  const push = (event: string, fields?: LogFields) => void lines.push([event, fields]);
  return { lines, info: push, warn: push, error: push };
}

function deps(overrides: Partial<RecapDeps> = {}): RecapDeps & { outbox: OutgoingMail[]; lines: [string, LogFields | undefined][] } {
  const outbox: OutgoingMail[] = [];
  const mailer: RoomMailer = { provider: 'microsoft', maxAttachmentBytes: 3_000_000, send: (mail) => Promise.resolve(void outbox.push(mail)) };
  const log = recorder();
  return { enabled: () => true, mailer: () => mailer, events: () => [graphEvent()], room: () => ROOM, privacy: () => OPEN, language: 'en', log, outbox, lines: log.lines, ...overrides };
}

describe('the recap mail', () => {
  it('is off unless IT switches it on (config or policy)', async () => {
    const config = parseKioskConfig({ microsoft: { clientId: 'app' } }, 'test');
    expect(config.recap.enabled).toBe(false);
    expect(resolveRoomSettings(config, {}, { version: 1 }, 'UTC').values.recapEnabled).toBe(false);
    expect(resolveRoomSettings(config, {}, { version: 1, recap: { enabled: true } }, 'UTC').values.recapEnabled).toBe(true);
    const on = parseKioskConfig({ microsoft: { clientId: 'app' }, recap: { enabled: true } }, 'test');
    expect(resolveRoomSettings(on, {}, { version: 1, recap: { enabled: false } }, 'UTC').values.recapEnabled).toBe(false);

    const off = deps({ enabled: () => false });
    await sendRecap(session(), off);
    expect(off.outbox).toEqual([]);
  });

  it('goes to the organizer, the attendees and whoever Send mailed, once each, never the room or its equipment', () => {
    const sent = [{ files: ['Q3 results.pdf'], to: ['Dana.Rossi@contoso.com', 'lee.park@fabrikam.com'] }];
    expect(recapRecipients(graphEvent(), sent, 'BoardRoom4@contoso.com')).toEqual(['avery.chen@contoso.com', 'dana.rossi@contoso.com', 'lee.park@fabrikam.com']);
    // A booking made at the room: the room organizes it, so only Send's people are left.
    const own = graphEvent({}, { organizer: { emailAddress: { address: 'boardroom4@contoso.com' } }, attendees: [] });
    expect(recapRecipients(own, sent, ROOM.email)).toEqual(['Dana.Rossi@contoso.com', 'lee.park@fabrikam.com']);
    expect(recapRecipients(null, [], ROOM.email)).toEqual([]);
  });

  it('reads Google attendees too, and leaves out addresses that could break a header', () => {
    const google = graphEvent({
      linkSource: {
        source: 'google',
        event: {
          organizer: { email: 'avery.chen@contoso.com' },
          attendees: [{ email: 'room@resource.calendar.google.com', resource: true }, { email: 'dana.rossi@contoso.com' }, { email: 'x@y.com\r\nBcc: all@contoso.com' }],
        },
      },
    });
    expect(meetingPeople(google)).toEqual(['avery.chen@contoso.com', 'dana.rossi@contoso.com', 'x@y.com\r\nBcc: all@contoso.com']);
    expect(recapRecipients(google, [], ROOM.email)).toEqual(['avery.chen@contoso.com', 'dana.rossi@contoso.com']);
  });

  it('belongs to the meeting the session took place in', () => {
    const before = graphEvent({ id: 'before', start: '2026-11-23T08:00:00.000Z', end: '2026-11-23T09:00:00.000Z' });
    const allDay = graphEvent({ id: 'all-day', isAllDay: true, start: '2026-11-23', end: '2026-11-24' });
    const during = graphEvent({ id: 'during', start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T09:30:00.000Z' });
    const next = graphEvent({ id: 'next', start: '2026-11-23T09:45:00.000Z', end: '2026-11-23T10:30:00.000Z' });
    expect(meetingDuring([before, allDay, next, during], session())?.id).toBe('during');
    expect(meetingDuring([before, allDay], session())).toBeNull();
    // A session on an empty room that ran into the next meeting belongs to it.
    expect(meetingDuring([next], session())?.id).toBe('next');
  });

  it('names a private meeting, or any while IT hides subjects, only as a meeting in the room', () => {
    expect(recapTitle(graphEvent(), OPEN, 'Boardroom 4', 'en')).toBe('Q3 review');
    expect(recapTitle(graphEvent({ isPrivate: true }), OPEN, 'Boardroom 4', 'en')).toBe('Meeting in Boardroom 4');
    expect(recapTitle(graphEvent(), { hideSubjects: true, hideOrganizers: false }, 'Boardroom 4', 'it')).toBe('Riunione in Boardroom 4');
    expect(recapTitle(graphEvent({ subject: '  ' }), OPEN, 'Boardroom 4', 'en')).toBe('Meeting in Boardroom 4');
    expect(recapTitle(null, OPEN, 'Boardroom 4', 'en')).toBe('Meeting in Boardroom 4');
  });

  it('lists files with sizes and who got which, says the room is clean, and escapes every name', () => {
    const record = session({
      files: [
        { name: '<img src=x onerror=alert(1)>.pdf', size: 1_572_864 },
        { name: 'notes & "ideas".txt', size: 300 },
      ],
      sent: [{ files: ['notes & "ideas".txt'], to: ['dana.rossi@contoso.com'] }],
    });
    const { subject, html } = recapMail({ title: 'Q3 <review>\r\nBcc: x', room: ROOM, span: graphEvent(), session: record }, 'en');
    expect(subject).toBe('Recap: Q3 <review> Bcc: x');
    expect(html).toContain('<h2>Q3 &lt;review&gt;\r\nBcc: x</h2>');
    expect(html).toContain('<p>Boardroom 4, 10:00–11:00 (Europe/Rome)</p>');
    expect(html).toContain('<li>&lt;img src=x onerror=alert(1)&gt;.pdf (1.5 MB)</li>');
    expect(html).toContain('<li>notes &amp; &quot;ideas&quot;.txt (1 KB)</li>');
    expect(html).toContain('<li>Sent notes &amp; &quot;ideas&quot;.txt to dana.rossi@contoso.com.</li>');
    expect(html).toContain('the room is clean');
    expect(html).not.toContain('<img');

    const italian = recapMail({ title: 'Riunione in Boardroom 4', room: ROOM, span: graphEvent(), session: record }, 'it');
    expect(italian.subject).toBe('Riepilogo: Riunione in Boardroom 4');
    expect(italian.html).toContain('(1,5 MB)');
    expect(italian.html).toContain('la sala è pulita');
  });

  it('mails the meeting’s people from the room, without attachments', async () => {
    const d = deps();
    await sendRecap(session({ sent: [{ files: ['Q3 results.pdf'], to: ['lee.park@fabrikam.com'] }] }), d);
    expect(d.outbox).toHaveLength(1);
    expect(d.outbox[0]).toMatchObject({ to: ['avery.chen@contoso.com', 'dana.rossi@contoso.com', 'lee.park@fabrikam.com'], subject: 'Recap: Q3 review' });
    expect(d.outbox[0]?.attachments).toBeUndefined();
    expect(d.lines.map(([event]) => event)).toEqual(['recap.sent']);
  });

  it('logs and mails nothing when the room may not send mail or nobody is known', async () => {
    const mailOff = deps({ mailer: () => null });
    await sendRecap(session(), mailOff);
    expect(mailOff.lines.map(([event]) => event)).toEqual(['recap.mail-off']);

    const nobody = deps({ events: () => [] });
    await sendRecap(session(), nobody);
    expect(nobody.outbox).toEqual([]);
    expect(nobody.lines).toEqual([['recap.no-recipients', { meeting: false }]]);
  });
});
