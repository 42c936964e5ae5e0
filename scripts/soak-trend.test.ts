import { describe, expect, it } from 'vitest';
import { judgeSoak, slope, type SoakSample } from './soak-trend';

const MB = 1024 * 1024;

function week(heap: (hour: number) => number, handles: (hour: number) => number, fds: (hour: number) => number = () => 20): SoakSample[] {
  const samples: SoakSample[] = [];
  for (let hour = 0; hour <= 168; hour += 6) samples.push({ hour, heapBytes: heap(hour), handles: handles(hour), fds: fds(hour) });
  return samples;
}

describe('soak verdict', () => {
  it('fits a least-squares slope', () => {
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 3 }])).toBe(0);
  });

  it('passes a flat week after a first-day warm-up, whatever the noise', () => {
    const verdict = judgeSoak(week((h) => (h < 24 ? 20 * MB + h * MB : 44 * MB + ((h * 7919) % 5) * 0.1 * MB), (h) => 12 + (h % 12 === 0 ? 1 : 0)));
    expect(verdict.heapOk).toBe(true);
    expect(verdict.handlesOk).toBe(true);
    expect(Math.abs(verdict.heapGrowthBytes)).toBeLessThan(MB);
  });

  it('fails a heap that keeps growing, even slowly, and handles that pile up', () => {
    const leaking = judgeSoak(week((h) => 40 * MB + (h / 24) * 1.2 * MB, (h) => 12 + Math.floor(h / 24)));
    expect(leaking.heapGrowthBytes).toBeGreaterThan(5 * MB);
    expect(leaking.heapOk).toBe(false);
    expect(leaking.handlesPerDay).toBeCloseTo(1, 0);
    expect(leaking.handlesOk).toBe(false);
  });

  it('fails sockets or files left open even when the event loop does not count them', () => {
    const verdict = judgeSoak(week(() => 40 * MB, () => 3, (h) => 20 + Math.floor(h / 12)));
    expect(verdict.fdsPerDay).toBeCloseTo(2, 0);
    expect(verdict.handlesOk).toBe(false);
  });
});
