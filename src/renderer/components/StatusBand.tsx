import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../shared/model';
import { roomStatus } from '../../shared/room-status';
import { statusWords } from './status-words';

/** The one thing readable from the door: colour, a shape and words, all three. */
export function StatusBand({ meetings, now, timeZone }: { meetings: Meeting[]; now: Date; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const status = roomStatus(meetings, now);
  const { text, detail } = statusWords(status, now, timeZone, i18n.language, t);
  return (
    <section className={`status status--${status.kind}`} data-status={status.kind} aria-live="polite">
      <span className="status__shape" aria-hidden="true" />
      <span className="status__text">{text}</span>
      {detail ? <span className="status__detail">{detail}</span> : null}
    </section>
  );
}
