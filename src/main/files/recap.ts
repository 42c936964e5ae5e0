import { z } from 'zod';
import { EmailSchema, emailKey } from '../../shared/invite';
import type { Privacy } from '../../shared/model';
import type { SourceEvent } from '../calendar/calendar-source';
import type { Logger } from '../health/logger';
import { escapeHtml } from '../mail/html';
import { timeRange, type MailLanguage } from '../invite/invitation-mail';
import type { RoomMailer } from '../mail/room-mailer';

/**
 * The recap mailed after a workspace session that brought files into the room (issue 8): which meeting, what was on
 * the screen, what Send mailed to whom, and that the room is clean. It lives beside Send's own mail (files-mail.ts):
 * like the invitation and health mails, the feature builds its mail and mail/ only carries it.
 */

/** What a session did: when it ran, what was on the screen, and each Send (which files, to whom). */
export interface SessionRecord {
  startedAt: Date;
  endedAt: Date;
  files: { name: string; size: number }[];
  sent: { files: string[]; to: string[] }[];
}

/** The room as the recap names it; `email` is null until the agenda has named the room's mailbox. */
export interface RecapRoom {
  name: string;
  email: string | null;
  timeZone: string;
}

export interface RecapDeps {
  /** `recap.enabled`, from IT's policy or the install's config. */
  enabled(): boolean;
  /** The room's mailer while its send-mail feature is on. */
  mailer(): RoomMailer | null;
  /** Today's calendar events as the provider sent them (attendees included). */
  events(): readonly SourceEvent[];
  room(): RecapRoom;
  privacy(): Privacy;
  language: MailLanguage;
  log: Logger;
}

/**
 * The one meeting the session took place in: of the timed, not cancelled events, the one it overlaps longest (a
 * session that runs on past its meeting's end by a few minutes still belongs to that meeting, not the next).
 */
export function meetingDuring(events: readonly SourceEvent[], session: Pick<SessionRecord, 'startedAt' | 'endedAt'>): SourceEvent | null {
  const overlap = (event: SourceEvent) => Math.min(Date.parse(event.end), session.endedAt.getTime()) - Math.max(Date.parse(event.start), session.startedAt.getTime());
  let best: SourceEvent | null = null;
  for (const event of events) {
    if (event.isAllDay || event.isCancelled || overlap(event) < 0) continue;
    if (best === null || overlap(event) > overlap(best)) best = event;
  }
  return best;
}

// The raw events are loose on purpose (the link detector reads them whole): read the people from them here, checked.
const GraphAddress = z.object({ emailAddress: z.object({ address: z.string().nullish() }).loose().nullish() }).loose();
const GraphPeopleSchema = z
  .object({ organizer: GraphAddress.nullish(), attendees: z.array(GraphAddress.extend({ type: z.string().nullish() })).nullish().catch(null) })
  .loose();
const GooglePerson = z.object({ email: z.string().nullish(), resource: z.boolean().nullish() }).loose();
const GooglePeopleSchema = z.object({ organizer: GooglePerson.nullish(), attendees: z.array(GooglePerson).nullish().catch(null) }).loose();

/** The organizer first, then the attendees; rooms and equipment booked with the meeting (resources) are not people. */
export function meetingPeople(event: SourceEvent): string[] {
  const { source, event: raw } = event.linkSource;
  if (source === 'graph') {
    const parsed = GraphPeopleSchema.safeParse(raw);
    if (!parsed.success) return [];
    const attendees = (parsed.data.attendees ?? []).filter((attendee) => attendee.type !== 'resource');
    return [parsed.data.organizer, ...attendees].flatMap((person) => person?.emailAddress?.address ?? []);
  }
  if (source === 'google') {
    const parsed = GooglePeopleSchema.safeParse(raw);
    if (!parsed.success) return [];
    return [parsed.data.organizer, ...(parsed.data.attendees ?? [])].flatMap((person) => (person?.email && person.resource !== true ? person.email : []));
  }
  return [];
}

/** The mailer refuses more than this many recipients in one mail (OutgoingMailSchema). */
const MAX_RECIPIENTS = 100;

/**
 * The meeting's people and everyone Send mailed, once each, never the room itself; an address a calendar holds that
 * could break a mail header is left out rather than failing the whole mail.
 */
