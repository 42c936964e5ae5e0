import { describe, expect, it } from 'vitest';
import { Backoff, retryAfterMs } from './backoff';

describe('retryAfterMs', () => {
  const now = new Date('2026-11-23T09:10:00Z');

  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 09:10:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('Backoff', () => {
  it('doubles per consecutive failure up to 64 s, adds jitter, and forgets a key after a success', () => {
    const backoff = new Backoff(() => 0.5);
    const delays = Array.from({ length: 9 }, () => backoff.failed('atlas'));

    expect(delays).toEqual([1500, 2500, 4500, 8500, 16500, 32500, 64500, 64500, 64500]);
    expect(backoff.failed('other')).toBe(1500);
    backoff.succeeded('atlas');
    expect(backoff.failed('atlas')).toBe(1500);
  });
});
