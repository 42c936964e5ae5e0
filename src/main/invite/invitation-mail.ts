import type { Meeting, Room } from '../../shared/model';
import { escapeHtml } from '../mail/html';

export type MailLanguage = 'en' | 'it';

const TEXT = {
  en: {
    subjectWithLink: (room: string) => `Join the meeting in ${room} now`,
    subjectBooking: (room: string) => `You are invited to ${room}`,
    intro: (room: string, time: string) => `You are invited to a meeting in ${room}, ${time}.`,
    join: 'Join the meeting',
    copy: 'Or copy this link into your browser:',
    qr: 'In the room, scan the QR code on the screen to join from your phone.',
    sentBy: (room: string) => `Sent by the ${room} room display.`,
  },
  it: {
    subjectWithLink: (room: string) => `Partecipa ora alla riunione in ${room}`,
    subjectBooking: (room: string) => `Sei invitato in ${room}`,
    intro: (room: string, time: string) => `Sei invitato a una riunione in ${room}, ${time}.`,
    join: 'Partecipa alla riunione',
    copy: 'Oppure copia questo link nel browser:',
    qr: 'In sala, inquadra il codice QR sullo schermo per partecipare dal telefono.',
    sentBy: (room: string) => `Inviato dallo schermo della sala ${room}.`,
  },
} as const;

/** "14:00–15:00 (Europe/Rome)" in the room's zone: people reading the mail elsewhere see which clock it means. */
export function timeRange(span: Pick<Meeting, 'start' | 'end'>, timeZone: string, language: MailLanguage): string {
  const format = new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  return `${format.format(new Date(span.start))}–${format.format(new Date(span.end))} (${timeZone})`;
}

/**
 * The invitation the room mails: where and when, and the join link twice — as a big button and as plain text on its
 * own line, which phones turn into a tappable link and people can copy. No images: many clients block them.
 */
export function invitationMail(room: Room, meeting: Meeting, language: MailLanguage): { subject: string; html: string } {
  const text = TEXT[language];
  const name = escapeHtml(room.name);
  const link = meeting.join?.url ?? null;
  const joinBlock = link
    ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:14px 24px;background:#1f6feb;color:#ffffff;font-size:20px;text-decoration:none;border-radius:6px">${text.join}</a></p>
<p>${text.copy}<br><span style="font-size:18px">${escapeHtml(link)}</span></p>
<p>${text.qr}</p>`
    : '';
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:16px">
<p>${text.intro(name, escapeHtml(timeRange(meeting, room.timeZone, language)))}</p>
${joinBlock}
<p style="color:#666666">${text.sentBy(name)}</p>
</body></html>`;
  return { subject: link ? text.subjectWithLink(room.name) : text.subjectBooking(room.name), html };
}
