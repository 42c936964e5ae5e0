/**
 * Shared contract of benchmark modules: each `bench/*.bench.ts` exports `figures(): Promise<Figure[]>`, and
 * `bench/run.ts` prints them all (table, or one JSON object with `--json`).
 */
export interface Figure {
  /** Unique across modules; prefix with the module's area (`links.…`). */
  name: string;
  value: number;
  unit: string;
  /** Human-readable budget, e.g. '≤ 50 ms'. */
  budget: string;
  ok: boolean;
}

export interface BenchModule {
  figures(): Promise<Figure[]>;
}

export function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === 'object' && value !== null && typeof (value as { figures?: unknown }).figures === 'function';
}

export function isFigure(value: unknown): value is Figure {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return typeof f['name'] === 'string' && typeof f['value'] === 'number' && typeof f['unit'] === 'string' &&
    typeof f['budget'] === 'string' && typeof f['ok'] === 'boolean';
}

/** A figure whose budget is an upper bound (`≤ limit unit`). */
export function atMost(name: string, value: number, unit: string, limit: number): Figure {
  return { name, value, unit, budget: `≤ ${limit} ${unit}`, ok: value <= limit };
}

/** Something measured only so another figure can be compared with it (a baseline); it has no budget of its own. */
export function reference(name: string, value: number, unit: string): Figure {
  return { name, value, unit, budget: 'reference', ok: true };
}

/** Runs `run` repeatedly for at least `ms` milliseconds, so the JIT has settled before anything is measured. */
export function warmUp(run: () => void, ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) run();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Median duration in milliseconds of `samples` runs of `run`, after `warmup` unmeasured runs (JIT), each sample
 * timing `repeat` calls so short runs are not lost in timer noise.
 */
export function medianMs(run: () => void, options: { samples: number; repeat?: number; warmup?: number; before?: () => void }): number {
  const repeat = options.repeat ?? 1;
  for (let i = 0; i < (options.warmup ?? 3); i += 1) {
    options.before?.();
    run();
  }
  const times: number[] = [];
  for (let s = 0; s < options.samples; s += 1) {
    let elapsed = 0;
    for (let r = 0; r < repeat; r += 1) {
      options.before?.();
      const start = performance.now();
      run();
      elapsed += performance.now() - start;
    }
    times.push(elapsed / repeat);
  }
  return median(times);
}
