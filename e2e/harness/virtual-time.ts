import type { Clock, Scheduler } from '../../src/main/ports';

interface Pending {
  at: number;
  order: number;
  task: () => Promise<void>;
}

/**
 * A clock and a scheduler on one virtual timeline, for the soak and long-outage tests: `advance(ms)` runs every task
 * that falls due, in time order, each to completion before the next (their network I/O is real: the sandbox answers
 * on its own time), and moves the clock as it goes. An hour of polling takes as long as its requests do.
 */
export class VirtualTimeline implements Clock, Scheduler {
  private current: number;
  private pending: Pending[] = [];
  private nextOrder = 0;

  /** `onMove` hears every change of the time (the soak publishes it to the sandbox's thread). */
  constructor(
    start: Date,
    private readonly onMove: (epochMs: number) => void = () => undefined,
  ) {
    this.current = start.getTime();
    onMove(this.current);
  }

  now(): Date {
    return new Date(this.current);
  }

  after(ms: number, task: () => Promise<void>): () => void {
    const entry: Pending = { at: this.current + Math.max(0, ms), order: this.nextOrder++, task };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  }

  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (let next = this.due(end); next; next = this.due(end)) {
      this.pending = this.pending.filter((p) => p !== next);
      this.moveTo(Math.max(this.current, next.at));
      await next.task();
    }
    this.moveTo(end);
  }

  private moveTo(epochMs: number): void {
    this.current = epochMs;
    this.onMove(epochMs);
  }

  private due(end: number): Pending | undefined {
    return this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
  }
}

/** Waits in real time for `probe` to give something truthy (the virtual timeline does not move meanwhile). */
export async function until<T>(probe: () => T | null | undefined | false, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
