import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';
import { gaxios } from 'google-auth-library';
import type { CalendarChoice } from '../../../shared/model';
import { asConnectionLost } from '../../auth/google-auth';
import type { SourceEvent } from '../../calendar/calendar-source';
import { silentLogger, type Logger } from '../../health/logger';
import { blocksBooking, BookingRefusedError, refusedAs, linkedMeetingNote, type BookingSlot, type LinkedMeeting, type MeetingBooker, type RoomBooker } from '../../meetings/room-booker';
import { sourceEventsOf, toSourceEvent } from './google-calendar';
import { GoogleEventSchema } from './google-schemas';
import { httpStatusOf, isUsageLimit } from './google-sync';

/** RFC 2938 base32hex, lower case: the alphabet Google allows in a client-chosen event id (events.insert reference). */
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/**
 * The event id for an idempotency key: the same key always gives the same id, so a retried insert hits Google's 409
 * duplicate instead of booking twice. A SHA-256 in base32hex (52 chars) fits the 5–1024 length and alphabet whatever
 * the key looks like; prefixed so these ids are told apart from Google's own at a glance.
 */
export function bookingEventId(key: string): string {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  let bits = 0;
  let value = 0;
  let out = 'rd';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32HEX[(value << (5 - bits)) & 31] : out;
}

/** A listing around a booking is a few events; one page of this size holds them. */
const SLOT_PAGE_SIZE = 250;

function errorReason(err: gaxios.GaxiosError): string | null {
  const data: unknown = err.response?.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return null;
  const inner = data.error;
  if (typeof inner !== 'object' || inner === null || !('errors' in inner) || !Array.isArray(inner.errors)) return null;
  const first: unknown = inner.errors[0];
  return typeof first === 'object' && first !== null && 'reason' in first && typeof first.reason === 'string' ? first.reason : null;
}

/**
 * Google's answers as the port's refusals. A revoked grant becomes ConnectionLostError (sign in again), as for the
 * calendar source, and passes through; 403 is "no permission" unless it is Google's rate-limit 403.
 */
function refusal(error: unknown): unknown {
  if (error instanceof BookingRefusedError) return error;
  const lost = asConnectionLost(error);
  if (lost) return lost;
  if (!(error instanceof gaxios.GaxiosError)) return new BookingRefusedError('failed', { cause: error });
  const status = httpStatusOf(error);
  if (status === 403 && !isUsageLimit(error)) return new BookingRefusedError('no-permission', { cause: error });
  if (status === 409 && errorReason(error) !== 'duplicate') return new BookingRefusedError('conflict', { cause: error });
  return new BookingRefusedError('failed', { cause: error });
}

/**
 * How long a Meet conference may stay "pending" before the booking gives up: `reads` events.get calls, the wait
 * before each growing from `firstDelayMs` by half up to `maxDelayMs`. The defaults give up after about ten seconds,
 * as long as someone at the kiosk will plausibly wait for a link (Google usually answers "success" at once).
 */
export interface MeetPolling {
  readonly reads: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const MEET_POLLING: MeetPolling = { reads: 10, firstDelayMs: 200, maxDelayMs: 1500 };

function pollDelay(polling: MeetPolling, read: number): number {
  return Math.min(polling.maxDelayMs, Math.round(polling.firstDelayMs * 1.5 ** read));
}

/** Where a Meet conference on an event stands (events.insert reference, `conferenceData.createRequest.status`). */
type MeetState = { kind: 'ready'; joinUrl: string } | { kind: 'pending' } | { kind: 'failed' };

function meetStateOf(event: calendar_v3.Schema$Event): MeetState {
  const data = event.conferenceData;
  // hangoutLink is the Meet link; the video entry point carries the same URL and is what other solutions would fill.
  const joinUrl = event.hangoutLink ?? data?.entryPoints?.find((entry) => entry.entryPointType === 'video')?.uri;
  if (joinUrl) return { kind: 'ready', joinUrl };
  // No conferenceData at all means Google ignored the request; "success" without a link is no use either.
  return data?.createRequest?.status?.statusCode === 'pending' ? { kind: 'pending' } : { kind: 'failed' };
}

/** Ad-hoc room bookings in a Google calendar; needs calendar.events (or calendar) and writer access to the calendar. */
/** The room's own booking: busy, no reminders (nobody is there to dismiss them), times in UTC. */
function bookingBody(id: string, subject: string, slot: BookingSlot, meeting?: LinkedMeeting): calendar_v3.Schema$Event {
  return {
    id,
    summary: subject,
    ...(meeting ? { description: linkedMeetingNote(meeting), location: meeting.joinUrl } : {}),
    start: { dateTime: slot.start.toISOString(), timeZone: 'UTC' },
    end: { dateTime: slot.end.toISOString(), timeZone: 'UTC' },
    transparency: 'opaque',
    reminders: { useDefault: false, overrides: [] },
  };
}

export class GoogleRoomBooker implements RoomBooker, MeetingBooker {
  readonly meetingProvider = 'meet';
  private readonly api: calendar_v3.Calendar;

