/** The soak's verdict, kept pure so its arithmetic is unit-tested apart from the week it judges. */

export interface SoakSample {
  /** Simulated hours since the start. */
  hour: number;
  heapBytes: number;
  /** Active resources keeping the event loop alive (`process.getActiveResourcesInfo()`). */
  handles: number;
  /** Open file descriptors (sockets, files, pipes — unref'd ones too), which `handles` does not see. */
  fds: number;
}

export interface SoakBudget {
  maxHeapGrowthBytes: number;
  /** Handles gained per simulated day, by the least-squares trend, above which handles count as growing. */
  maxHandlesPerDay: number;
}

export interface SoakVerdict {
  heapGrowthBytes: number;
  heapSlopeBytesPerDay: number;
  handlesPerDay: number;
  fdsPerDay: number;
  heapOk: boolean;
  handlesOk: boolean;
}

export const SOAK_BUDGET: SoakBudget = { maxHeapGrowthBytes: 5 * 1024 * 1024, maxHandlesPerDay: 0.5 };

/** Least-squares slope of y over x; 0 for fewer than two distinct x. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  if (n < 2 || sxx === 0) return 0;
  return points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0) / sxx;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The first day is warm-up (JIT, caches, connection pools filling), so growth is the last day's median heap minus
 * the second day's, and the trends are fitted from day two on: what keeps growing after a day is what leaks.
 */
export function judgeSoak(samples: readonly SoakSample[], budget: SoakBudget = SOAK_BUDGET): SoakVerdict {
  const settled = samples.filter((s) => s.hour >= 24);
  const lastHour = Math.max(...settled.map((s) => s.hour));
  const secondDay = settled.filter((s) => s.hour < 48).map((s) => s.heapBytes);
  const lastDay = settled.filter((s) => s.hour > lastHour - 24).map((s) => s.heapBytes);
  const heapGrowthBytes = median(lastDay) - median(secondDay);
  const perDay = (y: (s: SoakSample) => number) => slope(settled.map((s) => ({ x: s.hour / 24, y: y(s) })));
  const heapSlopeBytesPerDay = perDay((s) => s.heapBytes);
  const handlesPerDay = perDay((s) => s.handles);
  const fdsPerDay = perDay((s) => s.fds);
  return {
    heapGrowthBytes,
    heapSlopeBytesPerDay,
    handlesPerDay,
    fdsPerDay,
    heapOk: heapGrowthBytes <= budget.maxHeapGrowthBytes && heapSlopeBytesPerDay * 6 <= budget.maxHeapGrowthBytes,
    handlesOk: handlesPerDay <= budget.maxHandlesPerDay && fdsPerDay <= budget.maxHandlesPerDay,
  };
}
