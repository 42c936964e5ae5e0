import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../config/kiosk-config';
import { nextInstallTime, updatePlan } from './update-policy';

const updatesOf = (updates: unknown) => parseKioskConfig({ microsoft: { clientId: 'app' }, ...(updates === undefined ? {} : { updates }) }, 'test').updates;

describe('update policy', () => {
  it('is off unless IT names a channel, and never runs unpackaged', () => {
    expect(updatePlan(updatesOf(undefined), true)).toEqual({ kind: 'off', reason: 'policy' });
    expect(updatePlan(updatesOf({ channel: 'beta' }), false)).toEqual({ kind: 'off', reason: 'not-packaged' });
    expect(updatePlan(updatesOf({ channel: 'beta', checkHours: 12, installAt: '02:30' }), true)).toEqual({ kind: 'on', channel: 'beta', checkEveryMs: 12 * 3_600_000, installAt: '02:30' });
  });

  it('refuses channels and times it does not know', () => {
    expect(() => updatesOf({ channel: 'nightly' })).toThrow(/updates\.channel/);
    expect(() => updatesOf({ channel: 'latest', installAt: '25:00' })).toThrow(/updates\.installAt/);
  });

  it('installs at the next given local time, tomorrow once it has passed', () => {
    const evening = new Date(2026, 10, 22, 18, 0);
    expect(nextInstallTime(evening, '03:00')).toEqual(new Date(2026, 10, 23, 3, 0));
    expect(nextInstallTime(new Date(2026, 10, 22, 1, 0), '03:00')).toEqual(new Date(2026, 10, 22, 3, 0));
    expect(nextInstallTime(new Date(2026, 10, 22, 3, 0), '03:00')).toEqual(new Date(2026, 10, 23, 3, 0));
  });
});
