import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../shared/model';
import type { Logger } from '../health/logger';
import { AgendaCache } from './agenda-cache';

function agenda(updatedAt: string): Agenda {
  return { room: { name: 'Boardroom 4', email: 'b4@contoso.com', timeZone: 'UTC' }, meetings: [], updatedAt, staleSince: null };
}

describe('AgendaCache', () => {
  it('overlapping saves (a poll and a booking refresh at once) all succeed, and the newest one is what stays', async () => {
    const warnings: string[] = [];
    const log: Logger = { info: () => undefined, warn: (event) => void warnings.push(event), error: () => undefined };
    const cache = new AgendaCache(await mkdtemp(join(tmpdir(), 'rd-cache-')), log);
    const stamps = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2026, 10, 23, 9, i)).toISOString());
    await Promise.all(stamps.map((stamp) => cache.save('cal-1', agenda(stamp))));
    expect(warnings).toEqual([]);
    expect((await cache.load('cal-1'))?.updatedAt).toBe(stamps.at(-1));
  });
});
