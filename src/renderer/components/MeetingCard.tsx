import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../shared/model';
import { formatTimeRange } from '../i18n';
import { OwnBookingActions } from './BookNow';
import { JoinButton, OtherJoins } from './JoinButton';
import { LiveMeetingPanel } from './LiveMeetingPanel';
import { meetingTitle } from './meeting-title';

export function meetingTimes(meeting: Meeting, timeZone: string, language: string, allDay: string): string {
  return meeting.isAllDay ? allDay : formatTimeRange(meeting.start, meeting.end, timeZone, language);
}

/** The "Now" / "Next" cards: big enough to read from across the table, with the one Join people came for. */
export function MeetingCard(props: { label: string; meeting: Meeting | null; timeZone: string; empty: string; primary?: boolean; whenEmpty?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { meeting, primary = false } = props;
  return (
    <section className={`card${primary ? ' card--primary' : ''}`} aria-label={props.label}>
      <h2 className="card__label">
        {props.label}
        {meeting ? <span className="card__time"> · {meetingTimes(meeting, props.timeZone, i18n.language, t('home.allDay'))}</span> : null}
      </h2>
      {meeting ? (
        <>
          <p className={`card__title${meeting.isPrivate ? ' card__title--private' : ''}`}>{meetingTitle(meeting, t)}</p>
          {meeting.organizer ? <p className="card__organizer">{t('home.organizer', { name: meeting.organizer })}</p> : null}
          <JoinButton meeting={meeting} large={primary} />
          {primary ? <OtherJoins meeting={meeting} /> : null}
          {primary ? <OwnBookingActions meeting={meeting} /> : null}
          {primary && meeting.bookedHere ? <LiveMeetingPanel meeting={meeting} /> : null}
        </>
      ) : (
        <>
          <p className="card__empty">{props.empty}</p>
          {props.whenEmpty}
        </>
      )}
    </section>
  );
}
