import type { Meeting } from '../../shared/model';
import { dateToInstant } from '../../shared/room-day';
import type { Detection } from '../links';
import type { SourceEvent } from './calendar-source';

export type Detector = (event: SourceEvent) => Detection;
export type LinkNamer = (provider: string) => string;

/** What IT chose to keep off the wall (a lobby-facing panel may show neither subjects nor names). */
export interface Privacy {
  hideSubjects: boolean;
  hideOrganizers: boolean;
}

export interface MeetingRules {
  timeZone: string;
  detect: Detector;
  providerName: LinkNamer;
  privacy: Privacy;
  /** Ids of bookings made from this screen. */
  bookedHere: ReadonlySet<string>;
  /** Hears of each event left off the agenda because it cannot be shown (for the log). */
  onSkipped?: (eventId: string, reason: string) => void;
}

/** What the screen (and the IPC contract) can carry: longer texts are cut, a longer day keeps its first meetings. */
const LIMITS = { id: 512, subject: 500, organizer: 320, meetings: 500 } as const;

/** Cuts `text` to `max` characters, ending in an ellipsis, without splitting a surrogate pair. */
function clip(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/**
 * Exchange room mailboxes replace the subject with the organizer's name by default (AddOrganizerToSubject): that is
 * no subject at all, and showing "Avery Chen" twice reads like a mistake. The renderer says "Meeting by Avery Chen".
 */
export function subjectIsOrganizerName(subject: string | null, organizer: string | null): boolean {
  return !!subject && !!organizer && subject.trim().toLowerCase() === organizer.trim().toLowerCase();
}

function shownSubject(event: SourceEvent, privacy: Privacy): string | null {
  if (event.isPrivate || privacy.hideSubjects || subjectIsOrganizerName(event.subject, event.organizer)) return null;
  return event.subject;
}

function toMeeting(event: SourceEvent, rules: MeetingRules): Meeting {
  const { timeZone, detect, providerName: name, privacy } = rules;
  const detection = detect(event);
  const links = detection.candidates.filter((c) => c.kind === 'join');
  const join = detection.join;
  const toLink = (l: { provider: string; url: string }) => ({ provider: l.provider, providerName: name(l.provider), url: l.url });
  const others = links.filter((l) => !join || l.url !== join.url);
  return {
    id: event.id,
    // Private meetings and hidden subjects never leave main (the renderer says "Private meeting" / "Meeting").
    subject: clip(shownSubject(event, privacy), LIMITS.subject),
    organizer: clip(event.isPrivate || privacy.hideOrganizers ? null : event.organizer, LIMITS.organizer),
    start: event.isAllDay ? dateToInstant(event.start, timeZone) : event.start,
    end: event.isAllDay ? dateToInstant(event.end, timeZone) : event.end,
    isAllDay: event.isAllDay,
    showAs: event.showAs,
    isPrivate: event.isPrivate,
    join: join ? toLink(join) : null,
    otherJoins: dedupeByUrl(others.map(toLink)).slice(0, 10),
    bookedHere: rules.bookedHere.has(event.id),
  };
}

function dedupeByUrl<T extends { url: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.url) && seen.add(i.url));
}

/** Today's meetings as people should see them: cancelled ones gone, sorted by start, private ones anonymised. */
/**
 * One event that cannot be shown (an id no screen can carry, a date no calendar has) is left out and reported; it
 * never takes the rest of the day with it.
 */
function showable(event: SourceEvent, rules: MeetingRules): Meeting[] {
  if (event.id.length > LIMITS.id) {
    rules.onSkipped?.(event.id.slice(0, 80), `id longer than ${LIMITS.id} characters`);
    return [];
  }
  try {
    return [toMeeting(event, rules)];
  } catch (err) {
    rules.onSkipped?.(event.id, err instanceof Error ? err.message : String(err));
    return [];
  }
}

export function buildMeetings(events: SourceEvent[], rules: MeetingRules): Meeting[] {
  const meetings = events
    .filter((e) => !e.isCancelled)
    .flatMap((e) => showable(e, rules))
    .filter((m) => m.end > m.start || m.isAllDay)
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  if (meetings.length > LIMITS.meetings) rules.onSkipped?.(`${meetings.length - LIMITS.meetings} meetings`, `more than ${LIMITS.meetings} in a day`);
  return meetings.slice(0, LIMITS.meetings);
}
