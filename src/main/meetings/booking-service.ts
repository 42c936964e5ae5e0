import { randomUUID } from 'node:crypto';
import { bookingOptions } from '../../shared/booking-slots';
import { MEETING_SERVICE_NAMES, MeetingServiceSchema, type Agenda, type CalendarChoice, type LiveMeeting, type Meeting, type MeetingService } from '../../shared/model';
import { UserFacingError } from '../bridge/router';
import { dayWindow } from '../../shared/room-day';
import type { Settings, SettingsStore } from '../config/settings-store';
import type { Logger } from '../health/logger';
import type { Clock } from '../ports';
import { NOTHING_VISIBLE, type LiveMeetingReader } from './live-meeting';
import type { HostedMeeting, MeetingFactory } from './meeting-factory';
import { BookingRefusedError, type BookingSlot, type LinkedMeeting, type MeetingBooker, type NativeMeetingProvider, type RoomBooker } from './room-booker';

export interface BookingServiceDeps {
  /** The room's booker, or null while the booking feature is off. */
  booker(): RoomBooker | null;
  /** The room's online-meeting booker for a service, or null when that service is not the room's own. */
  meetingBooker(provider: NativeMeetingProvider): MeetingBooker | null;
  /** A service whose meetings live beside the room's booking (Zoom, Webex; Meet for a Microsoft room), or null. */
  meetingFactory(provider: MeetingService): MeetingFactory | null;
  /** What the room may see of a running meeting on `provider` it started, or null (the service shows nothing). */
  liveReader(provider: MeetingService): LiveMeetingReader | null;
  calendar(): CalendarChoice | null;
  /** The agenda as last synced (no request): for the in-meeting panel, which asks often. */
  currentAgenda(): Agenda | null;
  /** A fresh look at the calendar (sync now), so a booking made meanwhile elsewhere is seen before we book. */
  refreshAgenda(): Promise<Agenda | null>;
  settings: SettingsStore;
  clock: Clock;
  /** Read at each booking: the admin or IT's policy may change the room's zone while it runs. */
  timeZone(): string;
  log: Logger;
  /** The subject the room's calendar shows for a walk-in booking, in the room's language. */
  subject(): string;
}

const MINUTE = 60_000;
/** Keep the last few ids only: bookings from earlier days no longer matter. */
const REMEMBERED = 50;

/** A booking that failed for a passing reason is tried once more: its key makes the retry safe. */
const BOOKING_ATTEMPTS = 2;

function refusal(err: unknown): UserFacingError {
  if (err instanceof BookingRefusedError && err.reason === 'no-permission') {
    return new UserFacingError('booking-not-allowed', 'This room may not book its own calendar; IT can switch booking on.');
  }
  if (err instanceof BookingRefusedError && err.reason === 'conflict') return new UserFacingError('slot-taken', 'Someone booked the room meanwhile.');
  return new UserFacingError('booking-failed', 'The booking did not go through. Please try again.');
}

/**
 * "Book now", "Meet now", "Extend" and "End now", and the room's view of the meeting it started. Every booking is checked against a fresh copy of the calendar first (someone may
 * have booked the room from Outlook a moment ago), carries an idempotency key so a retried request never books twice,
 * and is remembered so the people in the room can extend or end it.
 */
export class BookingService {
  constructor(private readonly deps: BookingServiceDeps) {}

  /** The last meeting made beside a booking (Zoom, Webex…), from the settings so a restart keeps its live view. */
  private get hosted(): Settings['hostedMeeting'] | null {
    return this.deps.settings.get().hostedMeeting ?? null;
  }

  async bookNow(minutes: number): Promise<{ until: string }> {
    const { booker, calendar } = this.ready();
    const slot = await this.freeSlot(minutes);
    const booked = await booker.book(calendar, slot, this.deps.subject(), randomUUID()).catch((err: unknown) => {
      throw refusal(err);
    });
    await this.afterBooking(booked.id, minutes);
    return { until: slot.end.toISOString() };
  }

  /** Book now with an online meeting: its link for the QR code, and the room booked until `until`. */
  meetNow(provider: MeetingService, minutes: number): Promise<{ joinUrl: string; until: string }> {
    const factory = this.deps.meetingFactory(provider);
    if (factory) return this.meetNowHosted(factory, minutes);
    if (provider === 'teams' || provider === 'meet') return this.meetNowNative(provider, minutes);
    throw new UserFacingError('booking-off', 'Meeting from this screen is not switched on.');
  }

