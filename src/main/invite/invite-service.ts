import { emailKey, MAX_RESULTS, type DirectorySource, type InviteOptions, type Person, type SearchResult, type SendResult } from '../../shared/invite';
import type { CalendarChoice, Meeting, Room } from '../../shared/model';
import { UserFacingError } from '../bridge/router';
import { searchDirectories, type Directory } from '../directory/directory';
import type { Logger } from '../health/logger';
import type { RoomMailer } from '../mail/room-mailer';
import type { AttendeeWriter } from './attendees';
import { invitationMail, type MailLanguage } from './invitation-mail';

export interface InviteServiceDeps {
  /** The directories whose feature is on, the room's own provider first (its names win on duplicates). */
  directories(): Directory[];
  /** The room's mailer while its mail feature is on. */
  mailer(): RoomMailer | null;
  /** Writes attendees into the room's bookings while booking is on. */
  attendees(): AttendeeWriter | null;
  /** The booking made here that is in progress now, after a fresh look at the calendar; null when there is none. */
  ownBooking(): Promise<{ calendar: CalendarChoice; meeting: Meeting; room: Room } | null>;
  /** Whether a booking made here is in progress, from the agenda on screen (no network). */
  hasOwnBooking(): boolean;
  /** The room's own address: rooms are in directories too, and inviting the room to its own booking is no use. */
  roomAddress(): string | null;
  language: MailLanguage;
  log: Logger;
}

/**
 * "Invite people": search the directories the room may use, then add the chosen people to the booking in progress
 * and mail them its join link from the room's mailbox. Retrying after a failure is safe: attendees already added are
 * not added again, and the mail goes out once per successful send.
 */
/** Addresses remembered from recent searches; older ones drop out first. */
const REMEMBERED_PEOPLE = 200;

export class InviteService {
  /**
   * Everyone a search found lately, by address. Send accepts only these: the renderer cannot make the room's mailbox
   * write to an address no directory returned (a compromised page must not turn the room into a mail relay).
   */
  private readonly found = new Map<string, Person>();

  constructor(private readonly deps: InviteServiceDeps) {}

  options(): InviteOptions {
    const directories: DirectorySource[] = this.deps.directories().map((directory) => directory.source);
    return { directories, mail: this.deps.mailer() !== null, booking: this.deps.hasOwnBooking() };
  }

  async search(query: string): Promise<SearchResult> {
    const directories = this.deps.directories();
    if (directories.length === 0) throw new UserFacingError('directory-off', 'Directory search is off on this room.');
    const result = await searchDirectories(directories, query, this.deps.log, MAX_RESULTS);
    if (result.unavailable.length === directories.length) throw new UserFacingError('directory-failed', 'The directory did not answer. Please try again.');
    const room = this.deps.roomAddress();
    const people = result.people.filter((person) => room === null || emailKey(person.email) !== emailKey(room));
    for (const person of people) this.remember(person);
    return { ...result, people };
  }

  async send(chosen: Person[]): Promise<SendResult> {
    const people = this.knownPeople(chosen);
    const writer = this.deps.attendees();
    const mailer = this.deps.mailer();
    if (!writer && !mailer) throw new UserFacingError('invite-off', 'Inviting people is not switched on for this room.');
    const booking = await this.deps.ownBooking();
    if (!booking) throw new UserFacingError('no-own-booking', 'There is no booking from this screen in progress.');
    if (writer) await this.addAttendees(writer, booking.calendar, booking.meeting.id, people);
    if (mailer) await this.mail(mailer, booking.room, booking.meeting, people);
    this.deps.log.info('invite.sent', { people: people.length, attendees: writer !== null, mailed: mailer !== null });
    return { attendees: writer !== null, mailed: mailer !== null };
  }

  private remember(person: Person): void {
    const key = emailKey(person.email);
    this.found.delete(key);
    this.found.set(key, person);
    if (this.found.size > REMEMBERED_PEOPLE) this.found.delete(this.found.keys().next().value ?? key);
  }

  /** The chosen people as the directories gave them (names included), or a refusal naming none of them. */
  private knownPeople(chosen: Person[]): Person[] {
    const known = chosen.map((person) => this.found.get(emailKey(person.email)));
    if (known.some((person) => person === undefined)) {
      this.deps.log.warn('invite.unknown-person', { count: chosen.length });
      throw new UserFacingError('invite-unknown-person', 'Only people found by a search can be invited.');
    }
    return known.filter((person): person is Person => person !== undefined);
  }

  private async addAttendees(writer: AttendeeWriter, calendar: CalendarChoice, eventId: string, people: Person[]): Promise<void> {
    try {
      await writer.addAttendees(calendar, eventId, people);
    } catch (error) {
      this.deps.log.warn('invite.attendees-failed', { error: String(error) });
      throw new UserFacingError('attendees-failed', 'The people could not be added to the booking. Please try again.');
    }
  }

  private async mail(mailer: RoomMailer, room: Room, meeting: Meeting, people: Person[]): Promise<void> {
    const { subject, html } = invitationMail(room, meeting, this.deps.language);
    try {
      await mailer.send({ to: people.map((person) => person.email), subject, html });
    } catch (error) {
      this.deps.log.warn('invite.mail-failed', { provider: mailer.provider, error: String(error) });
      if (error instanceof UserFacingError) throw error;
      throw new UserFacingError('mail-failed', 'The invitation did not go out. Please try again.');
    }
  }
}