  constructor(
    auth: OAuth2Client,
    calendarRootUrl: string,
    private readonly log: Logger = silentLogger,
    private readonly meetPolling: MeetPolling = MEET_POLLING,
  ) {
    this.api = calendar({ version: 'v3', auth, rootUrl: calendarRootUrl });
  }

  /**
   * The slot is checked first: Google books over anything, so a meeting added since the agenda was drawn would
   * double-book the room. An event with this key's id is an earlier attempt whose answer got lost: that is the booking.
   * The insert carries that id too, so a replay racing the first gets 409 duplicate, which is success.
   */
  book(choice: CalendarChoice, slot: BookingSlot, subject: string, key: string, meeting?: LinkedMeeting): Promise<{ id: string }> {
    const id = bookingEventId(key);
    return refusedAs(refusal, async () => {
      const existing = await this.eventsBetween(choice, slot.start, slot.end);
      if (existing.some((event) => event.id === id && !event.isCancelled)) return { id };
      if (existing.some((event) => blocksBooking(event, slot, () => false))) throw new BookingRefusedError('conflict');
      const requestBody = bookingBody(id, subject, slot, meeting);
      try {
        await this.api.events.insert({ calendarId: choice.id, requestBody });
      } catch (error) {
        if (!(error instanceof gaxios.GaxiosError) || httpStatusOf(error) !== 409 || errorReason(error) !== 'duplicate') throw error;
        this.log.info('booking.replayed', { provider: 'google' });
      }
      return { id };
    });
  }

  /**
   * `book` with a Meet conference requested in the same insert (`conferenceDataVersion: 1`), so booking and meeting are
   * one event. The key gives both the event id and the conference's requestId: a replayed insert meets 409 duplicate
   * and a replayed createRequest is ignored, so a retried tap finds the first event and its one conference. Google may
   * answer "pending" and make the conference later; that is waited out by reading the event (bounded). A conference
   * that fails or never comes deletes the event: the person asked for a meeting, and a bare booking would be half one.
   */
  bookWithMeeting(choice: CalendarChoice, slot: BookingSlot, subject: string, key: string): Promise<{ id: string; joinUrl: string }> {
    const id = bookingEventId(key);
    return refusedAs(refusal, async () => {
      const existing = await this.eventsBetween(choice, slot.start, slot.end);
      let event: calendar_v3.Schema$Event;
      if (existing.some((candidate) => candidate.id === id)) {
        event = await this.getEvent(choice, id);
      } else {
        if (existing.some((candidate) => blocksBooking(candidate, slot, () => false))) throw new BookingRefusedError('conflict');
        event = await this.insertWithMeet(choice, slot, subject, id);
      }
      return this.withMeet(choice, id, event);
    });
  }

  /**
   * A Meet conference alone, for a room whose calendar is elsewhere: an event in `choice` (the connected account's
   * own calendar) carrying it, with no look at the slot — that account's other plans are not the room's. The same
   * key rules make a retried tap find the first event and its one conference.
   */
  createMeeting(choice: CalendarChoice, slot: BookingSlot, subject: string, key: string): Promise<{ id: string; joinUrl: string }> {
    const id = bookingEventId(key);
    return refusedAs(refusal, async () => this.withMeet(choice, id, await this.insertWithMeet(choice, slot, subject, id)));
  }

  /** Removes an event createMeeting made (its room booking failed); an already deleted one is fine. */
  deleteMeeting(choice: CalendarChoice, id: string): Promise<void> {
    return this.discard(choice, id);
  }

  /** The join URL of the event's conference once it is up; the event is deleted if it never comes. */
  private async withMeet(choice: CalendarChoice, id: string, event: calendar_v3.Schema$Event): Promise<{ id: string; joinUrl: string }> {
    // A cancelled event with this id is an earlier attempt already cleaned up: the id stays taken, so this key is spent.
    if (event.status === 'cancelled') throw new BookingRefusedError('failed');
    try {
      return { id, joinUrl: await this.awaitMeet(choice, id, event) };
    } catch (error) {
      await this.discard(choice, id);
      throw error;
    }
  }

