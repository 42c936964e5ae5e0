import { describe, expect, it } from 'vitest';
import { bookingOptions } from './booking-slots';
import type { Meeting } from './model';

const at = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00.000Z`);
const dayEnd = at('23:00');

function meeting(start: string, end: string, extra: Partial<Meeting> = {}): Meeting {
  return { id: start, subject: 'x', organizer: null, start: at(start).toISOString(), end: at(end).toISOString(), isAllDay: false, showAs: 'busy', isPrivate: false, join: null, otherJoins: [], bookedHere: false, ...extra };
}

describe('bookingOptions', () => {
  it('offers 15/30/45/60 minutes when the room is free for long', () => {
    expect(bookingOptions([meeting('14:00', '15:00')], at('10:00'), dayEnd).map((o) => o.minutes)).toEqual([15, 30, 45, 60]);
  });

  it('never goes past the next meeting, and offers the whole gap up to it', () => {
    const options = bookingOptions([meeting('10:40', '11:00')], at('10:00'), dayEnd);
    expect(options.map((o) => o.minutes)).toEqual([15, 30, 40]);
    expect(options.at(-1)).toEqual({ minutes: 40, until: at('10:40').toISOString(), untilNext: true });
  });

  it('offers nothing while the room is taken, or when the gap is under five minutes', () => {
    expect(bookingOptions([meeting('09:30', '10:30')], at('10:00'), dayEnd)).toEqual([]);
    expect(bookingOptions([meeting('10:04', '11:00')], at('10:00'), dayEnd)).toEqual([]);
  });

  it('ignores entries shown as free, and stops at the end of the day', () => {
    expect(bookingOptions([meeting('10:10', '11:00', { showAs: 'free' })], at('10:00'), dayEnd).map((o) => o.minutes)).toEqual([15, 30, 45, 60]);
    expect(bookingOptions([], at('22:30'), dayEnd).map((o) => o.minutes)).toEqual([15, 30]);
  });
});
