import type { TFunction } from 'i18next';
import type { Meeting } from '../../shared/model';

/**
 * Private meetings never carry a subject (main drops it), nor do rooms where IT hides subjects or where Exchange
 * replaced the subject with the organizer's name: then the title names who booked it, or says "Meeting".
 */
export function meetingTitle(meeting: Meeting, t: TFunction): string {
  if (meeting.isPrivate) return t('home.privateMeeting');
  const subject = meeting.subject?.trim();
  if (subject) return subject;
  return meeting.organizer ? t('home.meetingBy', { name: meeting.organizer }) : t('home.untitled');
}

/** The organizer's own line, unless the title already names them ("Meeting by Avery Chen"). */
export function organizerLine(meeting: Meeting): string | null {
  return meeting.organizer && meeting.subject?.trim() ? meeting.organizer : null;
}