  /** Extending is checked against the calendar like a new booking; ending early never conflicts. */
  setEnd(choice: CalendarChoice, id: string, end: Date): Promise<void> {
    return refusedAs(refusal, async () => {
      const { data } = await this.api.events.get({ calendarId: choice.id, eventId: id });
      const current = toSourceEvent(GoogleEventSchema.parse(data));
      if (!current || current.isAllDay) throw new BookingRefusedError('failed', { message: 'This booking has no start and end time to change.' });
      const currentEnd = new Date(current.end);
      if (end > currentEnd) {
        const added = { start: currentEnd, end };
        const others = await this.eventsBetween(choice, added.start, added.end);
        if (others.some((event) => blocksBooking(event, added, (candidate) => candidate.id === id))) throw new BookingRefusedError('conflict');
      }
      // "End now" on a booking that has not started yet leaves it zero-length, which the agenda does not show.
      const start = new Date(current.start);
      const requestBody: calendar_v3.Schema$Event = { end: { dateTime: (end < start ? start : end).toISOString(), timeZone: 'UTC' } };
      await this.api.events.patch({ calendarId: choice.id, eventId: id, requestBody });
    });
  }

  /** The insert of a booking with a Meet createRequest; a 409 duplicate is a lost first answer, so that event is read. */
  private async insertWithMeet(choice: CalendarChoice, slot: BookingSlot, subject: string, id: string): Promise<calendar_v3.Schema$Event> {
    const requestBody: calendar_v3.Schema$Event = {
      ...bookingBody(id, subject, slot),
      conferenceData: { createRequest: { requestId: id, conferenceSolutionKey: { type: 'hangoutsMeet' } } },
    };
    try {
      // Without conferenceDataVersion=1 Google drops conferenceData from the body and makes no meeting.
      return (await this.api.events.insert({ calendarId: choice.id, conferenceDataVersion: 1, requestBody })).data;
    } catch (error) {
      if (!(error instanceof gaxios.GaxiosError) || httpStatusOf(error) !== 409 || errorReason(error) !== 'duplicate') throw error;
      this.log.info('booking.replayed', { provider: 'google' });
      return this.getEvent(choice, id);
    }
  }

  /** The join URL once the conference is up; reads the event again while it is pending, at most `reads` times. */
  private async awaitMeet(choice: CalendarChoice, id: string, first: calendar_v3.Schema$Event): Promise<string> {
    let event = first;
    for (let read = 0; ; read += 1) {
      const state = meetStateOf(event);
      if (state.kind === 'ready') return state.joinUrl;
      if (state.kind === 'failed' || read >= this.meetPolling.reads) {
        this.log.warn('booking.meet-not-created', { provider: 'google', state: state.kind, reads: read });
        throw new BookingRefusedError('failed', { message: 'Google Meet could not create the meeting. Please try again.' });
      }
      await sleep(pollDelay(this.meetPolling, read));
      event = await this.getEvent(choice, id);
    }
  }

  private async getEvent(choice: CalendarChoice, id: string): Promise<calendar_v3.Schema$Event> {
    return (await this.api.events.get({ calendarId: choice.id, eventId: id })).data;
  }

  /** Deletes a booking whose meeting did not come; 410 means an earlier clean-up already did. */
  private async discard(choice: CalendarChoice, id: string): Promise<void> {
    try {
      await this.api.events.delete({ calendarId: choice.id, eventId: id });
    } catch (error) {
      if (error instanceof gaxios.GaxiosError && httpStatusOf(error) === 410) return;
      // The refusal matters more than the clean-up; the leftover is an ordinary booking the agenda shows and "End now" ends.
      this.log.warn('booking.cleanup-failed', { provider: 'google', status: error instanceof gaxios.GaxiosError ? httpStatusOf(error) : null });
    }
  }

  private async eventsBetween(choice: CalendarChoice, start: Date, end: Date): Promise<SourceEvent[]> {
    const { data } = await this.api.events.list({ calendarId: choice.id, timeMin: start.toISOString(), timeMax: end.toISOString(), singleEvents: true, maxResults: SLOT_PAGE_SIZE });
    return sourceEventsOf(data.items ?? [], this.log);
  }
}