  /** Teams or Meet: the meeting is part of the room's event, one idempotent write, so never one without the other. */
  private async meetNowNative(provider: NativeMeetingProvider, minutes: number): Promise<{ joinUrl: string; until: string }> {
    const calendar = this.deps.calendar();
    const booker = this.deps.meetingBooker(provider);
    if (!booker || !calendar) throw new UserFacingError('booking-off', 'Meeting from this screen is not switched on.');
    const slot = await this.freeSlot(minutes);
    const booked = await booker.bookWithMeeting(calendar, slot, this.deps.subject(), randomUUID()).catch((err: unknown) => {
      throw refusal(err);
    });
    await this.afterBooking(booked.id, minutes);
    return { joinUrl: booked.joinUrl, until: slot.end.toISOString() };
  }

  /**
   * Zoom, Webex (or Meet for a Microsoft room): two writes in two services, so "never half" is ours to keep. The meeting is created first (the
   * factory never repeats a create); then the room is booked with its link, retried with the same key when a
   * passing failure leaves it unclear; if the booking still fails (someone took the slot meanwhile, say), the
   * meeting is deleted again, so the person sees either both or a clear refusal.
   */
  private async meetNowHosted(factory: MeetingFactory, minutes: number): Promise<{ joinUrl: string; until: string }> {
    const { booker, calendar } = this.ready();
    const slot = await this.freeSlot(minutes);
    const key = randomUUID();
    const meeting = await factory.create({ slot, topic: this.deps.subject(), marker: key });
    const booked = await this.bookLinked(booker, calendar, slot, key, { service: MEETING_SERVICE_NAMES[factory.meetingProvider], ...meeting }).catch(async (err: unknown) => {
      await this.discard(factory, meeting);
      throw refusal(err);
    });
    const hostedMeeting = { bookingId: booked.id, provider: factory.meetingProvider, meetingId: meeting.id };
    await this.deps.settings.update((s) => ({ ...s, hostedMeeting }));
    await this.afterBooking(booked.id, minutes);
    return { joinUrl: meeting.joinUrl, until: slot.end.toISOString() };
  }

