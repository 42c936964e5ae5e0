import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { CalendarChoice } from '../../../shared/model';
import { ConnectionLostError } from '../../auth/connector';
import type { SourceEvent } from '../../calendar/calendar-source';
import { blocksBooking, BookingRefusedError, refusedAs, type BookingSlot, type RoomBooker } from '../../meetings/room-booker';
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
export class GraphRoomBooker implements RoomBooker {
  constructor(private readonly graph: GraphApi) {}

  /**
   * The slot is checked first: Graph itself books over anything, so a meeting someone added since the agenda was
   * drawn would silently double-book the room. An event already carrying this tap's transactionId is an earlier
   * attempt whose answer got lost: that is the booking. The POST carries the same transactionId, so the client's
   * RetryHandler (which replays POSTs on 429/503/504) cannot make a second one either.
   */
  book(calendar: CalendarChoice, slot: BookingSlot, subject: string, key: string): Promise<{ id: string }> {
    return refusedAs(refusal, async () => {
      const existing = await graphEventsBetween(this.graph, calendar, slot.start, slot.end);
      const earlier = existing.find((event) => transactionIdOf(event) === key);
      if (earlier) return { id: earlier.id };
      if (existing.some((event) => blocksBooking(event, slot, () => false))) throw new BookingRefusedError('conflict');
      const body = { subject, start: utc(slot.start), end: utc(slot.end), showAs: 'busy', transactionId: key, isReminderOn: false };
      const created = await this.graph.post(`${calendarPath(calendar)}/events`, body, GraphEventSchema, UTC);
      return { id: created.id };
    });
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
