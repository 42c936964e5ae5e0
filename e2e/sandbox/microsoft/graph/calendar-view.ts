import type { Event } from '@microsoft/microsoft-graph-types';
import { base64url } from '../../core/ids';
import { formatGraphDateTime, formatLocalDate, resolveTimeZone, toLocal } from '../../core/time';
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

function isCancelledOccurrence(master: Event, occurrence: Occurrence): boolean {
  return master.cancelledOccurrences?.includes(occurrenceIdOf(master.id ?? '', formatLocalDate(occurrence.date))) ?? false;
}

function occurrenceEvent(master: Event, occurrence: Occurrence): Event {
  const zone = resolveTimeZone(master.start?.timeZone ?? '') ?? 'UTC';
  const day = formatLocalDate(occurrence.date);
  const id = graphId(`occurrence:${master.id ?? ''}:${day}`);
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

/** Occurrences, exceptions and single instances in the window (series masters are never returned). */
export function instancesInWindow(events: readonly Event[], window: TimeWindow): Event[] {
  const instances = events.flatMap((event) =>
    event.type === 'seriesMaster'
      ? expandOccurrences(event, window.start, window.end)
          .filter((occurrence) => !isCancelledOccurrence(event, occurrence))
          .map((occurrence) => occurrenceEvent(event, occurrence))
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
