import { TZDate } from '@date-fns/tz';
// Per-function entry points: the package root loads all ~250 functions (over a second at kiosk start).
import { addDays } from 'date-fns/addDays';
import { startOfDay } from 'date-fns/startOfDay';

/**
 * Days in the room's time zone, for main (the sync window, bookings) and the renderer (status wording, booking
 * choices) alike: DST days are 23 or 25 hours long, so "midnight" is never "now + 24 h".
 */

/** The room's day, midnight to midnight in the room's zone. */
export function dayWindow(now: Date, timeZone: string): { start: Date; end: Date } {
  const start = startOfDay(new TZDate(now.getTime(), timeZone));
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

/** A calendar date (`YYYY-MM-DD`) as the instant its day starts in `timeZone` (the room's, or the calendar's). */
export function dateToInstant(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, timeZone).getTime()).toISOString();
}
