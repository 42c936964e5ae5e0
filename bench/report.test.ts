import { describe, expect, it } from 'vitest';
import { atMost, reference, type Figure } from './figure';
import { EXIT, duplicateNames, exitCode, formatValue, jsonReport, table } from './report';

const held = atMost('sync.graph.requests_per_idle_poll', 1, 'requests', 1);
const missed = atMost('home.paint_from_cache', 1234.5, 'ms', 1000);
const baseline = reference('home.blank_launch', 95.25, 'ms');

describe('bench report', () => {
  it('prints one aligned row per figure, with the budget and MISSED where it is not met', () => {
    const lines = table([held, missed, baseline]).split('\n');
    expect(lines[0]).toMatch(/^name +· value · unit +· budget +· ok$/);
    expect(lines[1]).toBe('sync.graph.requests_per_idle_poll ·  1.00 · requests · ≤ 1 requests · ok');
    expect(lines[2]).toBe('home.paint_from_cache             ·  1235 · ms       · ≤ 1000 ms    · MISSED');
    expect(lines[3]).toBe('home.blank_launch                 ·  95.3 · ms       · reference    · ok');
    expect(new Set(lines.map((line) => line.indexOf('·'))).size).toBe(1);
  });

  it('keys the JSON by figure name with value, unit, budget and ok', () => {
    const report = jsonReport([held, missed]);
    expect(JSON.parse(JSON.stringify(report))).toEqual({
      'sync.graph.requests_per_idle_poll': { value: 1, unit: 'requests', budget: '≤ 1 requests', ok: true },
      'home.paint_from_cache': { value: 1234.5, unit: 'ms', budget: '≤ 1000 ms', ok: false },
    });
  });

  it('reports a figure that could not be measured as null and not ok, in JSON and in the exit code', () => {
    const broken: Figure = { ...reference('links.floor_throughput', Number.NaN, 'MB/s') };
    expect(jsonReport([broken])['links.floor_throughput']).toEqual({ value: null, unit: 'MB/s', budget: 'reference', ok: false });
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(exitCode([broken], [])).toBe(EXIT.missed);
  });

  it('exits 0 when every budget holds, 1 when one is missed, 2 when a module failed', () => {
    expect(exitCode([held, baseline], [])).toBe(EXIT.ok);
    expect(exitCode([held, missed], [])).toBe(EXIT.missed);
    expect(exitCode([held], ['files.bench.ts: does not export figures()'])).toBe(EXIT.broken);
  });

  it('finds figure names reported twice', () => {
    expect(duplicateNames([held, baseline, held])).toEqual([held.name]);
    expect(duplicateNames([held, baseline])).toEqual([]);
  });
});
