import { describe, expect, it } from 'vitest';
import { buildMeetings, type Detector } from './agenda';
import type { SourceEvent } from './calendar-source';

const noLinks: Detector = () => ({ join: null, candidates: [], rejected: [] });
const name = (p: string) => p.toUpperCase();
const open = { hideSubjects: false, hideOrganizers: false };
const rules = (detect: Detector = noLinks, privacy = open) => ({ timeZone: 'Europe/Rome', detect, providerName: name, privacy, bookedHere: new Set<string>() });

function event(id: string, extra: Partial<SourceEvent> = {}): SourceEvent {
  return {
    id,
    subject: `Subject ${id}`,
    organizer: 'Avery Chen',
    start: '2026-11-22T09:00:00.000Z',
    end: '2026-11-22T10:00:00.000Z',
    isAllDay: false,
    showAs: 'busy',
    isPrivate: false,
    isCancelled: false,
    linkSource: { source: 'text', event: { text: '' } },
    ...extra,
  };
}

describe('buildMeetings', () => {
  it('drops cancelled occurrences and sorts by start', () => {
    const list = buildMeetings(
      [event('late', { start: '2026-11-22T15:00:00.000Z', end: '2026-11-22T16:00:00.000Z' }), event('gone', { isCancelled: true }), event('early')],
      rules(),
    );
    expect(list.map((m) => m.id)).toEqual(['early', 'late']);
  });

  it('never lets a private subject or organizer past main', () => {
    const [m] = buildMeetings([event('p', { isPrivate: true, subject: 'Layoffs', organizer: 'CEO' })], rules());
    expect(m).toMatchObject({ isPrivate: true, subject: null, organizer: null });
    expect(JSON.stringify(m)).not.toContain('Layoffs');
  });

  it('turns all-day dates into the room day’s instants', () => {
    const [m] = buildMeetings([event('offsite', { isAllDay: true, start: '2026-11-22', end: '2026-11-23' })], rules());
    expect(m).toMatchObject({ start: '2026-11-21T23:00:00.000Z', end: '2026-11-22T23:00:00.000Z', isAllDay: true });
  });

  it('puts the chosen join link first and keeps the others for "join another way"', () => {
    const detect: Detector = () => ({
      join: { provider: 'zoom', url: 'https://x.zoom.us/j/1' },
      candidates: [
        { kind: 'join', provider: 'zoom', url: 'https://x.zoom.us/j/1', origin: 'body', rank: 1, reason: '' },
        { kind: 'join', provider: 'teams', url: 'https://teams.microsoft.com/l/meetup-join/x', origin: 'body', rank: 2, reason: '' },
        { kind: 'dial', provider: 'zoom', url: 'sip:1@zoomcrc.com', origin: 'body', rank: 3, reason: '' },
      ],
      rejected: [],
    });
    const [m] = buildMeetings([event('multi')], rules(detect));
    expect(m?.join).toEqual({ provider: 'zoom', providerName: 'ZOOM', url: 'https://x.zoom.us/j/1' });
    expect(m?.otherJoins).toEqual([{ provider: 'teams', providerName: 'TEAMS', url: 'https://teams.microsoft.com/l/meetup-join/x' }]);
  });

  it('keeps subjects and organizers off the wall when IT hides them', () => {
    const [m] = buildMeetings([event('x', { subject: 'Merger talks', organizer: 'Avery Chen' })], rules(noLinks, { hideSubjects: true, hideOrganizers: true }));
    expect(m).toMatchObject({ subject: null, organizer: null, isPrivate: false });
  });

  it('drops a subject that is only the organizer’s name (Exchange room mailbox default)', () => {
    const [m] = buildMeetings([event('x', { subject: 'Avery Chen', organizer: 'Avery Chen' })], rules());
    expect(m).toMatchObject({ subject: null, organizer: 'Avery Chen' });
  });
});
