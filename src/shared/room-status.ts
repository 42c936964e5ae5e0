import type { Meeting } from './model';

/** How soon a next meeting turns a free room into "starting soon". */
export const STARTING_SOON_MS = 10 * 60_000;

export type RoomStatus =
  | { kind: 'free'; nextStart: string | null; next: Meeting | null }
  | { kind: 'starting-soon'; next: Meeting }
  | { kind: 'busy'; until: string; current: Meeting };

/** Meetings that hold the room: a "free" show-as (e.g. a reminder someone left on the room) does not. */
function blocks(m: Meeting): boolean {
  return m.showAs !== 'free';
}

function byStart(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/** Back-to-back meetings make one busy stretch: "busy until" is when the room is really free again. */
function busyUntil(sorted: readonly Meeting[], from: Meeting): string {
  let until = from.end;
  for (const m of sorted) if (blocks(m) && m.start <= until && m.end > until) until = m.end;
  return until;
}

/** The meeting holding the room: a timed one in progress says more than the all-day booking around it. */
function currentMeeting(sorted: readonly Meeting[], t: string): Meeting | null {
  const live = sorted.filter((m) => blocks(m) && m.start <= t && m.end > t);
  return live.find((m) => !m.isAllDay) ?? live[0] ?? null;
}

function nextMeeting(sorted: readonly Meeting[], t: string): Meeting | null {
  return sorted.find((m) => blocks(m) && m.start > t) ?? null;
}

export function roomStatus(meetings: Meeting[], now: Date): RoomStatus {
  const t = now.toISOString();
  const sorted = byStart(meetings);
  const current = currentMeeting(sorted, t);
  if (current) return { kind: 'busy', until: busyUntil(sorted, current), current };
  const next = nextMeeting(sorted, t);
  if (next && Date.parse(next.start) - now.getTime() <= STARTING_SOON_MS) return { kind: 'starting-soon', next };
  return { kind: 'free', nextStart: next?.start ?? null, next };
}

/**
 * The "Now" and "Next" cards, by the same rules as the status: now is what holds the room (an all-day booking when
 * nothing timed is on), next is the next meeting that will. Entries shown as free stay in the day's list only.
 */
export function nowAndNext(meetings: Meeting[], now: Date): { now: Meeting | null; next: Meeting | null } {
  const t = now.toISOString();
  const sorted = byStart(meetings);
  return { now: currentMeeting(sorted, t), next: nextMeeting(sorted, t) };
}
