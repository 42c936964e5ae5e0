import type { Agenda, CalendarChoice, Room } from '../../shared/model';
import { ConnectionLostError } from '../auth/connector';
import { SignInNeededError } from '../auth/room-account';
import type { Logger } from '../health/logger';
import type { Detection, LinkSource } from '../links';
import type { Clock } from '../ports';
import { dayWindow } from '../../shared/room-day';
import { buildMeetings, type Detector, type LinkNamer, type Privacy } from './agenda';
import type { AgendaCache } from './agenda-cache';
import { RetryLaterError, type CalendarSource, type SourceEvent, type SyncWindow } from './calendar-source';

export interface AgendaServiceDeps {
  source: CalendarSource;
  calendar: CalendarChoice;
  timeZone: string;
  clock: Clock;
  detect: Detector;
  providerName: LinkNamer;
  privacy: Privacy;
  /** Ids of bookings made from this screen (they get Extend / End now). */
  bookedHere(): ReadonlySet<string>;
  pollMs: number;
  cache: AgendaCache;
  log: Logger;
  onAgenda(agenda: Agenda): void;
  onSignInNeeded(err: SignInNeededError): void;
  /**
   * Where to find the invitation of an event whose calendar copy lost its link (Exchange room mailboxes delete
   * bodies by default). Null when the meeting-links feature is off.
   */
  invitations(): InvitationSource | null;
}

export interface InvitationSource {
  /** Whether this event's own fields gave no join link and its invitation is worth a look. */
  needsLookup(event: SourceEvent, detection: Detection): boolean;
  invitationFor(event: SourceEvent): Promise<LinkSource | null>;
}

/** After repeated failures, wait at most this long between tries (a room must come back on its own). */
const MAX_BACKOFF_MS = 5 * 60_000;

export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // Node's fetch says "fetch failed" and hides the reason (ECONNRESET, certificate…) in `cause`: IT needs it.
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.name}: ${err.message}${cause}`.slice(0, 500);
}

/** The next poll: the normal interval, longer after failures (doubling), never sooner than a Retry-After. */
export function nextDelay(pollMs: number, failures: number, retryAfterMs: number): number {
  const backoff = failures === 0 ? pollMs : Math.min(pollMs * 2 ** failures, MAX_BACKOFF_MS);
  return Math.max(backoff, retryAfterMs);
}

function sameWindow(a: SyncWindow | null, b: SyncWindow): boolean {
  return a !== null && a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();
}

/**
 * Keeps the room's day on screen. The provider is polled for changes only (Graph delta, Google syncToken: one
 * request when nothing changed); the last agenda is painted from disk at start; a failed sync never empties the
 * screen — the last good meetings stay, marked stale, until the calendar answers again.
 */
export class AgendaService {
  private agenda: Agenda | null = null;
  private events = new Map<string, SourceEvent>();
  private window: SyncWindow | null = null;
  private cursor: string | null = null;
  private failures = 0;
  private retryAfterMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: AgendaServiceDeps) {}

  /** Paints the cached day first (if it is today's and this room's), then syncs. */
  async start(): Promise<void> {
    this.stopped = false;
    const cached = await this.deps.cache.load(this.deps.calendar.id);
    if (cached && !this.agenda) this.publish(this.todaysPart(cached), false);
    void this.refresh();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  current(): Agenda | null {
    return this.agenda;
  }

  /** Today's events as the provider sent them (the health check judges the room mailbox by them). */
  sourceEvents(): readonly SourceEvent[] {
    return [...this.events.values()];
  }

  /** Concurrent callers share one in-flight sync rather than stacking requests on the provider. */
  refresh(): Promise<void> {
    this.running ??= this.sync().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  /** Starts over from a full listing (e.g. invitation parsing was switched on: every event needs another look). */
  resync(): Promise<void> {
    this.cursor = null;
    return this.refresh();
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), nextDelay(this.deps.pollMs, this.failures, this.retryAfterMs));
    this.timer.unref?.();
  }

  private room(): Room {
    const { calendar, timeZone } = this.deps;
    return { name: calendar.ownerName, email: calendar.ownerEmail, timeZone };
  }

  private async sync(): Promise<void> {
    const { clock, source, calendar, timeZone, log } = this.deps;
    const now = clock.now();
    const window = dayWindow(now, timeZone);
    // A new day is a new window: its cursor means nothing for it.
    if (!sameWindow(this.window, window)) this.cursor = null;
    try {
      const result = await source.sync(calendar, window, this.cursor);
      const changed = await this.withInvitations(result.events);
      if (result.full) this.events = new Map();
      for (const event of changed) this.events.set(event.id, event);
      for (const id of result.removed) this.events.delete(id);
      this.window = window;
      this.cursor = result.cursor;
      this.failures = 0;
      this.retryAfterMs = 0;
      const meetings = buildMeetings([...this.events.values()], { timeZone, detect: this.deps.detect, providerName: this.deps.providerName, privacy: this.deps.privacy, bookedHere: this.deps.bookedHere() });
      this.publish({ room: this.room(), meetings, updatedAt: now.toISOString(), staleSince: null }, true);
    } catch (err) {
      this.failures++;
      this.retryAfterMs = err instanceof RetryLaterError ? err.afterMs : 0;
      if (err instanceof SignInNeededError) this.deps.onSignInNeeded(err);
      if (err instanceof ConnectionLostError) this.deps.onSignInNeeded(new SignInNeededError(err.reason));
      log.warn('agenda.sync-failed', { error: describeError(err), failures: this.failures });
      this.markStale(now);
    }
  }

  /** Swaps in the mailbox invitation as the link source where the calendar copy has none. */
  private async withInvitations(events: SourceEvent[]): Promise<SourceEvent[]> {
    const invitations = this.deps.invitations();
    if (!invitations) return events;
    return Promise.all(
      events.map(async (event) => {
        if (!invitations.needsLookup(event, this.deps.detect(event))) return event;
        const invitation = await invitations.invitationFor(event);
        return invitation ? { ...event, linkSource: invitation } : event;
      }),
    );
  }

  /** A cached agenda from an earlier day keeps only what overlaps today. */
  private todaysPart(cached: Agenda): Agenda {
    const window = dayWindow(this.deps.clock.now(), this.deps.timeZone);
    const start = window.start.toISOString();
    const end = window.end.toISOString();
    return { ...cached, meetings: cached.meetings.filter((m) => m.end > start && m.start < end) };
  }

  private markStale(now: Date): void {
    const last = this.agenda;
    if (!last || last.staleSince) return;
    this.publish({ ...last, staleSince: now.toISOString() }, false);
  }

  private publish(agenda: Agenda, persist: boolean): void {
    this.agenda = agenda;
    this.deps.onAgenda(agenda);
    if (persist) void this.deps.cache.save(this.deps.calendar.id, agenda);
  }
}
