import { createHash } from 'node:crypto';
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';
import { gaxios } from 'google-auth-library';
import type { CalendarChoice } from '../../../shared/model';
import { asConnectionLost } from '../../auth/google-auth';
import type { SourceEvent } from '../../calendar/calendar-source';
import { silentLogger, type Logger } from '../../health/logger';
import { blocksBooking, BookingRefusedError, refusedAs, type BookingSlot, type RoomBooker } from '../../meetings/room-booker';
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

/** Ad-hoc room bookings in a Google calendar; needs calendar.events (or calendar) and writer access to the calendar. */
export class GoogleRoomBooker implements RoomBooker {
  private readonly api: calendar_v3.Calendar;

  constructor(
    auth: OAuth2Client,
    calendarRootUrl: string,
    private readonly log: Logger = silentLogger,
  ) {
    this.api = calendar({ version: 'v3', auth, rootUrl: calendarRootUrl });
  }

  /**
   * The slot is checked first: Google books over anything, so a meeting added since the agenda was drawn would
   * double-book the room. An event with this key's id is an earlier attempt whose answer got lost: that is the booking.
   * The insert carries that id too, so a replay racing the first gets 409 duplicate, which is success.
   */
  book(choice: CalendarChoice, slot: BookingSlot, subject: string, key: string): Promise<{ id: string }> {
    const id = bookingEventId(key);
    return refusedAs(refusal, async () => {
      const existing = await this.eventsBetween(choice, slot.start, slot.end);
      if (existing.some((event) => event.id === id && !event.isCancelled)) return { id };
      if (existing.some((event) => blocksBooking(event, slot, () => false))) throw new BookingRefusedError('conflict');
      const requestBody: calendar_v3.Schema$Event = {
        id,
        summary: subject,
        start: { dateTime: slot.start.toISOString(), timeZone: 'UTC' },
        end: { dateTime: slot.end.toISOString(), timeZone: 'UTC' },
        transparency: 'opaque',
        reminders: { useDefault: false, overrides: [] },
      };
      try {
        await this.api.events.insert({ calendarId: choice.id, requestBody });
      } catch (error) {
        if (!(error instanceof gaxios.GaxiosError) || httpStatusOf(error) !== 409 || errorReason(error) !== 'duplicate') throw error;
        this.log.info('booking.replayed', { provider: 'google' });
      }
      return { id };
    });
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

  private async eventsBetween(choice: CalendarChoice, start: Date, end: Date): Promise<SourceEvent[]> {
    const { data } = await this.api.events.list({ calendarId: choice.id, timeMin: start.toISOString(), timeMax: end.toISOString(), singleEvents: true, maxResults: SLOT_PAGE_SIZE });
    return sourceEventsOf(data.items ?? [], this.log);
  }
}
