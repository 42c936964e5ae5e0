import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../shared/model';
import { JoinButton } from './JoinButton';
import { meetingTimes } from './meeting-times';
import { ProviderBadge } from './ProviderBadge';
import { meetingTitle, organizerLine } from './meeting-title';

function AgendaItem({ meeting, now, timeZone }: { meeting: Meeting; now: Date; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const t0 = now.toISOString();
  const live = meeting.start <= t0 && meeting.end > t0;
  const organizer = organizerLine(meeting);
  return (
    <li className={`agenda__item${live ? ' agenda__item--now' : ''}`} data-meeting-id={meeting.id} data-start={meeting.start} data-end={meeting.end}>
      <span className="agenda__time">{meetingTimes(meeting, now, timeZone, i18n.language, t)}</span>
      <span className="agenda__what">
        <span className={`agenda__subject${meeting.isPrivate ? ' agenda__subject--private' : ''}`}>{meetingTitle(meeting, t)}</span>
        <span className="agenda__meta">
          {organizer ? <span className="agenda__organizer">{organizer}</span> : null}
          {meeting.join ? <ProviderBadge provider={meeting.join.provider} name={meeting.join.providerName} /> : null}
        </span>
      </span>
      <JoinButton meeting={meeting} showProvider={false} />
    </li>
  );
}

/** The rest of the room's day; meetings that are over have left the list. */
export function AgendaList({ meetings, now, timeZone }: { meetings: Meeting[]; now: Date; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <section className="agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title" className="agenda__title">{t('home.today')}</h2>
      {meetings.length === 0 ? <p className="agenda__empty">{t('home.noMoreToday')}</p> : null}
      <ol className="agenda__list">
        {meetings.map((m) => (
          <AgendaItem key={m.id} meeting={m} now={now} timeZone={timeZone} />
        ))}
      </ol>
    </section>
  );
}
