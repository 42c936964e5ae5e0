import { describe, expect, it } from 'vitest';
import type { Clock } from '../ports';
import { CrashPolicy, DEFAULT_CRASH_POLICY, parseRelaunchHistory, withRelaunchHistory, type CrashPolicyOptions } from './crash-policy';

const T0 = Date.parse('2026-03-02T09:00:00Z');

function fakeClock(start = T0): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

function policy(clock: Clock, overrides: Partial<CrashPolicyOptions> = {}): CrashPolicy {
  return new CrashPolicy({ ...DEFAULT_CRASH_POLICY, clock, relaunchHistory: [], ...overrides });
}

describe('CrashPolicy', () => {
  it('reloads with exponential backoff, capped', () => {
    const clock = fakeClock();
    const p = policy(clock, { maxReloads: 10, baseDelayMs: 1_000, maxDelayMs: 8_000 });
    const delays = Array.from({ length: 6 }, () => {
      const r = p.onRendererGone('crashed');
      clock.advance(1_000);
      return r.action === 'reload' ? r.delayMs : -1;
    });
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('forgets crashes older than the window, so a crash a day starts from the shortest delay', () => {
    const clock = fakeClock();
    const p = policy(clock);
    expect(p.onRendererGone('oom')).toMatchObject({ action: 'reload', delayMs: 1_000, crashesInWindow: 1 });
    clock.advance(DEFAULT_CRASH_POLICY.windowMs + 1);
    expect(p.onRendererGone('crashed')).toMatchObject({ action: 'reload', delayMs: 1_000, crashesInWindow: 1 });
  });

  it('relaunches the app once reloads stop helping, carrying the relaunch time forward', () => {
    const clock = fakeClock();
    const p = policy(clock, { maxReloads: 2 });
    expect(p.onRendererGone('crashed').action).toBe('reload');
    expect(p.onRendererGone('killed').action).toBe('reload');
    expect(p.onRendererGone('crashed')).toEqual({ action: 'relaunch', relaunchHistory: [T0] });
  });

  it('gives up after too many relaunches within the hour, but not for old ones', () => {
    const clock = fakeClock();
    const recent = [T0 - 50 * 60_000, T0 - 20 * 60_000, T0 - 60_000];
    const p = policy(clock, { maxReloads: 0, maxRelaunches: 3, relaunchHistory: recent });
    const r = p.onRendererGone('crashed');
    expect(r.action).toBe('give-up');
    expect(r.action === 'give-up' && r.message).toMatch(/3 restarts/);

    const old = [T0 - 3 * 60 * 60_000, T0 - 2 * 60 * 60_000, T0 - 61 * 60_000];
    expect(policy(fakeClock(), { maxReloads: 0, relaunchHistory: old }).onRendererGone('crashed')).toEqual({ action: 'relaunch', relaunchHistory: [T0] });
  });

  it('gives up at once when the bundle fails its integrity check (reloading cannot help)', () => {
    expect(policy(fakeClock()).onRendererGone('integrity-failure').action).toBe('give-up');
  });

  it('exposes the hang grace period for the watchdog', () => {
    expect(policy(fakeClock(), { unresponsiveGraceMs: 12_345 }).unresponsiveGraceMs).toBe(12_345);
  });
});

describe('relaunch history on the command line', () => {
  it('round-trips through the arguments and replaces an earlier marker', () => {
    const args = withRelaunchHistory(['out/main/electron.js', '--config', 'c.json', '--crash-relaunches=1'], [T0, T0 + 5]);
    expect(args).toEqual(['out/main/electron.js', '--config', 'c.json', `--crash-relaunches=${T0},${T0 + 5}`]);
    expect(parseRelaunchHistory(['electron', ...args])).toEqual([T0, T0 + 5]);
  });

  it('reads nothing from a missing or malformed marker', () => {
    expect(parseRelaunchHistory(['electron', 'out/main/electron.js'])).toEqual([]);
    expect(parseRelaunchHistory(['--crash-relaunches=abc,-5,,1.5'])).toEqual([]);
  });
});
