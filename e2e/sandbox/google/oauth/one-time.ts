import type { Clock } from '../../core/clock';

/**
 * Unguessable, expiring values handed to a browser or a client, each good for one use: consent forms and
 * authorization codes. Provider-neutral (a candidate for core/): the Entra and generic OAuth stand-ins keep the
 * same two maps by hand.
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
    return entry && entry.expiresAt > this.clock().getTime() ? entry.value : null;
  }

  /** Uses it up: every later call, like a replayed form or a reused code, gets null. */
  take(key: string): T | null {
    const value = this.peek(key);
    if (value === null) return null;
    this.live.delete(key);
    this.used.add(key);
    return value;
  }

  /** Issued and already used: Google answers a reused code differently from one it never issued. */
  wasUsed(key: string): boolean {
    return this.used.has(key);
  }
}
