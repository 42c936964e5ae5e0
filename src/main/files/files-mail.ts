import { escapeHtml } from '../mail/html';
import type { MailLanguage } from '../invite/invitation-mail';

const TEXT = {
  en: {
    subject: (room: string) => `Files from ${room}`,
    intro: (room: string) => `Here are the files shown in ${room}.`,
    attached: 'Attached:',
    linked: 'Too big to attach — open them here:',
    sentBy: (room: string) => `Sent by the ${room} room display.`,
  },
  it: {
    subject: (room: string) => `File dalla sala ${room}`,
    intro: (room: string) => `Ecco i file mostrati in ${room}.`,
    attached: 'In allegato:',
    linked: 'Troppo grandi da allegare — aprili qui:',
    sentBy: (room: string) => `Inviato dallo schermo della sala ${room}.`,
  },
} as const;

/** The mail that carries a session's files: names of the attachments, and a link per file too big to attach. */
export function filesMail(room: string, attached: readonly string[], linked: readonly { name: string; url: string }[], language: MailLanguage): { subject: string; html: string } {
  const text = TEXT[language];
  const name = escapeHtml(room);
  const list = (items: readonly string[]) => `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:16px">
<p>${text.intro(name)}</p>
${attached.length > 0 ? `<p>${text.attached}</p>${list(attached.map(escapeHtml))}` : ''}
${linked.length > 0 ? `<p>${text.linked}</p>${list(linked.map((link) => `<a href="${escapeHtml(link.url)}">${escapeHtml(link.name)}</a>`))}` : ''}
<p style="color:#666666">${text.sentBy(name)}</p>
</body></html>`;
  return { subject: text.subject(room), html };
}
