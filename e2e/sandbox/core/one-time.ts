import type { Clock } from './clock';

/**
 * Unguessable, expiring values handed to a browser or a client, each good for one use: consent forms and
 * authorization codes, at every provider the sandbox stands in for.
 */
export class OneTimeValues<T> {
  private readonly live = new Map<string, { readonly value: T; readonly expiresAt: number }>();
  private readonly used = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeS: number,
    private readonly mint: () => string,
  ) {}

  issue(value: T): string {
    const key = this.mint();
    this.live.set(key, { value, expiresAt: this.clock().getTime() + this.lifetimeS * 1000 });
    return key;
  }

  /** The value while it is unused and unexpired, without using it up (a form shown again after a mistake). */
  peek(key: string): T | null {
    const entry = this.live.get(key);
    return entry && !this.isPast(entry.expiresAt) ? entry.value : null;
  }

  /** Uses it up: every later call, like a replayed form or a reused code, gets null. */
  take(key: string): T | null {
    const value = this.peek(key);
    if (value === null) return null;
    this.live.delete(key);
    this.used.add(key);
    return value;
  }

  /** Issued and already used: providers answer a reused code differently from one they never issued. */
  wasUsed(key: string): boolean {
    return this.used.has(key);
  }

  /** Issued, never used, and past its lifetime (told apart from an unknown value by the generic OAuth stand-in). */
  hasExpired(key: string): boolean {
    const entry = this.live.get(key);
    return entry !== undefined && this.isPast(entry.expiresAt);
  }

  private isPast(expiresAt: number): boolean {
    return expiresAt <= this.clock().getTime();
  }
}
