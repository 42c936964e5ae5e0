import type { Event } from '@microsoft/microsoft-graph-types';
import { base64url } from '../../core/ids';
import { addDays, atTime, compareDates, formatGraphDateTime, formatLocalDate, fromLocal, resolveTimeZone, toLocal, type LocalDate } from '../../core/time';
import { graphId, instantOf } from './event-factory';
import { occurrenceICalUId } from './global-object-id';
import { expandOccurrences, type Occurrence } from './recurrence';

/** calendarView's default page size when the client sets neither $top nor odata.maxpagesize. */
export const DEFAULT_PAGE_SIZE = 10;

export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}

/** How Graph names one instance of a series in the master's `cancelledOccurrences`. */
export function occurrenceIdOf(seriesMasterId: string, day: string): string {
  return `OID.${seriesMasterId}.${day}`;
}

/**
 * The id of a series' instance on `day` (its local start date). An exception (the instance edited on its own) keeps
 * this id, so a client that holds the occurrence sees the exception as a change to it.
 */
export function instanceIdOf(seriesMasterId: string, day: string): string {
  return graphId(`occurrence:${seriesMasterId}:${day}`);
}

function isCancelledOccurrence(master: Event, occurrence: Occurrence): boolean {
  return master.cancelledOccurrences?.includes(occurrenceIdOf(master.id ?? '', formatLocalDate(occurrence.date))) ?? false;
}

function occurrenceEvent(master: Event, occurrence: Occurrence): Event {
  const zone = resolveTimeZone(master.start?.timeZone ?? '') ?? 'UTC';
  const day = formatLocalDate(occurrence.date);
  const id = instanceIdOf(master.id ?? '', day);
  // Graph returns cancelledOccurrences only when the master itself is read by id, never on instances.
  const { cancelledOccurrences: _cancelled, ...series } = master;
  return {
    ...series,
    id,
    // Exchange writes the instance date into the series' GlobalObjectId (see global-object-id.ts).
    iCalUId: occurrenceICalUId(master.iCalUId ?? '', occurrence.date),
    type: 'occurrence',
    seriesMasterId: master.id ?? null,
    recurrence: null,
    originalStart: occurrence.start.toISOString().replace(/\.000Z$/, 'Z'),
    start: { dateTime: formatGraphDateTime(toLocal(occurrence.start, zone)), timeZone: master.start?.timeZone ?? 'UTC' },
    end: { dateTime: formatGraphDateTime(toLocal(occurrence.end, zone)), timeZone: master.end?.timeZone ?? 'UTC' },
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
  };
}

function overlaps(event: Event, window: TimeWindow): boolean {
  const start = instantOf(event.start);
  const end = instantOf(event.end);
  if (!start || !end) return false;
  // A zero-length event exactly at the window start still shows, as in Outlook.
  return start < window.end && (end > window.start || (end.getTime() === start.getTime() && start >= window.start));
}

/** The series' occurrence on `day` as calendarView would list it (before any exception), or null if it has none then. */
export function occurrenceOn(master: Event, day: LocalDate): Event | null {
  const zone = resolveTimeZone(master.start?.timeZone ?? '') ?? 'UTC';
  const dayStart = fromLocal(atTime(day, 0, 0), zone);
  const dayEnd = fromLocal(atTime(addDays(day, 1), 0, 0), zone);
  const occurrence = expandOccurrences(master, dayStart, dayEnd).find((candidate) => compareDates(candidate.date, day) === 0);
  return occurrence ? occurrenceEvent(master, occurrence) : null;
}

/** Occurrences, exceptions and single instances in the window (series masters are never returned). */
export function instancesInWindow(events: readonly Event[], window: TimeWindow): Event[] {
  // An exception stands in for the occurrence it was made from (same id), wherever it has moved to.
  const exceptions = new Set(events.filter((event) => event.type === 'exception').map((event) => event.id));
  const instances = events.flatMap((event) =>
    event.type === 'seriesMaster'
      ? expandOccurrences(event, window.start, window.end)
          .filter((occurrence) => !isCancelledOccurrence(event, occurrence))
          .map((occurrence) => occurrenceEvent(event, occurrence))
          .filter((occurrence) => !exceptions.has(occurrence.id))
      : overlaps(event, window)
        ? [event]
        : [],
  );
  // Graph gives no order without $orderby; the sandbox sorts by start so results (and pages) are deterministic.
  const startOf = (event: Event): number => instantOf(event.start)?.getTime() ?? 0;
  return instances.sort((a, b) => startOf(a) - startOf(b) || (a.id ?? '').localeCompare(b.id ?? ''));
}

export function applyOrderBy(instances: Event[], orderBy: string | undefined): Event[] {
  if (!orderBy || !/^start\/dateTime(\s+desc)?$/i.test(orderBy.trim())) return instances;
  return /desc$/i.test(orderBy.trim()) ? [...instances].reverse() : instances;
}

/** Opaque $skiptoken: where the next page starts and how big pages are. */
export interface PageCursor {
  readonly offset: number;
  readonly size: number;
}

export function encodeSkipToken(cursor: PageCursor): string {
  return base64url(JSON.stringify({ o: cursor.offset, s: cursor.size }));
}

export function decodeSkipToken(token: string): PageCursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    return typeof parsed.o === 'number' && typeof parsed.s === 'number' && parsed.o >= 0 && parsed.s > 0 ? { offset: parsed.o, size: parsed.s } : null;
  } catch {
    return null;
  }
}

/** The next-page URL: the original request with its parameters, plus a fresh $skiptoken. */
export function nextLink(url: URL, cursor: PageCursor): string {
  const next = new URL(url.href);
  next.searchParams.delete('$skiptoken');
  next.searchParams.set('$skiptoken', encodeSkipToken(cursor));
  return next.href;
}
