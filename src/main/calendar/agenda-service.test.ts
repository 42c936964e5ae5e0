import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Agenda, CalendarChoice } from '../../shared/model';
import { silentLogger } from '../health/logger';
import { AgendaCache } from './agenda-cache';
import { AgendaService, nextDelay } from './agenda-service';
import { RetryLaterError, type CalendarSource, type SourceEvent, type SyncResult, type SyncWindow } from './calendar-source';

const calendar: CalendarChoice = { id: 'cal-1', name: 'Calendar', ownerName: 'Boardroom 4', ownerEmail: 'b4@contoso.com', isRoomAccountOwn: true };

function event(id: string, hour: number, extra: Partial<SourceEvent> = {}): SourceEvent {
  const at = (h: number) => `2026-11-22T${String(h).padStart(2, '0')}:00:00.000Z`;
  return {
    id,
    subject: id,
    organizer: null,
    start: at(hour),
    end: at(hour + 1),
    isAllDay: false,
    showAs: 'busy',
    isPrivate: false,
    isCancelled: false,
    linkSource: { source: 'text', event: { text: '' } },
    ...extra,
  };
}

/** A calendar that answers from a script, and remembers which cursors it was asked with. */
class ScriptedSource implements CalendarSource {
  readonly cursors: (string | null)[] = [];
  constructor(private readonly answers: ((w: SyncWindow) => SyncResult | Error)[]) {}
  async listCalendars(): Promise<CalendarChoice[]> {
    return [calendar];
  }
  async eventsBetween(): Promise<SourceEvent[]> {
    return [];
  }
  async sync(_c: CalendarChoice, window: SyncWindow, cursor: string | null): Promise<SyncResult> {
    this.cursors.push(cursor);
    const next = this.answers.shift();
    if (!next) throw new Error('no more answers');
    const answer = next(window);
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

async function service(source: CalendarSource, now = { t: Date.parse('2026-11-22T10:00:00Z') }, dataDir?: string) {
  const agendas: Agenda[] = [];
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'rd-agenda-')));
  const svc = new AgendaService({
    source,
    calendar,
    timeZone: 'UTC',
    clock: { now: () => new Date(now.t) },
    detect: () => ({ join: null, candidates: [], rejected: [] }),
    providerName: (p) => p,
    privacy: { hideSubjects: false, hideOrganizers: false },
    bookedHere: () => new Set<string>(),
    pollMs: 60_000,
    cache: new AgendaCache(dir, silentLogger),
    log: silentLogger,
    onAgenda: (a) => agendas.push(a),
    onSignInNeeded: () => undefined,
    invitations: () => null,
  });
  return { svc, agendas, dir, now };
}

const subjects = (a: Agenda | undefined) => a?.meetings.map((m) => m.subject);

describe('AgendaService', () => {
  it('applies a full listing, then only the changes: added, moved, cancelled, deleted', async () => {
    const source = new ScriptedSource([
      () => ({ full: true, events: [event('a', 9), event('b', 11), event('c', 13)], removed: [], cursor: 'c1' }),
      () => ({ full: false, events: [event('d', 15), event('b', 12), event('c', 13, { isCancelled: true })], removed: [], cursor: 'c2' }),
      () => ({ full: false, events: [], removed: ['a'], cursor: 'c3' }),
    ]);
    const { svc, agendas } = await service(source);
    await svc.refresh();
    await svc.refresh();
    expect(subjects(agendas.at(-1))).toEqual(['a', 'b', 'd']);
    expect(agendas.at(-1)?.meetings.find((m) => m.id === 'b')?.start).toBe('2026-11-22T12:00:00.000Z');
    await svc.refresh();
    expect(subjects(agendas.at(-1))).toEqual(['b', 'd']);
    expect(source.cursors).toEqual([null, 'c1', 'c2']);
    svc.stop();
  });

  it('starts over with no cursor when the day changes', async () => {
    const source = new ScriptedSource([
      () => ({ full: true, events: [event('a', 9)], removed: [], cursor: 'today' }),
      (w) => ({ full: true, events: [], removed: [], cursor: `from-${w.start.toISOString().slice(0, 10)}` }),
    ]);
    const { svc, agendas, now } = await service(source);
    await svc.refresh();
    now.t += 24 * 3_600_000;
    await svc.refresh();
    expect(source.cursors).toEqual([null, null]);
    expect(agendas.at(-1)?.meetings).toEqual([]);
    svc.stop();
  });

  it('keeps the last meetings, marked stale, while the calendar fails, and recovers', async () => {
    const source = new ScriptedSource([
      () => ({ full: true, events: [event('a', 9)], removed: [], cursor: 'c1' }),
      () => new Error('fetch failed'),
      () => ({ full: false, events: [], removed: [], cursor: 'c2' }),
    ]);
    const { svc, agendas } = await service(source);
    await svc.refresh();
    await svc.refresh();
    expect(agendas.at(-1)).toMatchObject({ staleSince: '2026-11-22T10:00:00.000Z' });
    expect(subjects(agendas.at(-1))).toEqual(['a']);
    await svc.refresh();
    expect(agendas.at(-1)).toMatchObject({ staleSince: null });
    expect(source.cursors).toEqual([null, 'c1', 'c1']);
    svc.stop();
  });

  it('paints the cached day at start, before the calendar answers, and only for this calendar and today', async () => {
    const first = await service(new ScriptedSource([() => ({ full: true, events: [event('a', 9), event('b', 11)], removed: [], cursor: 'c1' })]));
    await first.svc.refresh();
    first.svc.stop();
    await new Promise((r) => setTimeout(r, 50));

    const hanging: CalendarSource = { ...new ScriptedSource([]), listCalendars: async () => [], eventsBetween: async () => [], sync: () => new Promise(() => undefined) };
    const again = await service(hanging, { t: Date.parse('2026-11-22T10:30:00Z') }, first.dir);
    await again.svc.start();
    expect(subjects(again.agendas[0])).toEqual(['a', 'b']);
    again.svc.stop();

    const tomorrow = await service(hanging, { t: Date.parse('2026-11-23T08:00:00Z') }, first.dir);
    await tomorrow.svc.start();
    expect(tomorrow.agendas[0]?.meetings).toEqual([]);
    tomorrow.svc.stop();
  });

  it('waits at least what Retry-After says, and backs off on repeated failures', () => {
    expect(nextDelay(30_000, 0, 0)).toBe(30_000);
    expect(nextDelay(30_000, 1, 120_000)).toBe(120_000);
    expect(nextDelay(30_000, 2, 0)).toBe(120_000);
    expect(nextDelay(30_000, 10, 0)).toBe(300_000);
  });

  it('marks the agenda stale on a Retry-After without losing it', async () => {
    const source = new ScriptedSource([() => ({ full: true, events: [event('a', 9)], removed: [], cursor: 'c1' }), () => new RetryLaterError(90_000, 429)]);
    const { svc, agendas } = await service(source);
    await svc.refresh();
    await svc.refresh();
    expect(agendas.at(-1)).toMatchObject({ staleSince: expect.any(String) });
    expect(subjects(agendas.at(-1))).toEqual(['a']);
    svc.stop();
  });
});
