import type { CalendarChoice, ShowAs } from '../../../shared/model';
import type { CalendarSource, SourceEvent } from '../../calendar/calendar-source';
import type { GraphApi } from './graph-api';
import { GraphCalendarSchema, GraphEventSchema, type GraphEvent } from './graph-schemas';

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

  async eventsBetween(calendar: CalendarChoice, start: Date, end: Date): Promise<SourceEvent[]> {
    const owner = calendar.isRoomAccountOwn ? '/me' : `/users/${encodeURIComponent(calendar.ownerEmail)}`;
    const query = new URLSearchParams({ startDateTime: start.toISOString(), endDateTime: end.toISOString(), $top: '50' });
    const path = `${owner}/calendars/${encodeURIComponent(calendar.id)}/calendarView?${query.toString()}`;
    const headers = { Prefer: 'outlook.timezone="UTC"' };
    const events = await this.graph.getAll(path, GraphEventSchema, headers);
    return events.map(toSourceEvent);
  }
}
