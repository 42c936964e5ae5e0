import { addDays, atTime, compareDates, dayOfWeek, daysBetween, fromLocal, localDateOf, parseLocalDate, toLocal, type LocalDate } from '../../core/time';
import { CalendarApiError, type EventTime } from './model';
import { instanceSuffix } from './times';

/**
 * The part of RFC 5545 recurrence the sandbox expands: RRULE with FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, COUNT,
 * UNTIL, BYDAY (weekly) and BYMONTHDAY (monthly), plus EXDATE. Occurrences keep the series' wall-clock time in
 * its zone, so they move with DST as Google's do.
 */

interface Rule {
  readonly freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  readonly interval: number;
  readonly count: number | null;
  readonly until: string | null;
  readonly byDay: readonly number[];
  readonly byMonthDay: number | null;
}

export interface Occurrence {
  readonly start: EventTime;
  readonly end: EventTime;
}

export interface Window {
  readonly start: Date;
  readonly end: Date;
}

const WEEKDAYS: Readonly<Record<string, number>> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };
const MAX_ITERATIONS = 20_000;

function invalid(): CalendarApiError {
  return new CalendarApiError(400, 'invalid', 'Invalid recurrence rule.');
}

function parseRule(line: string): Rule {
  const parts = new Map(line.replace(/^RRULE:/i, '').split(';').map((part) => part.split('=') as [string, string]));
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') throw invalid();
  const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean).map((day) => WEEKDAYS[day]);
  if (byDay.some((day) => day === undefined) || (freq !== 'WEEKLY' && byDay.length > 0)) throw invalid();
  const known = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST']);
  if ([...parts.keys()].some((key) => !known.has(key))) throw invalid();
  return {
    freq,
    interval: Math.max(1, Number(parts.get('INTERVAL') ?? '1') || 1),
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : null,
    until: parts.get('UNTIL') ?? null,
    byDay: byDay.filter((day): day is number => day !== undefined),
    byMonthDay: parts.has('BYMONTHDAY') ? Number(parts.get('BYMONTHDAY')) : null,
  };
}

/** EXDATE values as instance-id suffixes (`20261124T073000Z` or `20261124`), whatever form they were written in. */
function exdateSuffixes(line: string, zone: string): string[] {
  const [head, values = ''] = line.split(':');
  const tzid = /TZID=([^;:]+)/i.exec(head ?? '')?.[1] ?? zone;
  return values.split(',').map((value) => {
    const compact = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value.trim());
    if (!compact) throw invalid();
    const [, y, mo, d, h, mi, s, z] = compact;
    if (h === undefined) return `${y}${mo}${d}`;
    if (z) return `${y}${mo}${d}T${h}${mi}${s}Z`;
    const local = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s), millisecond: 0 };
    return instanceSuffix({ kind: 'dateTime', instant: fromLocal(local, tzid), timeZone: null });
  });
}

interface ParsedRecurrence {
  readonly rule: Rule;
  readonly excluded: ReadonlySet<string>;
}

function parseRecurrence(lines: readonly string[], zone: string): ParsedRecurrence {
  const rules = lines.filter((line) => /^RRULE:/i.test(line));
  if (rules.length !== 1 || lines.some((line) => !/^(RRULE|EXDATE)[:;]/i.test(line))) throw invalid();
  const excluded = new Set(lines.filter((line) => /^EXDATE/i.test(line)).flatMap((line) => exdateSuffixes(line, zone)));
  return { rule: parseRule(rules[0] ?? ''), excluded };
}

/** Throws Google's 400 for a recurrence the sandbox cannot expand, so a bad test input fails at insert. */
export function assertSupportedRecurrence(lines: readonly string[], zone: string): void {
  parseRecurrence(lines, zone);
}

function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

function matches(rule: Rule, first: LocalDate, date: LocalDate): boolean {
  switch (rule.freq) {
    case 'DAILY':
      return daysBetween(first, date) % rule.interval === 0;
    case 'WEEKLY': {
      const weeks = daysBetween(mondayOf(first), mondayOf(date)) / 7;
      const days = rule.byDay.length > 0 ? rule.byDay : [dayOfWeek(first)];
      return weeks % rule.interval === 0 && days.includes(dayOfWeek(date));
    }
    case 'MONTHLY': {
      const months = (date.year - first.year) * 12 + (date.month - first.month);
      return months % rule.interval === 0 && date.day === (rule.byMonthDay ?? first.day);
    }
  }
}

function occurrenceOn(date: LocalDate, start: EventTime, end: EventTime, zone: string): Occurrence {
  if (start.kind === 'date' && end.kind === 'date') return { start: { ...start, date }, end: { ...end, date: addDays(date, daysBetween(start.date, end.date)) } };
  const startInstant = start.kind === 'dateTime' ? start.instant : new Date(0);
  const wall = toLocal(startInstant, zone);
  const at = fromLocal({ ...atTime(date, wall.hour, wall.minute), second: wall.second }, zone);
  const duration = (end.kind === 'dateTime' ? end.instant.getTime() : 0) - startInstant.getTime();
  return { start: { kind: 'dateTime', instant: at, timeZone: start.timeZone }, end: { kind: 'dateTime', instant: new Date(at.getTime() + duration), timeZone: end.timeZone } };
}

function pastUntil(rule: Rule, occurrence: Occurrence, date: LocalDate): boolean {
  if (rule.until === null) return false;
  const untilDate = parseLocalDate(`${rule.until.slice(0, 4)}-${rule.until.slice(4, 6)}-${rule.until.slice(6, 8)}`);
  if (!untilDate) return false;
  if (occurrence.start.kind === 'date' || rule.until.length === 8) return compareDates(date, untilDate) > 0;
  return instanceSuffix(occurrence.start) > rule.until.replace(/Z?$/, 'Z');
}

/**
 * Occurrences of a series that overlap the window (excluded dates left out), each with the start it has in the
 * series (which is also its `originalStartTime`).
 */
export function expandSeries(series: { start: EventTime; end: EventTime; recurrence: readonly string[] }, zone: string, window: Window): Occurrence[] {
  const { rule, excluded } = parseRecurrence(series.recurrence, zone);
  const first = series.start.kind === 'date' ? series.start.date : localDateOf(toLocal(series.start.instant, zone));
  const lastDay = addDays(localDateOf(toLocal(window.end, zone)), 1);
  const found: Occurrence[] = [];
  let counted = 0;
  for (let date = first, step = 0; compareDates(date, lastDay) <= 0 && step < MAX_ITERATIONS; date = addDays(date, 1), step++) {
    if (!matches(rule, first, date)) continue;
    const occurrence = occurrenceOn(date, series.start, series.end, zone);
    if (pastUntil(rule, occurrence, date) || (rule.count !== null && counted >= rule.count)) break;
    counted += 1; // excluded dates still count towards COUNT (RFC 5545)
    if (excluded.has(instanceSuffix(occurrence.start))) continue;
    const start = occurrence.start.kind === 'dateTime' ? occurrence.start.instant : fromLocal(atTime(date, 0, 0), zone);
    const end = occurrence.end.kind === 'dateTime' ? occurrence.end.instant : fromLocal(atTime(occurrence.end.date, 0, 0), zone);
    if (start < window.end && end > window.start) found.push(occurrence);
  }
  return found;
}
