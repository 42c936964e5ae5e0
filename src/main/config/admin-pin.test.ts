import { describe, expect, it } from 'vitest';
import { ADMIN_IDLE_MS, AdminGate, hashPin, PIN_HASH_PATTERN, verifyPin } from './admin-pin';

class ManualClock {
  t = Date.parse('2026-11-22T10:00:00Z');
  now = () => new Date(this.t);
}

describe('admin PIN hashing', () => {
  it('is salted (same PIN, different hashes) and verifies only the right PIN', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(a).not.toBe(b);
    expect(a).toMatch(PIN_HASH_PATTERN);
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2469', a)).toBe(false);
  });

  it('rejects PINs that are not 4–12 digits and damaged hashes', async () => {
    await expect(hashPin('12')).rejects.toThrow(/4 to 12 digits/);
    expect(await verifyPin('2468', 'md5$abc')).toBe(false);
    expect(await verifyPin('abcd', await hashPin('2468'))).toBe(false);
  });
});

describe('AdminGate', () => {
  it('locks after five wrong PINs, for longer each time, and a locked gate refuses even the right PIN', async () => {
    const clock = new ManualClock();
    const hash = await hashPin('2468');
    const gate = new AdminGate(() => hash, clock);
    for (let left = 4; left >= 1; left--) expect(await gate.unlock('0000')).toMatchObject({ unlocked: false, attemptsLeft: left, reason: 'wrong-pin' });
    const first = await gate.unlock('0000');
    expect(first).toMatchObject({ unlocked: false, reason: 'locked', lockedUntil: '2026-11-22T10:05:00.000Z' });
    expect(await gate.unlock('2468')).toMatchObject({ unlocked: false, reason: 'locked' });
    clock.t += 5 * 60_000;
    for (let i = 0; i < 5; i++) await gate.unlock('0000');
    expect(await gate.unlock('2468')).toMatchObject({ reason: 'locked', lockedUntil: '2026-11-22T10:15:00.000Z' });
    clock.t += 10 * 60_000;
    expect(await gate.unlock('2468')).toEqual({ unlocked: true });
  });

  it('closes by itself after the idle period, and each action extends it', async () => {
    const clock = new ManualClock();
    const hash = await hashPin('2468');
    const gate = new AdminGate(() => hash, clock);
    expect(gate.touch()).toBe(false);
    await gate.unlock('2468');
    clock.t += ADMIN_IDLE_MS - 1000;
    expect(gate.touch()).toBe(true);
    clock.t += ADMIN_IDLE_MS - 1000;
    expect(gate.touch()).toBe(true);
    clock.t += ADMIN_IDLE_MS;
    expect(gate.touch()).toBe(false);
  });

  it('says so when no PIN is configured instead of opening the settings', async () => {
    const gate = new AdminGate(() => null, new ManualClock());
    expect(await gate.unlock('2468')).toMatchObject({ unlocked: false, reason: 'no-pin' });
  });
});
