import { describe, expect, it } from 'vitest';
import type { Person } from '../../shared/invite';
import type { CalendarChoice, Meeting, Room } from '../../shared/model';
import { UserFacingError } from '../bridge/router';
import { silentLogger } from '../health/logger';
import { MailRefusedError, type OutgoingMail, type RoomMailer } from '../mail/room-mailer';
import { newAttendees, type AttendeeWriter } from './attendees';
import { escapeHtml } from '../mail/html';
import { invitationMail } from './invitation-mail';
import { InviteService, type InviteServiceDeps } from './invite-service';

const ROOM: Room = { name: 'Sala <Blu> & co', email: 'blu@contoso.com', timeZone: 'Europe/Rome' };
const CALENDAR: CalendarChoice = { id: 'cal', name: 'Blu', ownerName: 'Blu', ownerEmail: 'blu@contoso.com', isRoomAccountOwn: true };
const MEETING: Meeting = {
  id: 'ev1',
  subject: 'Booked at the room',
  organizer: null,
  start: '2026-11-23T09:00:00Z',
  end: '2026-11-23T09:30:00Z',
  isAllDay: false,
  showAs: 'busy',
  isPrivate: false,
  join: { provider: 'teams', providerName: 'Microsoft Teams', url: 'https://teams.microsoft.com/l/meetup-join/x?a=1&b="2"' },
  otherJoins: [],
  bookedHere: true,
};
const people: Person[] = [
  { name: 'Avery Chen', email: 'avery.chen@contoso.com', source: 'microsoft' },
  { name: '<script>x</script>', email: 'eve@contoso.com', source: 'zoom' },
];

class FakeMailer implements RoomMailer {
  readonly provider = 'microsoft';
  readonly maxAttachmentBytes = 1;
  sent: OutgoingMail[] = [];
  failures = 0;
  async send(mail: OutgoingMail): Promise<void> {
    if (this.failures-- > 0) throw new MailRefusedError('microsoft', 'failed');
    this.sent.push(mail);
  }
}

class FakeAttendees implements AttendeeWriter {
  attendees: string[] = [];
  async addAttendees(_calendar: CalendarChoice, _id: string, added: readonly Person[]): Promise<void> {
    this.attendees.push(...newAttendees(this.attendees, added).map((p) => p.email));
  }
}

/** A directory that finds everyone in `people`, so they may be invited. */
const everyone = { source: 'microsoft' as const, search: async () => people };

async function service(overrides: Partial<InviteServiceDeps> = {}) {
  const mailer = new FakeMailer();
  const writer = new FakeAttendees();
  const deps: InviteServiceDeps = {
    directories: () => [everyone],
    mailer: () => mailer,
    attendees: () => writer,
    ownBooking: async () => ({ calendar: CALENDAR, meeting: MEETING, room: ROOM }),
    hasOwnBooking: () => true,
    roomAddress: () => ROOM.email,
    language: 'en',
    log: silentLogger,
    ...overrides,
  };
  const invites = new InviteService(deps);
  if (deps.directories().length > 0) await invites.search('a');
  return { invites, mailer, writer, deps };
}

describe('InviteService', () => {
  it('adds the people to the booking and mails them the join link', async () => {
    const { invites, mailer, writer } = await service();
    expect(await invites.send(people)).toEqual({ attendees: true, mailed: true });
    expect(writer.attendees).toEqual(['avery.chen@contoso.com', 'eve@contoso.com']);
    expect(mailer.sent.map((m) => m.to)).toEqual([['avery.chen@contoso.com', 'eve@contoso.com']]);
  });

  it('after a failed mail, sending again mails once and adds nobody twice', async () => {
    const { invites, mailer, writer } = await service();
    mailer.failures = 1;
    await expect(invites.send(people)).rejects.toMatchObject({ code: 'mail-failed' });
    await invites.send(people);
    expect(writer.attendees).toEqual(['avery.chen@contoso.com', 'eve@contoso.com']);
    expect(mailer.sent).toHaveLength(1);
  });

  it('says why when there is nothing to search, nobody to write to, or no booking', async () => {
    await expect((await service({ directories: () => [] })).invites.search('x')).rejects.toMatchObject({ code: 'directory-off' });
    await expect((await service({ mailer: () => null, attendees: () => null })).invites.send(people)).rejects.toMatchObject({ code: 'invite-off' });
    await expect((await service({ ownBooking: async () => null })).invites.send(people)).rejects.toBeInstanceOf(UserFacingError);
  });

  it('invites only people a search returned, with the directory’s name for them', async () => {
    const { invites, writer } = await service();
    await expect(invites.send([{ name: 'Spam', email: 'list@elsewhere.example', source: 'microsoft' }])).rejects.toMatchObject({ code: 'invite-unknown-person' });
    expect(writer.attendees).toEqual([]);
    const { invites: fresh, mailer } = await service();
    await fresh.send([{ ...(people[0] as Person), name: 'Renamed by the page', email: 'AVERY.CHEN@contoso.com' }]);
    expect(mailer.sent.map((m) => m.to)).toEqual([['avery.chen@contoso.com']]);
  });

  it('leaves the room itself out of the people found', async () => {
    const withRoom = { source: 'microsoft' as const, search: async () => [{ name: 'Sala Blu', email: 'BLU@contoso.com', source: 'microsoft' as const }, ...people] };
    const { deps } = await service();
    expect((await new InviteService({ ...deps, directories: () => [withRoom] }).search('b')).people).toEqual(people);
  });

  it('reports every directory failing as one error, and some failing as a partial answer', async () => {
    const failing = { source: 'zoom' as const, search: async () => Promise.reject(new Error('down')) };
    const working = { source: 'webex' as const, search: async () => [people[0] as Person] };
    const onlyFailing = new InviteService({ ...(await service()).deps, directories: () => [failing] });
    await expect(onlyFailing.search('a')).rejects.toMatchObject({ code: 'directory-failed' });
    const partly = new InviteService({ ...(await service()).deps, directories: () => [failing, working] });
    expect(await partly.search('a')).toEqual({ people: [people[0]], unavailable: ['zoom'] });
  });
});

describe('invitation mail', () => {
  it('escapes what came from the calendar and config, and shows the link as a button and as text', () => {
    const { subject, html } = invitationMail(ROOM, MEETING, 'en');
    expect(subject).toBe('Join the meeting in Sala <Blu> & co now');
    expect(html).toContain('Sala &lt;Blu&gt; &amp; co');
    expect(html).not.toContain('<Blu>');
    expect(html).toContain(`href="${escapeHtml(MEETING.join?.url ?? '')}"`);
    expect(html).toContain('10:00–10:30 (Europe/Rome)');
  });

  it('speaks Italian for an Italian room, and leaves the link out of a plain booking', () => {
    const { subject, html } = invitationMail(ROOM, { ...MEETING, join: null }, 'it');
    expect(subject).toBe('Sei invitato in Sala <Blu> & co');
    expect(html).not.toContain('href=');
  });
});
