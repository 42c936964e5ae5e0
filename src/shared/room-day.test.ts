import { describe, expect, it } from 'vitest';
import { dayWindow } from './room-day';

describe('dayWindow', () => {
  it('spans midnight to midnight in the room zone', () => {
    expect(dayWindow(new Date('2026-11-22T12:00:00Z'), 'Europe/Rome')).toEqual({
      start: new Date('2026-11-21T23:00:00.000Z'),
      end: new Date('2026-11-22T23:00:00.000Z'),
    });
  });

  it('is 23 hours long on the spring DST day and 25 on the autumn one', () => {
    const spring = dayWindow(new Date('2026-03-29T12:00:00Z'), 'Europe/Rome');
    const autumn = dayWindow(new Date('2026-10-25T12:00:00Z'), 'Europe/Rome');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });

  it('uses the room day, not the UTC day, late in the evening west of Greenwich', () => {
    const w = dayWindow(new Date('2026-11-23T03:00:00Z'), 'America/New_York');
    expect(w.start.toISOString()).toBe('2026-11-22T05:00:00.000Z');
  });
});
