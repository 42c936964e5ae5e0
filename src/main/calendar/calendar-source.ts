import type { CalendarChoice, ShowAs } from '../../shared/model';
import type { LinkSource } from '../links';

/** A calendar entry as every provider reports it, before privacy and presentation rules are applied. */
export interface SourceEvent {
  id: string;
  subject: string | null;
  organizer: string | null;
  /** Instants for timed events; for all-day events the calendar dates (`YYYY-MM-DD`, end exclusive). */
  start: string;
  end: string;
  isAllDay: boolean;
  showAs: ShowAs;
  isPrivate: boolean;
  isCancelled: boolean;
  /** The raw event, as the join-link detector reads it. */
  linkSource: LinkSource;
}

export interface SyncWindow {
  start: Date;
  end: Date;
}

/** One poll's worth of changes. */
export interface SyncResult {
  /** True when `events` is the whole window (first sync, or the provider rejected the cursor and we started over). */
  full: boolean;
  /** Events added or changed since the cursor (all of them when `full`). Cancelled ones carry `isCancelled`. */
  events: SourceEvent[];
  /** Ids deleted since the cursor (empty when `full`). */
  removed: string[];
  /** Opaque cursor for the next sync of the same window (Graph deltaLink, Google nextSyncToken). */
  cursor: string | null;
}

/**
 * How long one provider request may take before the client gives up. Without it a response that never comes (a
 * proxy that swallows the connection, a half-open socket) holds the poll for ever: the screen would neither update
 * nor say that it is stale. Long enough for a slow full listing on a poor link.
 */
export const PROVIDER_REQUEST_TIMEOUT_MS = 15_000;

/** The provider asked us to slow down (429, or 503 with Retry-After): wait at least `afterMs` before the next call. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    readonly afterMs: number,
    readonly status: number,
  ) {
    super(`The calendar service asked to retry after ${Math.round(afterMs / 1000)} s (HTTP ${status}).`);
  }
}

/** The port calendar services see; Microsoft Graph and Google Calendar implement it. */
export interface CalendarSource {
  listCalendars(): Promise<CalendarChoice[]>;
  eventsBetween(calendar: CalendarChoice, start: Date, end: Date): Promise<SourceEvent[]>;
  /**
   * Changes in `window` since `cursor` (null: everything). When nothing changed this costs one request, so a room
   * can poll every few seconds. A cursor the provider no longer accepts (Graph 410/syncStateNotFound, Google 410)
   * makes it start over and return `full: true` — the caller never has to handle that case.
   */
  sync(calendar: CalendarChoice, window: SyncWindow, cursor: string | null): Promise<SyncResult>;
}
