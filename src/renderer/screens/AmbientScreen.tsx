import { useTranslation } from 'react-i18next';
import { roomStatus } from '../../shared/room-status';
import { useAgenda, useNow } from '../api/hooks';
import { statusWords } from '../components/status-words';
import { formatTime } from '../i18n';

/** Pixel-shift offsets visited once a minute, so no pixel shows the same thing for hours (OLED burn-in). */
const DRIFT: readonly [number, number][] = [[0, 0], [40, 24], [-36, 48], [24, -40], [-48, -16], [16, 56]];

/**
 * After a while untouched: a dim clock and the room's status in words, drifting slowly. Any touch wakes the full
 * screen; the status word keeps its colour so the room still reads from the door.
 */
export function AmbientScreen() {
  const { t, i18n } = useTranslation();
  const agenda = useAgenda();
  const now = useNow(60_000);
  const zone = agenda?.room.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const status = agenda ? roomStatus(agenda.meetings, now) : null;
  const [dx, dy] = DRIFT[Math.floor(now.getTime() / 60_000) % DRIFT.length] ?? [0, 0];
  const words = status ? statusWords(status, now, zone, i18n.language, t) : null;
  return (
    <main className="screen screen--center ambient" data-testid="ambient" aria-label={t('ambient.touch')}>
      <div className="ambient__content" style={{ transform: `translate(${dx}px, ${dy}px)` }}>
        <p className="ambient__time">{formatTime(now.toISOString(), zone, i18n.language)}</p>
        {agenda ? <p className="ambient__room">{agenda.room.name}</p> : null}
        {status && words ? <p className={`ambient__status ambient__status--${status.kind}`} data-status={status.kind}>{words.text}</p> : null}
        <p className="ambient__hint">{t('ambient.touch')}</p>
      </div>
    </main>
  );
}