  private async bookLinked(booker: RoomBooker, calendar: CalendarChoice, slot: BookingSlot, key: string, meeting: LinkedMeeting): Promise<{ id: string }> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await booker.book(calendar, slot, this.deps.subject(), key, meeting);
      } catch (err) {
        const passing = err instanceof BookingRefusedError && err.reason === 'failed';
        if (!passing || attempt >= BOOKING_ATTEMPTS) throw err;
        this.deps.log.warn('booking.retry', { attempt });
      }
    }
  }

  /** The clean-up of a meeting whose booking failed; if even that fails, IT finds the leftover in the log. */
  private async discard(factory: MeetingFactory, meeting: HostedMeeting): Promise<void> {
    try {
      await factory.discard(meeting.id);
      this.deps.log.info('meeting.discarded', { provider: factory.meetingProvider });
    } catch (err) {
      this.deps.log.error('meeting.discard-failed', { provider: factory.meetingProvider, meetingId: meeting.id, error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** A fresh look at the calendar first: the slot must still be free (someone may have booked from Outlook). */
  private async freeSlot(minutes: number): Promise<{ start: Date; end: Date }> {
    const agenda = await this.deps.refreshAgenda();
    const now = this.minuteNow();
    const option = bookingOptions(agenda?.meetings ?? [], now, dayWindow(now, this.deps.timeZone()).end).find((o) => o.minutes === minutes);
    if (!option) throw new UserFacingError('slot-taken', 'The room is no longer free for that long.');
    return { start: now, end: new Date(option.until) };
  }

  private async afterBooking(id: string, minutes: number): Promise<void> {
    await this.remember(id);
    this.deps.log.info('booking.created', { minutes });
    await this.deps.refreshAgenda();
  }

  async extend(minutes: number): Promise<{ until: string }> {
    const { booker, calendar } = this.ready();
    const agenda = await this.deps.refreshAgenda();
    const mine = this.currentOwn(agenda);
    const next = (agenda?.meetings ?? []).filter((m) => m.showAs !== 'free' && m.start >= mine.end && m.id !== mine.id).sort((a, b) => a.start.localeCompare(b.start))[0];
    const wanted = Date.parse(mine.end) + minutes * MINUTE;
    const until = new Date(Math.min(wanted, next ? Date.parse(next.start) : wanted, dayWindow(this.deps.clock.now(), this.deps.timeZone()).end.getTime()));
    if (until.getTime() <= Date.parse(mine.end)) throw new UserFacingError('slot-taken', 'The next meeting starts right after this one.');
    await booker.setEnd(calendar, mine.id, until).catch((err: unknown) => {
      throw refusal(err);
    });
    await this.deps.refreshAgenda();
    return { until: until.toISOString() };
  }

  async endNow(): Promise<void> {
    const { booker, calendar } = this.ready();
    const mine = this.currentOwn(await this.deps.refreshAgenda());
    await booker.setEnd(calendar, mine.id, this.minuteNow()).catch((err: unknown) => {
      throw refusal(err);
    });
    await this.deps.refreshAgenda();
  }

  /** The booking made here that is in progress, after a fresh look at the calendar (for invitations); null if none. */
  async ownBookingNow(): Promise<Meeting | null> {
    const agenda = await this.deps.refreshAgenda();
    return this.findOwn(agenda);
  }

  /** The online meeting of the room's own booking in progress, as far as its service shows it. */
  async liveMeeting(): Promise<LiveMeeting | null> {
    const mine = this.findOwn(this.deps.currentAgenda());
    const service = mine && this.serviceOf(mine);
    if (!mine || !service) return null;
    const hosted = this.hosted;
    const reader = hosted?.bookingId === mine.id ? this.deps.liveReader(service) : null;
    if (!reader || !hosted) return { service, ...NOTHING_VISIBLE, canEnd: false };
    const view = await reader.read(hosted.meetingId).catch((err: unknown) => {
      // The panel is a help, not the meeting: when the service does not answer, it shows nothing rather than an error.
      this.deps.log.warn('meeting.live-unreadable', { provider: service, error: err instanceof Error ? err.message : String(err) });
      return NOTHING_VISIBLE;
    });
    return { service, ...view, canEnd: view.state === 'in-progress' };
  }

  /** Ends the running meeting for everyone, then gives the room back ("End now"). */
  async endMeeting(): Promise<void> {
    const mine = this.currentOwn(await this.deps.refreshAgenda());
    const service = this.serviceOf(mine);
    const hosted = this.hosted;
    const reader = service && hosted?.bookingId === mine.id ? this.deps.liveReader(service) : null;
    if (!reader || !hosted) throw new UserFacingError('meeting-end-unavailable', 'This meeting cannot be ended from this screen.');
    await reader.end(hosted.meetingId).catch((err: unknown) => {
      this.deps.log.warn('meeting.end-failed', { provider: service, error: err instanceof Error ? err.message : String(err) });
      throw new UserFacingError('meeting-end-failed', 'The meeting could not be ended. Please try again.');
    });
    this.deps.log.info('meeting.ended', { provider: service });
    await this.endNow();
  }

  /** The service of a booking's meeting: the one made here, else the service of the link in the event. */
  private serviceOf(meeting: Meeting): MeetingService | null {
    if (this.hosted?.bookingId === meeting.id) return this.hosted.provider;
    const parsed = MeetingServiceSchema.safeParse(meeting.join?.provider);
    return parsed.success ? parsed.data : null;
  }

  bookedHere(): ReadonlySet<string> {
    return new Set(this.deps.settings.get().bookings);
  }

  private ready(): { booker: RoomBooker; calendar: CalendarChoice } {
    const booker = this.deps.booker();
    const calendar = this.deps.calendar();
    if (!booker || !calendar) throw new UserFacingError('booking-off', 'Booking from this screen is not switched on.');
    return { booker, calendar };
  }

  /** A booking made here that is in progress now, in `agenda`. */
  findOwn(agenda: Agenda | null): Meeting | null {
    const t = this.deps.clock.now().toISOString();
    return agenda?.meetings.find((m) => m.bookedHere && m.start <= t && m.end > t) ?? null;
  }

  private currentOwn(agenda: Agenda | null): Meeting {
    const mine = this.findOwn(agenda);
    if (!mine) throw new UserFacingError('no-own-booking', 'There is no booking from this screen in progress.');
    return mine;
  }

  /** Bookings start on the minute, like people expect to read them ("10:42–11:12", not "10:42:37"). */
  private minuteNow(): Date {
    const now = this.deps.clock.now().getTime();
    return new Date(now - (now % MINUTE));
  }

  private async remember(id: string): Promise<void> {
    await this.deps.settings.update((s) => ({ ...s, bookings: [...s.bookings, id].slice(-REMEMBERED) }));
  }
}
