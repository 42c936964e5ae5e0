import { useTranslation } from 'react-i18next';
import type { Account, CalendarChoice, Notice } from '../../shared/model';
import { useApi } from '../api/hooks';
import { NoticeBanner } from '../components/NoticeBanner';

export function CalendarChoiceScreen(props: { account: Account; calendars: CalendarChoice[]; notice: Notice | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const choose = (calendarId: string) => void api.call('setup.chooseCalendar', { calendarId });
  return (
    <main className="screen choose-calendar">
      <h1 className="headline">{t('calendar.title')}</h1>
      <p className="lead">{t('calendar.signedInAs', { name: props.account.name, username: props.account.username })}</p>
      <NoticeBanner notice={props.notice} />
      {props.calendars.length === 0 && !props.notice ? <p className="lead">{t('calendar.none')}</p> : null}
      <ul className="choice-list">
        {props.calendars.map((c) => (
          <li key={c.id}>
            <button type="button" className="choice" onClick={() => choose(c.id)}>
              <span className="choice__title">{c.ownerName}</span>
              <span className="choice__detail">
                {c.ownerEmail} · {c.name} · {c.isRoomAccountOwn ? t('calendar.own') : t('calendar.sharedBy', { owner: c.ownerName })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
