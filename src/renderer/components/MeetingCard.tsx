import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../shared/model';
import { formatTime } from '../i18n';
import { JoinButton } from './JoinButton';
import { meetingTitle } from './meeting-title';

export function meetingTimes(meeting: Meeting, timeZone: string, language: string, allDay: string): string {
  if (meeting.isAllDay) return allDay;
  return `${formatTime(meeting.start, timeZone, language)}–${formatTime(meeting.end, timeZone, language)}`;
}

/** The "Now" / "Next" card: big enough to read from across the table, with the one Join people came for. */
export function MeetingCard({ label, meeting, timeZone, empty }: { label: string; meeting: Meeting | null; timeZone: string; empty: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-label={label}>
      <h2 className="card__label">{label}</h2>
      {meeting ? (
        <>
          <p className="card__time">{meetingTimes(meeting, timeZone, i18n.language, t('home.allDay'))}</p>
          <p className={`card__title${meeting.isPrivate ? ' card__title--private' : ''}`}>{meetingTitle(meeting, t)}</p>
          {meeting.organizer ? <p className="card__organizer">{t('home.organizer', { name: meeting.organizer })}</p> : null}
          <JoinButton meeting={meeting} large />
        </>
      ) : (
        <p className="card__empty">{empty}</p>
      )}
    </section>
  );
}
