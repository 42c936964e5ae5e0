import { describe, expect, it } from 'vitest';
import type { Meeting } from './model';
import { nowAndNext, roomStatus } from './room-status';

function meeting(id: string, start: string, end: string, extra: Partial<Meeting> = {}): Meeting {
  return {
    id,
    subject: id,
    organizer: null,
    start: `2026-11-22T${start}:00.000Z`,
    end: `2026-11-22T${end}:00.000Z`,
    isAllDay: false,
    showAs: 'busy',
    isPrivate: false,
    join: null,
    otherJoins: [],
    bookedHere: false,
    ...extra,
  };
}

const at = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00.000Z`);

describe('roomStatus', () => {
  const day = [meeting('a', '09:00', '10:00'), meeting('b', '10:00', '10:30'), meeting('c', '14:00', '15:00')];

  it('is busy until the end of a back-to-back stretch, not just the current meeting', () => {
    expect(roomStatus(day, at('09:15'))).toMatchObject({ kind: 'busy', until: '2026-11-22T10:30:00.000Z', current: { id: 'a' } });
  });

  it('is free until the next meeting, and "starting soon" in the last ten minutes', () => {
    expect(roomStatus(day, at('11:00'))).toMatchObject({ kind: 'free', nextStart: '2026-11-22T14:00:00.000Z' });
    expect(roomStatus(day, at('13:51'))).toMatchObject({ kind: 'starting-soon', next: { id: 'c' } });
  });

  it('is free for the rest of the day after the last meeting', () => {
    expect(roomStatus(day, at('16:00'))).toEqual({ kind: 'free', nextStart: null, next: null });
  });

  it('treats an all-day booking as busy (a common room-display complaint)', () => {
    const allDay = meeting('offsite', '00:00', '23:59', { isAllDay: true });
    expect(roomStatus([allDay], at('12:00'))).toMatchObject({ kind: 'busy', current: { id: 'offsite' } });
  });

  it('names the timed meeting in progress, not the all-day booking around it, and stays busy until the booking ends', () => {
    const allDay = meeting('offsite', '00:00', '23:59', { isAllDay: true });
    const status = roomStatus([allDay, meeting('a', '09:00', '10:00')], at('09:30'));
    expect(status).toMatchObject({ kind: 'busy', current: { id: 'a' }, until: '2026-11-22T23:59:00.000Z' });
  });

  it('does not let a "free" show-as entry block the room', () => {
    const reminder = meeting('reminder', '11:00', '12:00', { showAs: 'free' });
    expect(roomStatus([reminder], at('11:30'))).toMatchObject({ kind: 'free' });
  });

  it('counts a tentative meeting as holding the room', () => {
    expect(roomStatus([meeting('t', '11:00', '12:00', { showAs: 'tentative' })], at('11:30')).kind).toBe('busy');
  });
});

describe('nowAndNext', () => {
  const allDay = meeting('offsite', '00:00', '23:59', { isAllDay: true });

  it('picks the live timed meeting and the following one over the all-day booking around them', () => {
    const list = [allDay, meeting('a', '09:00', '10:00'), meeting('b', '11:00', '12:00')];
    expect(nowAndNext(list, at('09:30'))).toMatchObject({ now: { id: 'a' }, next: { id: 'b' } });
  });

  it('names the all-day booking as now when nothing timed is on: the room is reserved, not empty', () => {
    const list = [allDay, meeting('a', '09:00', '10:00'), meeting('b', '11:00', '12:00')];
    expect(nowAndNext(list, at('10:30'))).toMatchObject({ now: { id: 'offsite' }, next: { id: 'b' } });
  });

  it('leaves entries shown as free out of now and next, as the status does', () => {
    const list = [meeting('water', '09:00', '10:00', { showAs: 'free' }), meeting('reminder', '10:30', '10:45', { showAs: 'free' }), meeting('c', '14:00', '15:00')];
    expect(nowAndNext(list, at('09:30'))).toMatchObject({ now: null, next: { id: 'c' } });
  });
});
