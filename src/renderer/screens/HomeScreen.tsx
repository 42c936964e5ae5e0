import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, Meeting, MeetingService } from '../../shared/model';
import { nowAndNext } from '../../shared/room-status';
import { useAgenda, useApi, useNow } from '../api/hooks';
import { AgendaList } from '../components/AgendaList';
import { BookNow, MeetingReady } from '../components/BookNow';
import { Clock } from '../components/Clock';
import { MeetingCard } from '../components/MeetingCard';
import { StatusBand } from '../components/StatusBand';

function StaleBanner({ agenda, now }: { agenda: Agenda; now: Date }) {
  const { t } = useTranslation();
  if (!agenda.staleSince) return null;
  const minutes = Math.floor((now.getTime() - Date.parse(agenda.updatedAt)) / 60_000);
  return (
    <p className="banner banner--stale" role="status" data-testid="stale-banner">
      {minutes >= 1 ? t('home.stale', { count: minutes }) : t('home.staleJustNow')}
    </p>
  );
}

function SignInNeededBanner({ provider }: { provider: 'microsoft' | 'google' }) {
  const { t } = useTranslation();
  const api = useApi();
  const method = provider === 'google' ? 'browser' : 'device-code';
  return (
    <div className="banner banner--alert" role="alert" data-testid="sign-in-needed">
      <span>{t('home.signInNeeded')}</span>
      <button type="button" className="button button--quiet" onClick={() => void api.call('setup.signIn', { provider, method })}>
        {t('home.signInAgain')}
      </button>
    </div>
  );
}

export function HomeScreen(props: { provider: 'microsoft' | 'google'; signInNeeded: boolean; canBook: boolean; meetNow: MeetingService[]; onSettings: () => void; onFiles: () => void }) {
  const { provider, signInNeeded, canBook, meetNow, onSettings, onFiles } = props;
  const [ready, setReady] = useState<{ url: string; service: MeetingService } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { t } = useTranslation();
  const agenda = useAgenda();
  const now = useNow(15_000);
  if (!agenda) {
    return (
      <main className="screen screen--center" aria-busy="true">
        <p className="lead">{t('home.loading')}</p>
        {signInNeeded ? <SignInNeededBanner provider={provider} /> : null}
      </main>
    );
  }
  const { room, meetings } = agenda;
  const current = nowAndNext(meetings, now);
  const upcoming = meetings.filter((m) => m.end > now.toISOString());
  return (
    <main className="screen home">
      <header className="home__header">
        <div className="room">
          <h1 className="room__name">{room.name}</h1>
          <span className="room__email">{room.email}</span>
        </div>
        <div className="home__corner">
          <Clock timeZone={room.timeZone} />
          <button type="button" className="button button--files" onClick={onFiles}>
            {t('files.open')}
          </button>
          <button type="button" className="button button--icon" aria-label={t('settings.open')} onClick={onSettings}>
            <span aria-hidden="true">⚙</span>
          </button>
        </div>
      </header>
      <StatusBand meetings={meetings} now={now} timeZone={room.timeZone} />
      {/* One strip at most: "sign in again" already says the data may be old. */}
      {signInNeeded ? <SignInNeededBanner provider={provider} /> : <StaleBanner agenda={agenda} now={now} />}
      {refusal ? (
        <div className="banner banner--stale" role="alert">
          <span>{refusal}</span>
          <button type="button" className="button button--quiet" onClick={() => setRefusal(null)}>{t('booking.close')}</button>
        </div>
      ) : null}
      <div className="home__body">
        <div className="home__focus">
          <MeetingCard
            label={t('home.now')}
            meeting={current.now}
            now={now}
            timeZone={room.timeZone}
            empty={t('home.nothingNow')}
            primary
            whenEmpty={canBook || meetNow.length > 0 ? <BookNow meetings={meetings} now={now} timeZone={room.timeZone} canBook={canBook} meetNow={meetNow} onMeetingReady={setReady} onRefused={setRefusal} /> : null}
          />
          <MeetingCard label={t('home.next')} meeting={current.next} now={now} timeZone={room.timeZone} empty={t('home.noMoreToday')} />
        </div>
        <AgendaList meetings={upcoming} now={now} timeZone={room.timeZone} />
      </div>
      {ready ? (
        <div className="dialog">
          <MeetingReady url={ready.url} service={ready.service} meeting={meetingWithLink(meetings, ready.url)} onClose={() => setReady(null)} />
        </div>
      ) : null}
    </main>
  );
}

/** The booking Meet now made, once the agenda holds it: its link as main detected it (WHATWG-serialised). */
function meetingWithLink(meetings: readonly Meeting[], url: string): Meeting | null {
  const href = URL.canParse(url) ? new URL(url).href : url;
  return meetings.find((m) => m.join?.url === href) ?? null;
}
