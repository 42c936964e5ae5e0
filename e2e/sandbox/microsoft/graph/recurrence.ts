import type { DayOfWeek, Event, PatternedRecurrence } from '@microsoft/microsoft-graph-types';
import {
  addDays,
  atTime,
  compareDates,
  dayOfWeek,
  daysBetween,
  fromLocal,
  localDateOf,
  parseGraphDateTime,
  resolveTimeZone,
  toLocal,
  type LocalDate,
} from '../../core/time';

/**
 * Expansion of the recurrence patterns the sandbox supports (daily, weekly, absoluteMonthly with endDate / noEnd /
 * numbered ranges). Occurrences keep the series' wall-clock time in the series' zone, so they move with DST as
 * Outlook's do.
 */

const SUPPORTED_PATTERNS = ['daily', 'weekly', 'absoluteMonthly'];
const DAY_INDEX: Readonly<Record<DayOfWeek, number>> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

export interface Occurrence {
  readonly date: LocalDate;
  readonly start: Date;
  readonly end: Date;
}

function parseDate(text: string | null | undefined): LocalDate | null {
  const parsed = text ? parseGraphDateTime(text) : null;
  return parsed ? localDateOf(parsed) : null;
}

/** Throws (with the reason) for a recurrence the sandbox cannot expand, so a bad seed or test fails at addEvent. */
export function assertSupportedRecurrence(recurrence: PatternedRecurrence): void {
  const type = recurrence.pattern?.type ?? '';
  if (!SUPPORTED_PATTERNS.includes(type)) throw new Error(`recurrence pattern "${type}" is not supported by the sandbox (use ${SUPPORTED_PATTERNS.join(', ')})`);
  if (type === 'weekly' && !(recurrence.pattern?.daysOfWeek?.length ?? 0)) throw new Error('weekly recurrence needs daysOfWeek');
  if (!parseDate(recurrence.range?.startDate)) throw new Error('recurrence needs range.startDate (YYYY-MM-DD)');
  if (recurrence.range?.type === 'endDate' && !parseDate(recurrence.range.endDate)) throw new Error('recurrence range "endDate" needs range.endDate');
}

function weekStart(date: LocalDate, firstDay: number): LocalDate {
  return addDays(date, -((dayOfWeek(date) - firstDay + 7) % 7));
}

function matchesPattern(recurrence: PatternedRecurrence, first: LocalDate, date: LocalDate): boolean {
  const pattern = recurrence.pattern ?? {};
  const interval = Math.max(1, pattern.interval ?? 1);
  switch (pattern.type) {
    case 'daily':
      return daysBetween(first, date) % interval === 0;
    case 'weekly': {
      const firstDay = DAY_INDEX[pattern.firstDayOfWeek ?? 'sunday'];
      const weeks = daysBetween(weekStart(first, firstDay), weekStart(date, firstDay)) / 7;
      return weeks % interval === 0 && (pattern.daysOfWeek ?? []).some((day) => DAY_INDEX[day] === dayOfWeek(date));
    }
    case 'absoluteMonthly': {
      const months = (date.year - first.year) * 12 + (date.month - first.month);
      return months % interval === 0 && date.day === (pattern.dayOfMonth ?? first.day);
    }
    default:
      return false;
  }
}

/** Occurrences of a series master that overlap [windowStart, windowEnd). */
export function expandOccurrences(master: Event, windowStart: Date, windowEnd: Date): Occurrence[] {
  const recurrence = master.recurrence;
  const zone = resolveTimeZone(master.start?.timeZone ?? '') ?? 'UTC';
  const startLocal = parseGraphDateTime(master.start?.dateTime ?? '');
  const endLocal = parseGraphDateTime(master.end?.dateTime ?? '');
  const first = parseDate(recurrence?.range?.startDate);
  if (!recurrence || !startLocal || !endLocal || !first) return [];
  const durationMs = fromLocal(endLocal, zone).getTime() - fromLocal(startLocal, zone).getTime();
  const rangeEnd = recurrence.range?.type === 'endDate' ? parseDate(recurrence.range.endDate) : null;
  const maxCount = recurrence.range?.type === 'numbered' ? (recurrence.range.numberOfOccurrences ?? 0) : Infinity;
  const lastUsefulDay = addDays(localDateOf(toLocal(windowEnd, zone)), 1);
  const occurrences: Occurrence[] = [];
  let count = 0;
  for (let date = first; compareDates(date, lastUsefulDay) <= 0 && count < maxCount; date = addDays(date, 1)) {
    if (rangeEnd && compareDates(date, rangeEnd) > 0) break;
    if (!matchesPattern(recurrence, first, date)) continue;
    count += 1;
    const start = fromLocal(atTime(date, startLocal.hour, startLocal.minute), zone);
    const end = new Date(start.getTime() + durationMs);
    if (start < windowEnd && end > windowStart) occurrences.push({ date, start, end });
  }
  return occurrences;
}
