import type { Meeting } from './model';

/** The durations people are offered, in minutes. */
export const BOOKING_CHOICES = [15, 30, 45, 60] as const;
/** Shorter than this is not worth booking (and would read as a mistake on the door). */
export const MIN_BOOKING_MINUTES = 5;

export interface BookingOption {
  minutes: number;
  /** ISO instant the booking would end. */
  until: string;
  /** True for the option that runs right up to the next meeting (shorter than the usual choice). */
  untilNext: boolean;
}

function holdsRoom(m: Meeting): boolean {
  return m.showAs !== 'free';
}

/**
 * What "Book now" can offer at `now`: the usual durations that fit before the next meeting, plus the whole free gap
 * when it is shorter than an hour — never past the next meeting. Empty while the room is taken or the gap is tiny.
 */
export function bookingOptions(meetings: Meeting[], now: Date, dayEnd: Date): BookingOption[] {
  const t = now.toISOString();
  if (meetings.some((m) => holdsRoom(m) && m.start <= t && m.end > t)) return [];
  const next = meetings.filter((m) => holdsRoom(m) && m.start > t).sort((a, b) => a.start.localeCompare(b.start))[0];
  const freeUntil = Math.min(next ? Date.parse(next.start) : dayEnd.getTime(), dayEnd.getTime());
  const gap = Math.floor((freeUntil - now.getTime()) / 60_000);
  if (gap < MIN_BOOKING_MINUTES) return [];
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const fitting = BOOKING_CHOICES.filter((m) => m < gap).map((minutes) => ({ minutes, until: at(minutes), untilNext: false }));
  const whole = gap <= Math.max(...BOOKING_CHOICES) ? [{ minutes: gap, until: new Date(freeUntil).toISOString(), untilNext: next !== undefined }] : [];
  return [...fitting, ...whole];
}
