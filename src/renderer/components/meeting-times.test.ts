import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/model';
import { roomStatus } from '../../shared/room-status';
import { en } from '../i18n/en';
import { it as italian } from '../i18n/it';
import { meetingTimes } from './meeting-times';
import { statusWords } from './status-words';

const ZONE = 'Europe/Rome';
let english: TFunction;
let italiano: TFunction;

beforeAll(async () => {
  const make = async (lng: string, translation: typeof en) => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng, resources: { [lng]: { translation } }, interpolation: { escapeValue: false } });
    return i18n.t;
  };
  english = await make('en', en);
  italiano = await make('it', italian);
});

function meeting(start: string, end: string, extra: Partial<Meeting> = {}): Meeting {
  return { id: 'm', subject: 'Budget review', organizer: 'Avery Chen', start, end, isAllDay: false, showAs: 'busy', isPrivate: false, join: null, otherJoins: [], bookedHere: false, ...extra };
}

/** Noon in Rome on the spring DST day (23 hours long). */
const NOON = new Date('2026-03-29T10:00:00Z');

describe('meetingTimes: when, as the room reads it', () => {
  it.each([
    ['a meeting today', meeting('2026-03-29T07:30:00Z', '2026-03-29T08:15:00Z'), '9:30 – 10:15 AM', '09:30–10:15'],
    ['one running past midnight', meeting('2026-03-29T21:30:00Z', '2026-03-29T22:30:00Z'), '11:30 PM – 12:30 AM (tomorrow)', '23:30 – 00:30 (domani)'],
    ['one that began yesterday', meeting('2026-03-28T22:00:00Z', '2026-03-29T06:00:00Z'), 'Until 8:00 AM', 'Fino alle 08:00'],
    ['one ending on the stroke of midnight', meeting('2026-03-29T21:00:00Z', '2026-03-29T22:00:00Z'), '11:00 PM – 12:00 AM', '23:00 – 00:00'],
    ['one around the whole day', meeting('2026-03-28T20:00:00Z', '2026-03-30T06:00:00Z'), 'All day', 'Tutto il giorno'],
    ['an all-day booking', meeting('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', { isAllDay: true }), 'All day', 'Tutto il giorno'],
  ])('%s', (_name, m, inEnglish, inItalian) => {
    expect(meetingTimes(m, NOON, ZONE, 'en', english).replace(/\u202f|\u2009/g, ' ')).toBe(inEnglish);
    expect(meetingTimes(m, NOON, ZONE, 'it', italiano).replace(/\u202f|\u2009/g, ' ')).toBe(inItalian);
  });
});

describe('statusWords: the status band and the ambient screen say the same', () => {
  it('says "for the rest of the day" when the room is held past midnight, never "until 0:00"', () => {
    const late = meeting('2026-03-29T21:30:00Z', '2026-03-29T22:30:00Z');
    const words = statusWords(roomStatus([late], new Date('2026-03-29T21:45:00Z')), new Date('2026-03-29T21:45:00Z'), ZONE, 'en', english);
    expect(words).toEqual({ text: 'Busy for the rest of the day', detail: 'Budget review' });
  });

  it('names when the room is free until, and the meeting about to start', () => {
    const next = meeting('2026-03-29T10:05:00Z', '2026-03-29T11:00:00Z');
    expect(statusWords(roomStatus([next], NOON), NOON, ZONE, 'en', english).text.replace(/\u202f/g, ' ')).toBe('Starting soon · 12:05 PM');
    expect(statusWords(roomStatus([next], new Date('2026-03-29T09:00:00Z')), new Date('2026-03-29T09:00:00Z'), ZONE, 'it', italiano)).toEqual({ text: 'Libera fino alle 12:05', detail: null });
  });
});
