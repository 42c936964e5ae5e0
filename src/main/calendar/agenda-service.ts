import type { Agenda, CalendarChoice, Room } from '../../shared/model';
import { ConnectionLostError } from '../auth/connector';
import { SignInNeededError } from '../auth/room-account';
import type { Logger } from '../health/logger';
import type { Clock } from '../ports';
import { buildMeetings, dayWindow, type Detector, type LinkNamer } from './agenda';
import type { Detection, LinkSource } from '../links';
import type { CalendarSource, SourceEvent } from './calendar-source';

export interface AgendaServiceDeps {
  source: CalendarSource;
  calendar: CalendarChoice;
  timeZone: string;
  clock: Clock;
  detect: Detector;
  providerName: LinkNamer;
  pollMs: number;
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

/**
 * Keeps the room's day on screen. A failed sync never empties the screen: the last good meetings stay, marked
 * stale, until the calendar answers again.
 */
export class AgendaService {
  private agenda: Agenda | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: AgendaServiceDeps) {}

  start(): void {
    this.stopped = false;
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

  /** Concurrent callers share one in-flight sync rather than stacking requests on the provider. */
  refresh(): Promise<void> {
    this.running ??= this.sync().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.deps.pollMs);
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
    try {
      const events = await this.withInvitations(await source.eventsBetween(calendar, window.start, window.end));
      const meetings = buildMeetings(events, timeZone, this.deps.detect, this.deps.providerName);
      this.publish({ room: this.room(), meetings, updatedAt: now.toISOString(), staleSince: null });
    } catch (err) {
      if (err instanceof SignInNeededError) this.deps.onSignInNeeded(err);
      if (err instanceof ConnectionLostError) this.deps.onSignInNeeded(new SignInNeededError(err.reason));
      log.warn('agenda.sync-failed', { error: describeError(err) });
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

  private markStale(now: Date): void {
    const last = this.agenda;
    if (!last || last.staleSince) return;
    this.publish({ ...last, staleSince: now.toISOString() });
  }

  private publish(agenda: Agenda): void {
    this.agenda = agenda;
    this.deps.onAgenda(agenda);
  }
}

/** Node's fetch reports "fetch failed" and hides the reason in `cause` (ECONNRESET, certificate…): IT needs it. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.name}: ${err.message}${cause}`.slice(0, 500);
}
