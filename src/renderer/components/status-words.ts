import type { TFunction } from 'i18next';
import { dayWindow } from '../../shared/room-day';
import type { RoomStatus } from '../../shared/room-status';
import { formatTime } from '../i18n';
import { meetingTitle } from './meeting-title';

/** The status in words, as the band and the ambient screen say it: "Busy until 4:30 PM", and the meeting's title. */
export function statusWords(status: RoomStatus, now: Date, timeZone: string, language: string, t: TFunction): { text: string; detail: string | null } {
  const time = (iso: string) => formatTime(iso, timeZone, language);
  switch (status.kind) {
    case 'busy': {
      const toEndOfDay = Date.parse(status.until) >= dayWindow(now, timeZone).end.getTime();
      return { text: toEndOfDay ? t('status.busyRestOfDay') : t('status.busyUntil', { time: time(status.until) }), detail: meetingTitle(status.current, t) };
    }
    case 'starting-soon':
      return { text: t('status.startingSoon', { time: time(status.next.start) }), detail: meetingTitle(status.next, t) };
    case 'free':
      return { text: status.nextStart ? t('status.freeUntil', { time: time(status.nextStart) }) : t('status.freeAllDay'), detail: null };
  }
}
