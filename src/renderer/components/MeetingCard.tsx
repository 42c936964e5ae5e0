import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../shared/model';
import { OwnBookingActions } from './BookNow';
import { JoinButton, OtherJoins } from './JoinButton';
import { LiveMeetingPanel } from './LiveMeetingPanel';
import { meetingTimes } from './meeting-times';
import { meetingTitle, organizerLine } from './meeting-title';

/** The "Now" / "Next" cards: big enough to read from across the table, with the one Join people came for. */
export function MeetingCard(props: { label: string; meeting: Meeting | null; now: Date; timeZone: string; empty: string; primary?: boolean; whenEmpty?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { meeting, primary = false } = props;
  const organizer = meeting ? organizerLine(meeting) : null;
  return (
    <section className={`card${primary ? ' card--primary' : ''}`} aria-label={props.label} data-meeting-id={meeting?.id}>
      <h2 className="card__label">
        {props.label}
        {meeting ? <span className="card__time"> · {meetingTimes(meeting, props.now, props.timeZone, i18n.language, t)}</span> : null}
      </h2>
      {meeting ? (
        <>
          <p className={`card__title${meeting.isPrivate ? ' card__title--private' : ''}`}>{meetingTitle(meeting, t)}</p>
          {organizer ? <p className="card__organizer">{t('home.organizer', { name: organizer })}</p> : null}
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
