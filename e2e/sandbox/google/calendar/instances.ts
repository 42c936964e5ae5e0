import { atTime, fromLocal, parseLocalDate } from '../../core/time';
import type { CalendarInfo, EventView, StoredEvent } from './model';
import { expandSeries, type Occurrence, type Window } from './rrule';
import { instanceSuffix, instantOf } from './times';

const DAY = 86_400_000;

/** The zone a series repeats in: its own start zone, else its calendar's. */
export function seriesZone(record: StoredEvent, calendar: CalendarInfo): string {
  return record.start.timeZone ?? calendar.timeZone;
}

export function recordView(record: StoredEvent): EventView {
  return {
    record,
    id: record.id,
    start: record.start,
    end: record.end,
    recurringEventId: record.recurringEventId,
    originalStart: record.originalStart,
    recurrence: record.recurrence,
    status: record.status,
  };
}

/** An occurrence of a series as Google lists it: id `{seriesId}_{20261123T083000Z}`, no recurrence, the series' fields. */
export function occurrenceView(series: StoredEvent, occurrence: Occurrence): EventView {
  return {
    record: series,
    id: `${series.id}_${instanceSuffix(occurrence.start)}`,
    start: occurrence.start,
    end: occurrence.end,
    recurringEventId: series.id,
    originalStart: occurrence.start,
    recurrence: null,
    status: series.status,
  };
}

export function parseInstanceId(id: string): { seriesId: string; suffix: string } | null {
  const match = /^([a-v0-9]+)_(\d{8}(?:T\d{6}Z)?)$/.exec(id);
  return match ? { seriesId: match[1] ?? '', suffix: match[2] ?? '' } : null;
}

/** Occurrences of a series in a window, minus those an exception replaces (exceptions are listed as themselves). */
export function generatedOccurrences(series: StoredEvent, calendar: CalendarInfo, window: Window, exceptions: readonly StoredEvent[]): EventView[] {
  if (!series.recurrence) return [];
  const replaced = new Set(exceptions.filter((e) => e.originalStart).map((e) => instanceSuffix(e.originalStart ?? e.start)));
  return expandSeries({ start: series.start, end: series.end, recurrence: series.recurrence }, seriesZone(series, calendar), window)
    .filter((occurrence) => !replaced.has(instanceSuffix(occurrence.start)))
    .map((occurrence) => occurrenceView(series, occurrence));
}

function suffixInstant(suffix: string, zone: string): Date | null {
  const date = parseLocalDate(`${suffix.slice(0, 4)}-${suffix.slice(4, 6)}-${suffix.slice(6, 8)}`);
  if (!date) return null;
  if (suffix.length === 8) return fromLocal(atTime(date, 0, 0), zone);
  return new Date(`${suffix.slice(0, 4)}-${suffix.slice(4, 6)}-${suffix.slice(6, 8)}T${suffix.slice(9, 11)}:${suffix.slice(11, 13)}:${suffix.slice(13, 15)}Z`);
}

/** The occurrence an instance id names, if the series really has one there. */
export function findOccurrence(series: StoredEvent, calendar: CalendarInfo, suffix: string): Occurrence | null {
  if (!series.recurrence) return null;
  const zone = seriesZone(series, calendar);
  const at = suffixInstant(suffix, zone);
  if (!at) return null;
  const window = { start: new Date(at.getTime() - DAY), end: new Date(at.getTime() + 2 * DAY) };
  return expandSeries({ start: series.start, end: series.end, recurrence: series.recurrence }, zone, window).find((o) => instanceSuffix(o.start) === suffix) ?? null;
}

/** Does a view overlap [start, end)? All-day events are read in `zone`. */
export function overlaps(view: Pick<EventView, 'start' | 'end'>, window: Window, zone: string): boolean {
  return instantOf(view.start, zone) < window.end && instantOf(view.end, zone) > window.start;
}

/** Expansion bounds when a list has no timeMax: a year ahead is as far as any room screen looks. */
export function boundedWindow(timeMin: Date | null, timeMax: Date | null, now: Date): Window {
  return { start: timeMin ?? new Date(0), end: timeMax ?? new Date(now.getTime() + 366 * DAY) };
}
