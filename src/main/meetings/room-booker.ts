import type { CalendarChoice } from '../../shared/model';
import { UserFacingError } from '../bridge/router';
import type { SourceEvent } from '../calendar/calendar-source';

export interface BookingSlot {
  start: Date;
  end: Date;
}

/** An online meeting a booking carries (Zoom, Webex): its link goes in the event so the agenda offers Join. */
export interface LinkedMeeting {
  /** The service's name as people know it ("Zoom"). */
  service: string;
  joinUrl: string;
}

/** The event text for a linked meeting: the link on a line of its own, which every calendar client makes clickable. */
export function linkedMeetingNote(meeting: LinkedMeeting): string {
  return `Join the ${meeting.service} meeting:\n${meeting.joinUrl}`;
}

export type BookingRefusal = 'no-permission' | 'conflict' | 'failed';

const MESSAGES: Record<BookingRefusal, string> = {
  'no-permission': 'This room account is not allowed to book its calendar. Ask your administrator to grant calendar write access.',
  conflict: 'Someone else has just booked the room for this time.',
  failed: 'The room could not be booked. Please try again.',
};

/**
 * Why a booking (or a change to one) did not happen, as a UserFacingError so the bridge shows the message as is.
 * The provider's own error stays in `cause` for the log.
 */
export class BookingRefusedError extends UserFacingError {
  constructor(
    readonly reason: BookingRefusal,
    options: { cause?: unknown; message?: string } = {},
  ) {
    super(`booking-${reason}`, options.message ?? MESSAGES[reason]);
    this.name = 'BookingRefusedError';
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * Writes the room's own ad-hoc bookings ("Book now", "Extend", "End now"). Google Calendar and Microsoft Graph
 * implement it; both fail with BookingRefusedError.
 */
export interface RoomBooker {
  /**
   * Books `slot` in `calendar`. `key` is generated once per tap and reused for every retry of that tap: it makes the
   * create idempotent (Graph `transactionId`, Google client-supplied event id), so a retry after a lost response
   * returns the first booking instead of making a second. Refuses with 'conflict' when another busy event overlaps
   * the slot. `meeting`, when given, is written into the event (body/description and location).
   */
  book(calendar: CalendarChoice, slot: BookingSlot, subject: string, key: string, meeting?: LinkedMeeting): Promise<{ id: string }>;
  /** Moves the end of booking `id` (End now: earlier; Extend: later, refused with 'conflict' if that overlaps). */
  setEnd(calendar: CalendarChoice, id: string, end: Date): Promise<void>;
}

/** An event in the way of a booking: it overlaps, blocks the room, and is not the booking itself. */
export function blocksBooking(event: SourceEvent, slot: BookingSlot, isOwn: (event: SourceEvent) => boolean): boolean {
  if (event.isCancelled || event.showAs === 'free' || isOwn(event)) return false;
  // All-day entries come back only when their days touch the slot, and a room reserved for the day is taken.
  if (event.isAllDay) return true;
  return Date.parse(event.start) < slot.end.getTime() && Date.parse(event.end) > slot.start.getTime();
}

/** Runs a provider call, turning whatever it throws into the port's terms with the provider's `translate`. */
export async function refusedAs<T>(translate: (error: unknown) => unknown, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw translate(error);
  }
}

/** The conferencing services whose meetings live in the room's own calendar event (one idempotent write). */
export type NativeMeetingProvider = 'teams' | 'meet';

/**
 * Books the room and creates the online meeting in the same calendar write: Graph with `isOnlineMeeting` (Teams),
 * Google with `conferenceData.createRequest` (Meet, waiting out `pending`). The same `key` rules as `book` apply, so a
 * retried tap never makes a second meeting or booking.
 */
export interface MeetingBooker {
  readonly meetingProvider: NativeMeetingProvider;
  bookWithMeeting(calendar: CalendarChoice, slot: BookingSlot, subject: string, key: string): Promise<{ id: string; joinUrl: string }>;
}
