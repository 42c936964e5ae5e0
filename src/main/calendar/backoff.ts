/**
 * How long to stay away from a calendar service that answered "slow down" or "unavailable": what its Retry-After
 * says when it says something, else exponential backoff with random jitter per Google's guide (1 s, 2 s, 4 s … up
 * to 64 s, plus up to 1 s so that many kiosks behind one quota do not come back in lockstep).
 * https://developers.google.com/calendar/api/guides/errors ("Exponential backoff")
 */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 64_000;
const MAX_JITTER_MS = 1_000;

/** `Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3) in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | null {
  const text = header?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Consecutive failures per key (a calendar), so each failing poll waits twice as long as the one before. */
export class Backoff {
  private readonly failures = new Map<string, number>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Records one more failure for `key` and returns how long to wait before trying it again. */
  failed(key: string): number {
    const count = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, count);
    const exponential = Math.min(FIRST_DELAY_MS * 2 ** (count - 1), MAX_DELAY_MS);
    return exponential + Math.floor(this.random() * MAX_JITTER_MS);
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