export function recapRecipients(meeting: SourceEvent | null, sent: SessionRecord['sent'], roomEmail: string | null): string[] {
  const room = roomEmail === null ? null : emailKey(roomEmail);
  const unique = new Map<string, string>();
  for (const address of [...(meeting ? meetingPeople(meeting) : []), ...sent.flatMap((send) => send.to)]) {
    const key = emailKey(address);
    if (key !== room && !unique.has(key) && EmailSchema.safeParse(address.trim()).success) unique.set(key, address.trim());
  }
  return [...unique.values()].slice(0, MAX_RECIPIENTS);
}

/** The subject people may read: a private meeting's, or any while IT hides subjects, is not shown. */
export function recapTitle(meeting: SourceEvent | null, privacy: Privacy, room: string, language: MailLanguage): string {
  const subject = meeting && !meeting.isPrivate && !privacy.hideSubjects ? meeting.subject?.trim() : undefined;
  return subject || TEXT[language].meetingIn(room);
}

const TEXT = {
  en: {
    meetingIn: (room: string) => `Meeting in ${room}`,
    subject: (title: string) => `Recap: ${title}`,
    shown: 'Files shown on the screen:',
    sentTo: (files: string, people: string) => `Sent ${files} to ${people}.`,
    clean: 'Everything was removed from the room afterwards: the room is clean.',
    sentBy: (room: string) => `Sent by the ${room} room display.`,
  },
  it: {
    meetingIn: (room: string) => `Riunione in ${room}`,
    subject: (title: string) => `Riepilogo: ${title}`,
    shown: 'File mostrati sullo schermo:',
    sentTo: (files: string, people: string) => `Inviati ${files} a ${people}.`,
    clean: 'Alla fine tutto è stato rimosso dalla sala: la sala è pulita.',
    sentBy: (room: string) => `Inviato dallo schermo della sala ${room}.`,
  },
} as const;

/** "1.2 MB", "640 KB": enough to recognise a file, in the reader's number format. */
function fileSize(bytes: number, language: MailLanguage): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : [Math.max(1, Math.ceil(bytes / 1024)), 'KB'];
  return `${new Intl.NumberFormat(language === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}

export interface RecapContent {
  title: string;
  room: RecapRoom;
  /** The meeting's span, or the session's when no meeting is known. */
  span: { start: string; end: string };
  session: SessionRecord;
}

/** Names and sizes only: the recap never carries a file's contents, every bit of calendar and drive text is escaped. */
export function recapMail(content: RecapContent, language: MailLanguage): { subject: string; html: string } {
  const text = TEXT[language];
  const room = escapeHtml(content.room.name);
  const files = content.session.files.map((file) => `<li>${escapeHtml(file.name)} (${fileSize(file.size, language)})</li>`).join('');
  const sends = content.session.sent.map((send) => `<li>${text.sentTo(escapeHtml(send.files.join(', ')), escapeHtml(send.to.join(', ')))}</li>`).join('');
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:16px">
<h2>${escapeHtml(content.title)}</h2>
<p>${room}, ${escapeHtml(timeRange(content.span, content.room.timeZone, language))}</p>
<p>${text.shown}</p><ul>${files}</ul>
${sends === '' ? '' : `<ul>${sends}</ul>`}
<p><b>${text.clean}</b></p>
<p style="color:#666666">${text.sentBy(room)}</p>
</body></html>`;
  // Subjects are one line: a meeting subject from a calendar must not smuggle a header in.
  return { subject: text.subject(content.title).replace(/[\r\n]+/g, ' ').slice(0, 255), html };
}

/**
 * After a session with files: mails the recap when IT switched recaps on and the room may send mail, to the people
 * of the meeting the session took place in and those Send mailed. Each reason not to mail is logged, never shown.
 */
export async function sendRecap(session: SessionRecord, deps: RecapDeps): Promise<void> {
  if (!deps.enabled()) return;
  const mailer = deps.mailer();
  if (!mailer) {
    deps.log.info('recap.mail-off', { files: session.files.length });
    return;
  }
  const room = deps.room();
  const meeting = meetingDuring(deps.events(), session);
  const to = recapRecipients(meeting, session.sent, room.email);
  if (to.length === 0) {
    deps.log.info('recap.no-recipients', { meeting: meeting !== null });
    return;
  }
  const title = recapTitle(meeting, deps.privacy(), room.name, deps.language);
  const span = meeting ?? { start: session.startedAt.toISOString(), end: session.endedAt.toISOString() };
  await mailer.send({ to, ...recapMail({ title, room, span, session }, deps.language) });
  deps.log.info('recap.sent', { people: to.length, files: session.files.length, meeting: meeting !== null });
}
