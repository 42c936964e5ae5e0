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

/** Back-to-back meetings make one busy stretch: "busy until" is when the room is really free again. */
function busyUntil(meetings: Meeting[], from: Meeting): string {
  let until = from.end;
  for (const m of meetings) if (blocks(m) && m.start <= until && m.end > until) until = m.end;
  return until;
}

/** The meeting to name while busy: a timed one in progress says more than the all-day booking around it. */
function currentMeeting(sorted: Meeting[], t: string): Meeting | undefined {
  const live = sorted.filter((m) => blocks(m) && m.start <= t && m.end > t);
  return live.find((m) => !m.isAllDay) ?? live[0];
}

export function roomStatus(meetings: Meeting[], now: Date): RoomStatus {
  const t = now.toISOString();
  const sorted = [...meetings].sort((a, b) => a.start.localeCompare(b.start));
  const current = currentMeeting(sorted, t);
  if (current) return { kind: 'busy', until: busyUntil(sorted, current), current };
  const next = sorted.find((m) => blocks(m) && m.start > t) ?? null;
  if (next && Date.parse(next.start) - now.getTime() <= STARTING_SOON_MS) return { kind: 'starting-soon', next };
  return { kind: 'free', nextStart: next?.start ?? null, next };
}

/** The meeting shown as "now" (or the one about to start) and the one after it. */
export function nowAndNext(meetings: Meeting[], now: Date): { now: Meeting | null; next: Meeting | null } {
  const t = now.toISOString();
  const live = meetings.find((m) => !m.isAllDay && m.start <= t && m.end > t) ?? null;
  const upcoming = meetings.filter((m) => !m.isAllDay && m.start > t);
  return { now: live, next: upcoming[0] ?? null };
}
