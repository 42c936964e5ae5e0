import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/model';
import { dayWindow } from '../../shared/room-day';
import { toSourceEvent as fromGoogle } from '../providers/google/google-calendar';
import { GoogleEventSchema } from '../providers/google/google-schemas';
import { toSourceEvent as fromGraph } from '../providers/microsoft/graph-calendar';
import { GraphEventSchema } from '../providers/microsoft/graph-schemas';
import { buildMeetings, type MeetingRules } from './agenda';
import type { SourceEvent } from './calendar-source';

/**
 * The agenda model on the days and zones room displays get wrong (research/kiosk-features.md §2.3): provider events
 * as their APIs send them (Graph asked for UTC with `Prefer: outlook.timezone`, Google with the writer's offsets),
 * through the provider mapping and buildMeetings, on the DST days of the room's zone and of the organizers'.
 */

function rules(timeZone: string): MeetingRules {
  return { timeZone, detect: () => ({ join: null, candidates: [], rejected: [] }), providerName: (p) => p, privacy: { hideSubjects: false, hideOrganizers: false }, bookedHere: new Set() };
}

/** A Graph event as calendarView/delta returns it with `Prefer: outlook.timezone="UTC"`. */
function graph(fields: Record<string, unknown>): SourceEvent {
  return fromGraph(GraphEventSchema.parse({ id: 'g1', subject: 'Sync', organizer: { emailAddress: { name: 'Avery Chen', address: 'avery.chen@contoso.com' } }, showAs: 'busy', ...fields }));
}

function google(fields: Record<string, unknown>): SourceEvent {
  const event = fromGoogle(GoogleEventSchema.parse({ id: 'e1', status: 'confirmed', summary: 'Sync', organizer: { email: 'giulia.romano@fabrikam.example', displayName: 'Giulia Romano' }, ...fields }));
  if (!event) throw new Error('the fixture has no usable start/end');
  return event;
}

const utc = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });

function only(events: SourceEvent[], zone: string): Meeting {
  const [meeting, ...rest] = buildMeetings(events, rules(zone));
  if (!meeting || rest.length > 0) throw new Error(`expected one meeting, got ${rest.length + (meeting ? 1 : 0)}`);
  return meeting;
}

const hours = (m: Pick<Meeting, 'start' | 'end'>) => (Date.parse(m.end) - Date.parse(m.start)) / 3_600_000;

