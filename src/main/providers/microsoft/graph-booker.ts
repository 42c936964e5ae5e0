import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { CalendarChoice } from '../../../shared/model';
import { ConnectionLostError } from '../../auth/connector';
import type { SourceEvent } from '../../calendar/calendar-source';
import { silentLogger, type Logger } from '../../health/logger';
import { blocksBooking, BookingRefusedError, refusedAs, linkedMeetingNote, type BookingSlot, type LinkedMeeting, type MeetingBooker, type RoomBooker } from '../../meetings/room-booker';
import type { GraphApi } from './graph-api';
import { calendarPath, graphEventsBetween, toSourceEvent } from './graph-calendar';
import { GraphEventSchema } from './graph-schemas';

/** Replies in UTC, which toSourceEvent expects. */
const UTC = { Prefer: 'outlook.timezone="UTC"' };

/** Graph's dateTimeTimeZone for an instant: local time without offset, in the zone named beside it. */
function utc(instant: Date): { dateTime: string; timeZone: string } {
  return { dateTime: instant.toISOString().slice(0, 23), timeZone: 'UTC' };
}

/** The transactionId Graph echoes only on events an app created with one (event resource docs). */
const TransactionSchema = z.object({ transactionId: z.string().nullish() }).loose();

function transactionIdOf(event: SourceEvent): string | null {
  const parsed = TransactionSchema.safeParse(event.linkSource.event);
  return parsed.success ? (parsed.data.transactionId ?? null) : null;
}

/** The Teams join URL Graph puts in `onlineMeeting` once `isOnlineMeeting` is set (event resource docs). */
const OnlineMeetingSchema = z.object({ onlineMeeting: z.object({ joinUrl: z.string().url().nullish() }).loose().nullish() }).loose();

function joinUrlOf(event: unknown): string | null {
  const parsed = OnlineMeetingSchema.safeParse(event);
  return parsed.success ? (parsed.data.onlineMeeting?.joinUrl ?? null) : null;
}

/** What a create adds to the plain booking: a Teams meeting, asked for explicitly rather than via the calendar's default. */
const TEAMS_MEETING = { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } as const;

/** A Zoom or Webex link in the event: the body for people and the link detector, the location for a glance. */
function linkedMeeting(meeting: LinkedMeeting): object {
  return { body: { contentType: 'text', content: linkedMeetingNote(meeting) }, location: { displayName: `${meeting.service} meeting` } };
}

/** Graph's answers as the port's refusals; a lost sign-in passes through, as the caller explains that already. */
function refusal(error: unknown): unknown {
  if (error instanceof BookingRefusedError || error instanceof ConnectionLostError) return error;
  if (!(error instanceof GraphError)) return new BookingRefusedError('failed', { cause: error });
  if (error.statusCode === 403) return new BookingRefusedError('no-permission', { cause: error });
  if (error.statusCode === 409) return new BookingRefusedError('conflict', { cause: error });
  return new BookingRefusedError('failed', { cause: error });
}

/**
 * Ad-hoc room bookings in a Microsoft 365 calendar: needs Calendars.ReadWrite for the room account's own calendar,
 * Calendars.ReadWrite.Shared for one shared with it (a 403 otherwise, refused as 'no-permission').
 */
export class GraphRoomBooker implements RoomBooker, MeetingBooker {
  readonly meetingProvider = 'teams';

  constructor(
    private readonly graph: GraphApi,
    private readonly log: Logger = silentLogger,
  ) {}

  /**
   * The slot is checked first: Graph itself books over anything, so a meeting someone added since the agenda was
   * drawn would silently double-book the room. An event already carrying this tap's transactionId is an earlier
   * attempt whose answer got lost: that is the booking. The POST carries the same transactionId, so the client's
   * RetryHandler (which replays POSTs on 429/503/504) cannot make a second one either.
   */
  book(calendar: CalendarChoice, slot: BookingSlot, subject: string, key: string, meeting?: LinkedMeeting): Promise<{ id: string }> {
    return refusedAs(refusal, async () => ({ id: (await this.create(calendar, slot, subject, key, meeting ? linkedMeeting(meeting) : {})).id }));
  }

  /**
   * `book` with a Teams meeting in the same POST, so the booking and the meeting are one item: either both exist or
   * neither, and the transactionId that makes the booking idempotent makes the meeting so too (a replay returns the
   * first event, with its join URL). An event without a join URL (a tenant without Teams ignores the request) is
   * deleted and refused: the person asked for a meeting, and a bare booking nobody can join would be half a result.
   */
  bookWithMeeting(calendar: CalendarChoice, slot: BookingSlot, subject: string, key: string): Promise<{ id: string; joinUrl: string }> {
    return refusedAs(refusal, async () => {
      const event = await this.create(calendar, slot, subject, key, TEAMS_MEETING);
      const joinUrl = joinUrlOf(event.raw);
      if (joinUrl) return { id: event.id, joinUrl };
      await this.graph.delete(`${calendarPath(calendar)}/events/${encodeURIComponent(event.id)}`).catch((error: unknown) => {
        // The refusal matters more than the clean-up; the leftover is an ordinary booking the agenda shows and "End now" ends.
        this.log.warn('booking.cleanup-failed', { provider: 'microsoft', error: String(error) });
      });
      throw new BookingRefusedError('failed');
    });
  }

  /** The slot check, the replay lookup and the POST that `book` and `bookWithMeeting` share; `raw` is Graph's event. */
  private async create(calendar: CalendarChoice, slot: BookingSlot, subject: string, key: string, extra: object): Promise<{ id: string; raw: unknown }> {
    const existing = await graphEventsBetween(this.graph, calendar, slot.start, slot.end);
    const earlier = existing.find((event) => transactionIdOf(event) === key);
    if (earlier) return { id: earlier.id, raw: earlier.linkSource.event };
    if (existing.some((event) => blocksBooking(event, slot, () => false))) throw new BookingRefusedError('conflict');
    const body = { subject, start: utc(slot.start), end: utc(slot.end), showAs: 'busy', transactionId: key, isReminderOn: false, ...extra };
    const created = await this.graph.post(`${calendarPath(calendar)}/events`, body, GraphEventSchema, UTC);
    return { id: created.id, raw: created };
  }

  /** Extending is checked against the calendar like a new booking; ending early never conflicts. */
  setEnd(calendar: CalendarChoice, id: string, end: Date): Promise<void> {
    return refusedAs(refusal, async () => {
      const path = `${calendarPath(calendar)}/events/${encodeURIComponent(id)}`;
      const current = toSourceEvent(await this.graph.get(path, GraphEventSchema, UTC));
      const currentEnd = new Date(current.end);
      if (end > currentEnd) {
        const added = { start: currentEnd, end };
        const others = await graphEventsBetween(this.graph, calendar, added.start, added.end);
        if (others.some((event) => blocksBooking(event, added, (candidate) => candidate.id === id))) throw new BookingRefusedError('conflict');
      }
      // "End now" on a booking that has not started yet leaves it zero-length, which the agenda does not show.
      const start = new Date(current.start);
      await this.graph.patch(path, { end: utc(end < start ? start : end) }, GraphEventSchema, UTC);
    });
  }
}
