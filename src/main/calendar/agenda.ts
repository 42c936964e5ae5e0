import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import type { Meeting } from '../../shared/model';
import type { Detection } from '../links';
import type { SourceEvent } from './calendar-source';

export type Detector = (event: SourceEvent) => Detection;
export type LinkNamer = (provider: string) => string;

/** The room's day, midnight to midnight in the room's zone (DST days are 23 or 25 hours long). */
export function dayWindow(now: Date, timeZone: string): { start: Date; end: Date } {
  const start = startOfDay(new TZDate(now.getTime(), timeZone));
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

/** A calendar date (`YYYY-MM-DD`) as the instant its day starts in the room's zone. */
function dateToInstant(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, timeZone).getTime()).toISOString();
}

function toMeeting(event: SourceEvent, timeZone: string, detect: Detector, name: LinkNamer): Meeting {
  const detection = detect(event);
  const links = detection.candidates.filter((c) => c.kind === 'join');
  const join = detection.join;
  const toLink = (l: { provider: string; url: string }) => ({ provider: l.provider, providerName: name(l.provider), url: l.url });
  const others = links.filter((l) => !join || l.url !== join.url);
  return {
    id: event.id,
    // Private meetings: the subject never leaves main (the renderer shows "Private meeting").
    subject: event.isPrivate ? null : event.subject,
    organizer: event.isPrivate ? null : event.organizer,
    start: event.isAllDay ? dateToInstant(event.start, timeZone) : event.start,
    end: event.isAllDay ? dateToInstant(event.end, timeZone) : event.end,
    isAllDay: event.isAllDay,
    showAs: event.showAs,
    isPrivate: event.isPrivate,
    join: join ? toLink(join) : null,
    otherJoins: dedupeByUrl(others.map(toLink)).slice(0, 10),
  };
}

function dedupeByUrl<T extends { url: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.url) && seen.add(i.url));
}

/** Today's meetings as people should see them: cancelled ones gone, sorted by start, private ones anonymised. */
export function buildMeetings(events: SourceEvent[], timeZone: string, detect: Detector, name: LinkNamer): Meeting[] {
  return events
    .filter((e) => !e.isCancelled)
    .map((e) => toMeeting(e, timeZone, detect, name))
    .filter((m) => m.end > m.start || m.isAllDay)
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}
