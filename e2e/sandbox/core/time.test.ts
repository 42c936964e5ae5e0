import { describe, expect, it } from 'vitest';
import { formatGraphDateTime, fromLocal, parseGraphDateTime, parseQueryInstant, resolveTimeZone, toLocal } from './time';

const local = (text: string) => {
  const parsed = parseGraphDateTime(text);
  if (!parsed) throw new Error(`bad test input ${text}`);
  return parsed;
};

describe('time-zone helpers', () => {
  it('resolves Windows and IANA zone names, and rejects nonsense', () => {
    expect(resolveTimeZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(resolveTimeZone('eastern standard time')).toBe('America/New_York');
    expect(resolveTimeZone('Europe/Rome')).toBe('Europe/Rome');
    expect(resolveTimeZone('UTC')).toBe('UTC');
    expect(resolveTimeZone('Mars/Olympus')).toBeNull();
  });

  it('round-trips wall time across DST changes', () => {
    // Rome: CET (+1) in November, CEST (+2) in July.
    expect(fromLocal(local('2026-11-23T10:30:00'), 'Europe/Rome').toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(fromLocal(local('2026-07-01T10:30:00'), 'Europe/Rome').toISOString()).toBe('2026-07-01T08:30:00.000Z');
    // New York spring-forward gap: 02:30 does not exist and resolves forward to 03:30 EDT.
    expect(fromLocal(local('2026-03-08T02:30:00'), 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(formatGraphDateTime(toLocal(new Date('2026-11-23T09:30:00.123Z'), 'Europe/Rome'))).toBe('2026-11-23T10:30:00.1230000');
  });

  it('parses query instants with offsets, Z, none (UTC), and a "+" that arrived as a space', () => {
    expect(parseQueryInstant('2026-11-23T00:00:00-08:00')?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(parseQueryInstant('2026-11-23T00:00:00')?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(parseQueryInstant('2026-11-23T00:00:00 01:00')?.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(parseQueryInstant('tomorrow')).toBeNull();
  });
});
