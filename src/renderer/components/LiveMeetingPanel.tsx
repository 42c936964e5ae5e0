import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveMeeting, Meeting } from '../../shared/model';
import { useApi } from '../api/hooks';

/** Often enough to see people arrive, rare enough to stay far from the providers' rate limits. */
const REFRESH_MS = 10_000;
/** Names that fit the card; the rest are counted. */
const SHOWN_PARTICIPANTS = 6;

/** The live view of the booking's meeting, re-read while the card is on screen; null until the first answer. */
function useLiveMeeting(meetingId: string): [LiveMeeting | null, () => void] {
  const api = useApi();
  const [live, setLive] = useState<LiveMeeting | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void api.call('room.liveMeeting', {}).then((result) => {
      if (current && result.ok) setLive(result.output);
    });
    const timer = setTimeout(() => setRound((r) => r + 1), REFRESH_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, meetingId, round]);
  return [live, () => setRound((r) => r + 1)];
}

function Participants({ people }: { people: NonNullable<LiveMeeting['participants']> }) {
  const { t } = useTranslation();
  const shown = people.slice(0, SHOWN_PARTICIPANTS);
  return (
    <div className="live__people">
      <p className="live__line">{t('live.participants', { count: people.length })}</p>
      <ul className="live__list">
        {shown.map((person, index) => (
          <li key={`${person.name}-${index}`}>
            {person.name}
            {person.host ? <span className="muted"> · {t('live.host')}</span> : null}
            {person.inLobby ? <span className="muted"> · {t('live.lobby')}</span> : null}
            {person.muted ? <span className="muted"> · {t('live.muted')}</span> : null}
          </li>
        ))}
      </ul>
      {people.length > shown.length ? <p className="muted">{t('live.more', { count: people.length - shown.length })}</p> : null}
    </div>
  );
}

/**
 * While the room's own booking runs (the card above names its service): what that service lets the room see — for a Webex meeting the room
 * started, whether it runs, who is in it, lock and recording, and End meeting; for the others a plain sentence.
 */
export function LiveMeetingPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const api = useApi();
  const [live, reload] = useLiveMeeting(meeting.id);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  if (!live) return null;
  const end = async () => {
    setEnding(true);
    const result = await api.call('room.endMeeting', {});
    setEnding(false);
    if (!result.ok) setError(t(`error.${result.error.code}`, { defaultValue: t('error.generic') }));
    reload();
  };
  const seesNothing = live.state === null && live.participants === null && live.controls === null;
  return (
    <section className="live" aria-label={t('live.title')}>
      {seesNothing ? (
        <p className="live__line">{t(`live.unavailable.${live.service}`)}</p>
      ) : (
        <>
          {live.state ? <p className="live__line live__state">{t(`live.state.${live.state}`)}</p> : null}
          {live.participants ? <Participants people={live.participants} /> : <p className="muted">{t('live.participantsOff')}</p>}
          {live.controls ? (
            <p className="live__line">
              {live.controls.locked ? t('live.locked') : t('live.unlocked')} · {live.controls.recording ? t('live.recording') : t('live.notRecording')}
            </p>
          ) : null}
        </>
      )}
      {live.canEnd ? (
        <button type="button" className="button button--danger" disabled={ending} onClick={() => void end()}>
          {t('live.end')}
        </button>
      ) : null}
      {error ? <p className="join__error" role="alert">{error}</p> : null}
    </section>
  );
}
