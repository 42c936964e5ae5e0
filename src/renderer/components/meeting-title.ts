import type { TFunction } from 'i18next';
import type { Meeting } from '../../shared/model';

/** Private meetings never carry a subject (main drops it); untitled ones get a neutral word, not an empty line. */
export function meetingTitle(meeting: Meeting, t: TFunction): string {
  if (meeting.isPrivate) return t('home.privateMeeting');
  return meeting.subject?.trim() || t('home.untitled');
}
