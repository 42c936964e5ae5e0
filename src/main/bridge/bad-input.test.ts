import { describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../shared/api';
import { createLogger } from '../health/logger';
import { deeplyNested, LONE_SURROGATE, PROTOTYPE_KEYS, prototypeIsClean, withProtoKey } from '../bad-input.test-support';
import { ApiRouter, type Handlers } from './router';

/**
 * A compromised renderer sends whatever it likes through `roomdeck.call`. Every call must be refused before its
 * handler runs, with an error that names the problem, and the router must go on serving good calls.
 */
function recordingRouter(lines: string[] = []): { router: ApiRouter; ran: string[] } {
  const ran: string[] = [];
  const handlers = Object.fromEntries(
    Object.keys(calls).map((name) => [name, async () => {
      ran.push(name);
      return {};
    }]),
  ) as unknown as Handlers;
  return { router: new ApiRouter(handlers, createLogger((line) => lines.push(line))), ran };
}

const HUGE = 'x'.repeat(5_000_000);

const hostilePayloads: [string, CallName, unknown, RegExp][] = [
  ['a number for a string', 'setup.chooseCalendar', { calendarId: 42 }, /calendarId/],
  ['a 5 MB string', 'setup.chooseCalendar', { calendarId: HUGE }, /calendarId/],
  ['an array for a string', 'setup.chooseCalendar', { calendarId: ['a'] }, /calendarId/],
  ['an extra key', 'setup.signIn', { provider: 'microsoft', method: 'device-code', extra: true }, /extra/],
  ['an unknown provider', 'setup.signIn', { provider: 'evil-cloud', method: 'device-code' }, /provider/],
  ['a billion minutes', 'room.bookNow', { minutes: 1e9 }, /minutes/],
  ['NaN minutes', 'room.bookNow', { minutes: Number.NaN }, /minutes/],
  ['minutes as a string', 'room.bookNow', { minutes: '30' }, /minutes/],
  ['negative minutes', 'room.extend', { minutes: -5 }, /minutes/],
  ['a lone surrogate id and an out-of-range index', 'meeting.join', { meetingId: LONE_SURROGATE.repeat(1000), linkIndex: 99 }, /meetingId|linkIndex/],
  ['SQL in a PIN', 'admin.unlock', { pin: '1234; DROP TABLE' }, /pin/],
  ['an operator object for a PIN', 'admin.unlock', { pin: { $gt: '' } }, /pin/],
  ['an unknown feature', 'settings.setFeature', { feature: 'microsoft.everything', enabled: true }, /feature/],
  ['an unknown provider to connect', 'settings.connect', { provider: 'evil-cloud' }, /provider/],
  ['10 000 levels of nesting', 'app.state', deeplyNested(10_000), /input|a/],
  ['an array', 'app.state', [1, 2, 3], /input/],
  ['a string', 'app.state', 'a string', /input/],
  ['a number', 'app.state', 7, /input/],
];

describe('bad input: IPC payloads from a compromised renderer', () => {
  it.each(hostilePayloads)('%s (%s) is refused, naming the field, and no handler runs', async (_what, name, input, names) => {
    const { router, ran } = recordingRouter();
    const result = await router.dispatch(name, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toMatch(names);
    // The reply is bounded, whatever the payload's size.
    expect(result.error.message.length).toBeLessThanOrEqual(2000);
    expect(ran).toEqual([]);
  });

  it('refuses prototype-polluting keys and leaves Object.prototype untouched', async () => {
    const { router, ran } = recordingRouter();
    for (const key of PROTOTYPE_KEYS) {
      const result = await router.dispatch('room.bookNow', JSON.parse(`{"minutes":30,"${key}":{"polluted":true}}`));
      expect(result.ok, key).toBe(false);
    }
    expect((await router.dispatch('setup.chooseCalendar', withProtoKey({ calendarId: 'c1' }))).ok).toBe(false);
    expect(prototypeIsClean()).toBe(true);
    expect(ran).toEqual([]);
  });

  it('refuses unknown and hostile call names, bounded in what it echoes back', async () => {
    const { router, ran } = recordingRouter();
    for (const name of ['', 'files.deleteEverything', 'hasOwnProperty', '__defineGetter__', 'app.state\u0000', 'A'.repeat(100_000)]) {
      const result = await router.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
      expect(JSON.stringify(result).length).toBeLessThan(300);
    }
    expect(ran).toEqual([]);
  });

  it('logs each refusal without the payload, and keeps serving good calls afterwards', async () => {
    const lines: string[] = [];
    const { router, ran } = recordingRouter(lines);
    await router.dispatch('setup.chooseCalendar', { calendarId: HUGE });
    expect(lines.some((line) => line.includes('api.rejected-input'))).toBe(true);
    expect(lines.join('').length).toBeLessThan(1000);
    expect(await router.dispatch('admin.lock', {})).toEqual({ ok: true, output: {} });
    expect(ran).toEqual(['admin.lock']);
  });
});
