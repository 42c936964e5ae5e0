import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthCheckId, HealthStatus } from '../../shared/health';
import type { CheckOutcome } from './checks';
import type { OutgoingMail, RoomMailer } from '../mail/room-mailer';
import { silentLogger } from './logger';
import { HealthMonitor } from './monitor';

const HOUR = 3_600_000;
let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

function ok(): CheckOutcome {
  return { status: 'ok', reason: 'fine', params: {}, message: 'fine' };
}

/** Checks whose status the test sets, a clock it moves, and a mailer that records (or fails). */
async function harness(options: { mailTo?: string[]; mailer?: boolean } = {}) {
  dir ||= await mkdtemp(join(tmpdir(), 'roomdeck-health-'));
  const statuses: Partial<Record<HealthCheckId, HealthStatus>> = {};
  const clock = { at: new Date('2026-11-22T08:00:00Z'), now() { return this.at; } };
  const sent: OutgoingMail[] = [];
  const failing = { on: false };
  const mailer: Pick<RoomMailer, 'send'> = {
    send: async (mail) => {
      if (failing.on) throw new Error('Graph 503');
      sent.push(mail);
    },
  };
  const check = (id: HealthCheckId) => async (): Promise<CheckOutcome> => {
    const status = statuses[id] ?? 'ok';
    return status === 'ok' ? ok() : { status, reason: `${id}-${status}`, params: { minutes: 42 }, message: `${id} is ${status} <b>` };
  };
  const checks = { tokens: check('tokens'), connections: check('connections'), consent: check('consent'), sync: check('sync'), disk: check('disk'), clock: check('clock'), mailbox: check('mailbox'), policy: check('policy') };
  const make = () =>
    new HealthMonitor({ checks, clock, intervalMs: HOUR, mailEveryMs: 6 * HOUR, mailTo: options.mailTo ?? ['it@contoso.com'], mailer: () => (options.mailer === false ? null : mailer), roomName: () => 'Boardroom 4', dataDir: dir, log: silentLogger });
  const monitor = make();
  await monitor.start();
  monitor.stop();
  /** Moves the clock by `afterMs`, sets the checks' next outcomes, and runs one round. */
  const round = (set: Partial<Record<HealthCheckId, HealthStatus>> = {}, afterMs = 0) => {
    clock.at = new Date(clock.at.getTime() + afterMs);
    Object.assign(statuses, set);
    return monitor.runNow();
  };
  return { monitor, make, sent, failing, round };
}

describe('health monitor', () => {
  it('mails IT once when a check turns bad, and once when it recovers', async () => {
    const h = await harness();
    await h.round();
    expect(h.sent).toHaveLength(0);

    const view = await h.round({ tokens: 'bad' });
    expect(view.checks.find((c) => c.id === 'tokens')).toMatchObject({ status: 'bad', reason: 'tokens-bad', params: { minutes: 42 } });
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toMatchObject({ to: ['it@contoso.com'], subject: 'Roomdeck Boardroom 4: 1 problem(s) need attention' });
    expect(h.sent[0]!.html).toContain('tokens is bad &lt;b&gt;');

    await h.round({}, HOUR);
    expect(h.sent).toHaveLength(1);

    await h.round({ tokens: 'ok' }, 6 * HOUR);
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1]!.subject).toBe('Roomdeck Boardroom 4: back to normal');
  });

  it('does not mail about warnings, nor about a recovery IT never heard the problem of', async () => {
    const h = await harness();
    await h.round({ disk: 'warn' });
    await h.round({ disk: 'ok' });
    expect(h.sent).toHaveLength(0);
  });

  it('holds a flapping check to one mail per period, and sends the held-back change when the period is over', async () => {
    const h = await harness();
    await h.round({ sync: 'bad' });
    for (let i = 0; i < 5; i++) await h.round({ sync: i % 2 === 0 ? 'ok' : 'bad' }, 10 * 60_000);
    expect(h.sent).toHaveLength(1);
    await h.round({ sync: 'ok' }, 6 * HOUR);
    expect(h.sent.map((m) => m.subject)).toEqual(['Roomdeck Boardroom 4: 1 problem(s) need attention', 'Roomdeck Boardroom 4: back to normal']);
  });

  it('puts every check that changed in the same round into one mail', async () => {
    const h = await harness();
    await h.round({ clock: 'bad', disk: 'bad' });
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.subject).toContain('2 problem(s)');
  });

  it('retries a mail that failed at the next round', async () => {
    const h = await harness();
    h.failing.on = true;
    await h.round({ tokens: 'bad' });
    expect(h.sent).toHaveLength(0);
    h.failing.on = false;
    await h.round({}, 15 * 60_000);
    expect(h.sent).toHaveLength(1);
  });

  it('remembers what IT was told across a restart, so a crash loop does not resend it', async () => {
    const h = await harness();
    await h.round({ tokens: 'bad' });
    const restarted = h.make();
    await restarted.start();
    restarted.stop();
    expect(restarted.view().checks.find((c) => c.id === 'tokens')?.status).toBe('bad');
    await restarted.runNow();
    expect(h.sent).toHaveLength(1);
  });

  it('says on the screen why nothing is mailed', async () => {
    expect((await harness({ mailTo: [] })).monitor.mailMode()).toBe('no-address');
    expect((await harness({ mailer: false })).monitor.mailMode()).toBe('no-mailer');
    expect((await harness()).monitor.mailMode()).toBe('on');
  });

  it('counts a check that throws or hangs as a warning, not a crash', async () => {
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-health-'));
    const hang = () => new Promise<CheckOutcome>(() => {});
    const boom = async (): Promise<CheckOutcome> => {
      throw new Error('statfs failed');
    };
    const monitor = new HealthMonitor({
      checks: { tokens: boom, connections: async () => ok(), consent: hang, sync: async () => ok(), disk: async () => ok(), clock: async () => ok(), mailbox: async () => ok(), policy: async () => ok() },
      clock: { now: () => new Date('2026-11-22T08:00:00Z') },
      intervalMs: HOUR,
      mailEveryMs: HOUR,
      mailTo: [],
      mailer: () => null,
      roomName: () => 'Room',
      dataDir: dir,
      log: silentLogger,
      checkTimeoutMs: 50,
    });
    const view = await monitor.runNow();
    expect(view.checks.filter((c) => c.reason === 'check-failed').map((c) => c.id)).toEqual(['tokens', 'consent']);
  });
});
