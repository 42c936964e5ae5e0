import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../shared/model';
import { dayWindow } from '../../shared/room-day';
import { roomStatus } from '../../shared/room-status';
import { formatTime } from '../i18n';
import { meetingTitle } from './meeting-title';

/** The one thing readable from the door: colour, a shape and words, all three. */
export function StatusBand({ meetings, now, timeZone }: { meetings: Meeting[]; now: Date; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const status = roomStatus(meetings, now);
  const time = (iso: string) => formatTime(iso, timeZone, i18n.language);
  let text: string;
  let detail: string | null = null;
  switch (status.kind) {
    case 'busy':
      text = Date.parse(status.until) >= dayWindow(now, timeZone).end.getTime() ? t('status.busyRestOfDay') : t('status.busyUntil', { time: time(status.until) });
      detail = meetingTitle(status.current, t);
      break;
    case 'starting-soon':
      text = t('status.startingSoon', { time: time(status.next.start) });
      detail = meetingTitle(status.next, t);
      break;
    case 'free':
      text = status.nextStart ? t('status.freeUntil', { time: time(status.nextStart) }) : t('status.freeAllDay');
      break;
  }
  return (
    <section className={`status status--${status.kind}`} data-status={status.kind} aria-live="polite">
      <span className="status__shape" aria-hidden="true" />
      <span className="status__text">{text}</span>
      {detail ? <span className="status__detail">{detail}</span> : null}
    </section>
  );
}
