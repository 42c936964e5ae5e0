import type { CalendarChoice, ShowAs } from '../../../shared/model';
import type { CalendarSource, SourceEvent, SyncResult, SyncWindow } from '../../calendar/calendar-source';
import { isSyncStateLost, retryLaterOf, type GraphApi } from './graph-api';
import { GraphCalendarSchema, GraphDeltaItemSchema, GraphEventSchema, type GraphDeltaItem, type GraphEvent } from './graph-schemas';

/**
 * Times in UTC (toSourceEvent reads them so). 50 a page keeps a room's whole window to one request or two on the
 * full round; later rounds are usually one empty page.
 */
const SYNC_HEADERS = { Prefer: 'outlook.timezone="UTC", odata.maxpagesize=50' };

const SHOW_AS: Record<string, ShowAs> = {
  free: 'free',
  tentative: 'tentative',
  busy: 'busy',
  oof: 'oof',
  workingElsewhere: 'workingElsewhere',
};

/** Graph returns `2026-11-22T14:00:00.0000000` in the zone we asked for (UTC); make it an ISO instant. */
function utcInstant(dateTime: string): string {
  return new Date(`${dateTime.slice(0, 23)}Z`).toISOString();
}

/** All-day events are calendar dates, not instants: Graph sends local midnight, so keep only the date. */
function calendarDate(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/** `GraphEventSchema` is loose, so `event` still carries every field the link detector reads (body, locations…). */
export function toSourceEvent(event: GraphEvent): SourceEvent {
  const isAllDay = event.isAllDay === true;
  const when = isAllDay ? calendarDate : utcInstant;
  const sensitivity = event.sensitivity ?? 'normal';
  return {
    id: event.id,
    subject: event.subject ?? null,
    organizer: event.organizer?.emailAddress?.name ?? event.organizer?.emailAddress?.address ?? null,
    start: when(event.start.dateTime),
    end: when(event.end.dateTime),
    isAllDay,
    showAs: SHOW_AS[event.showAs ?? ''] ?? 'unknown',
    isPrivate: sensitivity === 'private' || sensitivity === 'confidential',
    isCancelled: event.isCancelled === true,
    linkSource: { source: 'graph', event },
  };
}

/** The calendar's path: the account's own through /me, a shared room calendar through its owner. */
export function calendarPath(calendar: CalendarChoice): string {
  const owner = calendar.isRoomAccountOwn ? '/me' : `/users/${encodeURIComponent(calendar.ownerEmail)}`;
  return `${owner}/calendars/${encodeURIComponent(calendar.id)}`;
}

function windowQuery(start: Date, end: Date): URLSearchParams {
  return new URLSearchParams({ startDateTime: start.toISOString(), endDateTime: end.toISOString() });
}

/**
 * A round's net effect, in order: Graph may repeat an item within a round or across rounds (replays are allowed), and
 * an instance can change and then go (or go and come back), so the last word on each id wins.
 */
function netChanges(items: readonly GraphDeltaItem[]): { events: SourceEvent[]; removed: string[] } {
  const latest = new Map<string, SourceEvent | null>();
  for (const item of items) {
    const id = item.kind === 'event' ? item.event.id : item.id;
    latest.delete(id); // re-insert so the final order follows the last change
    latest.set(id, item.kind === 'event' ? toSourceEvent(item.event) : null);
  }
  const entries = [...latest];
  return {
    events: entries.flatMap(([, event]) => (event ? [event] : [])),
    removed: entries.flatMap(([id, event]) => (event ? [] : [id])),
  };
}

/** Rethrows Graph throttling that outlived the client's retries as the port's RetryLaterError. */
async function throttled<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw retryLaterOf(error) ?? error;
  }
}

/** calendarView of one calendar (occurrences expanded), times in UTC as toSourceEvent reads them. */
export async function graphEventsBetween(graph: GraphApi, calendar: CalendarChoice, start: Date, end: Date): Promise<SourceEvent[]> {
  const query = windowQuery(start, end);
  query.set('$top', '50');
  const path = `${calendarPath(calendar)}/calendarView?${query.toString()}`;
  const headers = { Prefer: 'outlook.timezone="UTC"' };
  const events = await throttled(() => graph.getAll(path, GraphEventSchema, headers));
  return events.map(toSourceEvent);
}

/** The room's Microsoft 365 calendar, read with Calendars.Read (+ .Shared for a room calendar shared with the account). */
export class GraphCalendarSource implements CalendarSource {
  /** `account` is the signed-in room account as its ID token names it (GET /me would need User.Read). */
  constructor(
    private readonly graph: GraphApi,
    private readonly account: { name: string; username: string },
  ) {}

  async listCalendars(): Promise<CalendarChoice[]> {
    const myAddress = this.account.username.toLowerCase();
    const calendars = await this.graph.getAll('/me/calendars', GraphCalendarSchema);
    return calendars.map((c) => {
      const ownerEmail = c.owner?.address ?? myAddress;
      return {
        id: c.id,
        name: c.name ?? 'Calendar',
        ownerName: c.owner?.name ?? this.account.name,
        ownerEmail,
        isRoomAccountOwn: ownerEmail.toLowerCase() === myAddress,
      };
    });
  }

  eventsBetween(calendar: CalendarChoice, start: Date, end: Date): Promise<SourceEvent[]> {
    return graphEventsBetween(this.graph, calendar, start, end);
  }

  /**
   * calendarView delta (learn.microsoft.com/graph/delta-query-events). The cursor is the last round's deltaLink,
   * replayed verbatim: it encodes the window, so `window` only matters when there is no cursor. `removed` may name
   * ids the caller never saw (Graph reports events changed outside the window as removed); ignore those.
   */
  sync(calendar: CalendarChoice, window: SyncWindow, cursor: string | null): Promise<SyncResult> {
    return throttled(async () => {
      if (cursor === null) return this.fullSync(calendar, window);
      try {
        return await this.changesSince(cursor);
      } catch (error) {
        if (!isSyncStateLost(error)) throw error;
        return this.fullSync(calendar, window);
      }
    });
  }

  private async fullSync(calendar: CalendarChoice, window: SyncWindow): Promise<SyncResult> {
    const first = `${calendarPath(calendar)}/calendarView/delta?${windowQuery(window.start, window.end).toString()}`;
    const round = await this.graph.deltaRound(first, GraphDeltaItemSchema, SYNC_HEADERS);
    // A first round lists what exists; anything marked removed in it is of no interest to an empty store.
    return { full: true, events: netChanges(round.items).events, removed: [], cursor: round.deltaLink };
  }

  private async changesSince(deltaLink: string): Promise<SyncResult> {
    const round = await this.graph.deltaRound(deltaLink, GraphDeltaItemSchema, SYNC_HEADERS);
    return { full: false, ...netChanges(round.items), cursor: round.deltaLink };
  }
}
