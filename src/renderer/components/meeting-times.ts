import type { TFunction } from 'i18next';
import type { Meeting } from '../../shared/model';
import { dayWindow } from '../../shared/room-day';
import { formatTime, formatTimeRange } from '../i18n';

/**
 * When a meeting is, in the room's zone and the screen's language: "9:00 – 10:00 AM". A meeting that runs past
 * midnight says so ("11:30 PM – 12:30 AM (tomorrow)"), one that began before today says only when it ends, and one
 * that fills the whole day reads like an all-day booking — never a pair of full dates that no one reads from the door.
 */
export function meetingTimes(meeting: Meeting, now: Date, timeZone: string, language: string, t: TFunction): string {
  if (meeting.isAllDay) return t('home.allDay');
  const day = dayWindow(now, timeZone);
  const startsBefore = Date.parse(meeting.start) < day.start.getTime();
  const endsAfter = Date.parse(meeting.end) > day.end.getTime();
  const time = (iso: string) => formatTime(iso, timeZone, language);
  if (startsBefore && endsAfter) return t('home.allDay');
  if (startsBefore) return t('home.until', { time: time(meeting.end) });
  if (endsAfter) return t('home.intoTomorrow', { start: time(meeting.start), end: time(meeting.end) });
  // Ending on the stroke of midnight is today's meeting, but a range across two dates would print both dates.
  if (Date.parse(meeting.end) === day.end.getTime()) return `${time(meeting.start)} – ${time(meeting.end)}`;
  return formatTimeRange(meeting.start, meeting.end, timeZone, language);
}
