import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../shared/model';
import { JoinButton } from './JoinButton';
import { meetingTimes } from './MeetingCard';
import { meetingTitle } from './meeting-title';

export function AgendaList({ meetings, now, timeZone }: { meetings: Meeting[]; now: Date; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const t0 = now.toISOString();
  return (
    <section className="agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title" className="agenda__title">{t('home.today')}</h2>
      {meetings.length === 0 ? <p className="agenda__empty">{t('home.noMoreToday')}</p> : null}
      <ol className="agenda__list">
        {meetings.map((m) => (
          <li key={m.id} className={`agenda__item${m.end <= t0 ? ' agenda__item--past' : ''}${m.start <= t0 && m.end > t0 ? ' agenda__item--now' : ''}`} data-meeting-id={m.id}>
            <span className="agenda__time">{meetingTimes(m, timeZone, i18n.language, t('home.allDay'))}</span>
            <span className="agenda__what">
              <span className={`agenda__subject${m.isPrivate ? ' agenda__subject--private' : ''}`}>{meetingTitle(m, t)}</span>
              {m.organizer ? <span className="agenda__organizer">{m.organizer}</span> : null}
            </span>
            {m.end > t0 ? <JoinButton meeting={m} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