describe('all-day bookings on DST days hold the room from midnight to midnight in the room’s zone', () => {
  it.each([
    ['Rome, spring forward: 23 hours', 'Europe/Rome', '2026-03-29', '2026-03-30', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 23],
    ['Rome, fall back: 25 hours', 'Europe/Rome', '2026-10-25', '2026-10-26', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', 25],
    ['New York, spring forward', 'America/New_York', '2026-03-08', '2026-03-09', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 23],
    ['Kolkata (+05:30, no DST)', 'Asia/Kolkata', '2026-03-29', '2026-03-30', '2026-03-28T18:30:00.000Z', '2026-03-29T18:30:00.000Z', 24],
    ['Rome, a two-day offsite', 'Europe/Rome', '2026-10-24', '2026-10-26', '2026-10-23T22:00:00.000Z', '2026-10-25T23:00:00.000Z', 49],
  ])('%s', (_name, zone, from, to, start, end, length) => {
    const fromGraphApi = only([graph({ isAllDay: true, start: utc(`${from}T00:00:00.0000000`), end: utc(`${to}T00:00:00.0000000`) })], zone);
    const fromGoogleApi = only([google({ start: { date: from }, end: { date: to } })], zone);
    for (const meeting of [fromGraphApi, fromGoogleApi]) {
      expect(meeting).toMatchObject({ start, end, isAllDay: true, showAs: 'busy' });
      expect(hours(meeting)).toBe(length);
    }
  });

  it('lies inside the room’s day window on those days, exactly', () => {
    const day = dayWindow(new Date('2026-03-29T12:00:00Z'), 'Europe/Rome');
    const meeting = only([graph({ isAllDay: true, start: utc('2026-03-29T00:00:00.0000000'), end: utc('2026-03-30T00:00:00.0000000') })], 'Europe/Rome');
    expect([meeting.start, meeting.end]).toEqual([day.start.toISOString(), day.end.toISOString()]);
  });
});

describe('timed meetings keep their instant, whatever zone they were written in', () => {
  it('reads Google’s offsets across the weeks when Europe and America change clocks on different days', () => {
    // 10:00 in New York is 15:00 in Rome on 22 March (New York on DST, Rome not yet) and 16:00 on 29 March.
    expect(only([google({ start: { dateTime: '2026-03-22T10:00:00-04:00' }, end: { dateTime: '2026-03-22T10:45:00-04:00' } })], 'Europe/Rome').start).toBe('2026-03-22T14:00:00.000Z');
    expect(only([google({ start: { dateTime: '2026-03-29T10:00:00-04:00' }, end: { dateTime: '2026-03-29T10:45:00-04:00' } })], 'Europe/Rome').start).toBe('2026-03-29T14:00:00.000Z');
  });

  it('keeps a meeting written across the hour that does not exist in Rome as one real hour', () => {
    const meeting = only([google({ start: { dateTime: '2026-03-29T01:30:00+01:00', timeZone: 'Europe/Rome' }, end: { dateTime: '2026-03-29T03:30:00+02:00', timeZone: 'Europe/Rome' } })], 'Europe/Rome');
    expect(hours(meeting)).toBe(1);
  });

  it('keeps both 02:30s of the autumn night apart', () => {
    const first = google({ id: 'a', start: { dateTime: '2026-10-25T02:30:00+02:00' }, end: { dateTime: '2026-10-25T02:45:00+02:00' } });
    const second = google({ id: 'b', start: { dateTime: '2026-10-25T02:30:00+01:00' }, end: { dateTime: '2026-10-25T02:45:00+01:00' } });
    expect(buildMeetings([second, first], rules('Europe/Rome')).map((m) => [m.id, m.start])).toEqual([
      ['a', '2026-10-25T00:30:00.000Z'],
      ['b', '2026-10-25T01:30:00.000Z'],
    ]);
  });

  it('takes Graph’s UTC wall time (seven fractional digits, no offset) as UTC, not as the room’s local time', () => {
    expect(only([graph({ start: utc('2026-03-29T14:00:00.0000000'), end: utc('2026-03-29T14:45:00.0000000') })], 'Europe/Rome')).toMatchObject({ start: '2026-03-29T14:00:00.000Z', end: '2026-03-29T14:45:00.000Z' });
  });

  it('keeps a meeting across midnight whole, so both days can show it', () => {
    const meeting = only([graph({ start: utc('2026-03-29T21:30:00.0000000'), end: utc('2026-03-29T22:30:00.0000000') })], 'Europe/Rome');
    const [today, tomorrow] = [dayWindow(new Date('2026-03-29T12:00:00Z'), 'Europe/Rome'), dayWindow(new Date('2026-03-30T12:00:00Z'), 'Europe/Rome')];
    expect(Date.parse(meeting.start)).toBeLessThan(today.end.getTime());
    expect(Date.parse(meeting.end)).toBeGreaterThan(tomorrow.start.getTime());
  });
});

describe('what holds the room, what is cancelled, what stays private', () => {
  it.each([
    ['busy', { showAs: 'busy' }, { transparency: 'opaque' }, 'busy'],
    ['tentative', { showAs: 'tentative' }, { attendees: [{ email: 'room@resource.calendar.google.com', self: true, responseStatus: 'tentative' }] }, 'tentative'],
    ['free ("show me as available")', { showAs: 'free' }, { transparency: 'transparent' }, 'free'],
  ])('%s', (_name, graphFields, googleFields, showAs) => {
    const times = { start: utc('2026-03-29T08:00:00.0000000'), end: utc('2026-03-29T09:00:00.0000000') };
    expect(only([graph({ ...times, ...graphFields })], 'Europe/Rome').showAs).toBe(showAs);
    expect(only([google({ start: { dateTime: '2026-03-29T10:00:00+02:00' }, end: { dateTime: '2026-03-29T11:00:00+02:00' }, ...googleFields })], 'Europe/Rome').showAs).toBe(showAs);
  });

  it('drops a cancelled occurrence and a cancelled exception of a series, and keeps the moved one', () => {
    const series = (id: string, fields: Record<string, unknown>) => google({ id, recurringEventId: 'standup', ...fields });
    const events = [
      series('standup_20260328T073000Z', { start: { dateTime: '2026-03-28T08:30:00+01:00' }, end: { dateTime: '2026-03-28T08:45:00+01:00' } }),
      // Google's minimal cancelled occurrence: id, status and originalStartTime only.
      fromGoogle(GoogleEventSchema.parse({ id: 'standup_20260329T063000Z', status: 'cancelled', recurringEventId: 'standup', originalStartTime: { dateTime: '2026-03-29T08:30:00+02:00' } })),
      series('standup_20260330T063000Z', { start: { dateTime: '2026-03-30T10:00:00+02:00' }, end: { dateTime: '2026-03-30T10:15:00+02:00' }, originalStartTime: { dateTime: '2026-03-30T08:30:00+02:00' } }),
      graph({ id: 'occurrence-cancelled', isCancelled: true, subject: 'Canceled: Sync', start: utc('2026-03-29T07:00:00.0000000'), end: utc('2026-03-29T07:30:00.0000000') }),
    ].flatMap((event) => (event ? [event] : []));
    expect(buildMeetings(events, rules('Europe/Rome')).map((m) => [m.id, m.start])).toEqual([
      ['standup_20260328T073000Z', '2026-03-28T07:30:00.000Z'],
      ['standup_20260330T063000Z', '2026-03-30T08:00:00.000Z'],
    ]);
  });

  it.each([
    ['Graph private', graph({ sensitivity: 'private', subject: 'Layoffs', start: utc('2026-03-29T08:00:00.0000000'), end: utc('2026-03-29T09:00:00.0000000') })],
    ['Graph confidential', graph({ sensitivity: 'confidential', subject: 'Layoffs', start: utc('2026-03-29T08:00:00.0000000'), end: utc('2026-03-29T09:00:00.0000000') })],
    ['Google private', google({ visibility: 'private', summary: 'Layoffs', start: { dateTime: '2026-03-29T10:00:00+02:00' }, end: { dateTime: '2026-03-29T11:00:00+02:00' } })],
    ['Google confidential', google({ visibility: 'confidential', summary: 'Layoffs', start: { dateTime: '2026-03-29T10:00:00+02:00' }, end: { dateTime: '2026-03-29T11:00:00+02:00' } })],
  ])('%s: neither subject nor organizer leaves main', (_name, event) => {
    const meeting = only([event], 'Europe/Rome');
    expect(meeting).toMatchObject({ isPrivate: true, subject: null, organizer: null });
    expect(JSON.stringify(meeting)).not.toMatch(/Layoffs|Avery|Giulia/);
  });

  it.each([
    ['the name exactly', 'Avery Chen'],
    ['another case, spaces around', '  avery chen '],
  ])('a subject that is only the organizer’s name (%s) is no subject: the organizer stays to name it', (_name, subject) => {
    expect(only([graph({ subject, start: utc('2026-03-29T08:00:00.0000000'), end: utc('2026-03-29T09:00:00.0000000') })], 'Europe/Rome')).toMatchObject({ subject: null, organizer: 'Avery Chen' });
  });
});
