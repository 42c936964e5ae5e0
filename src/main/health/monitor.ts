import { join } from 'node:path';
import { z } from 'zod';
import { HealthCheckIdSchema, HealthStatusSchema, type HealthCheckId, type HealthCheckView, type HealthView } from '../../shared/health';
import { readJsonFile, writeJsonFileAtomic } from '../config/json-file';
import type { Clock } from '../ports';
import type { CheckOutcome } from './checks';
import type { RoomMailer } from '../mail/room-mailer';
import { healthMail, type HealthChange } from './health-mail';
import type { Logger } from './logger';

export interface HealthMonitorDeps {
  checks: Record<HealthCheckId, () => Promise<CheckOutcome>>;
  clock: Clock;
  intervalMs: number;
  /** At most one mail per check in this period: a flapping network must not flood IT's inbox. */
  mailEveryMs: number;
  mailTo: string[];
  /** The room's mailbox, or null while its send-mail feature is off. */
  mailer: () => Pick<RoomMailer, 'send'> | null;
  roomName: () => string;
  dataDir: string;
  log: Logger;
  /** A check that hangs (a dead proxy) counts as failed after this long. */
  checkTimeoutMs?: number;
}

/** What IT has been told about a check is kept across restarts, so a crash loop cannot resend the same mail. */
const CheckStateSchema = z
  .object({
    status: HealthStatusSchema,
    reason: z.string().max(40),
    params: z.record(z.string().max(40), z.union([z.number(), z.string().max(200)])),
    since: z.iso.datetime(),
    /** The last state IT was mailed about: warn counts as ok (a mail is for what needs someone to act). */
    told: z.enum(['ok', 'bad']),
    mailedAt: z.iso.datetime().nullable(),
  })
  .strict();
type CheckState = z.infer<typeof CheckStateSchema>;
const HealthFileSchema = z
  .object({
    version: z.literal(1),
    checkedAt: z.iso.datetime().nullable(),
    checks: z.partialRecord(HealthCheckIdSchema, CheckStateSchema),
    /** The room account's last interactive sign-in, for the sign-in lifetime check. */
    signedInAt: z.iso.datetime().nullable().default(null),
  })
  .strict();

const DEFAULT_CHECK_TIMEOUT_MS = 30_000;
const LOG_LEVEL = { ok: 'info', warn: 'warn', bad: 'error' } as const;

function withTimeout(run: () => Promise<CheckOutcome>, ms: number): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([run(), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the self-checks on a timer, keeps their latest outcome for the admin screen, and mails IT when a check
 * turns bad and when it recovers — at most once per check per `mailEveryMs`; a change held back by that limit goes
 * out at the first round after it, if it still holds.
 */
export class HealthMonitor {
  private state: Partial<Record<HealthCheckId, CheckState>> = {};
  private checkedAt: string | null = null;
  private signedInAt: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<HealthView> | null = null;
  private readonly path: string;

  constructor(private readonly deps: HealthMonitorDeps) {
    this.path = join(deps.dataDir, 'health.json');
  }

  async start(): Promise<void> {
    const saved = await readJsonFile(this.path, HealthFileSchema);
    if (saved.kind === 'ok') {
      this.state = saved.value.checks;
      this.checkedAt = saved.value.checkedAt;
      this.signedInAt = saved.value.signedInAt;
    } else if (saved.kind === 'invalid') this.deps.log.warn('health.state-damaged', { reason: saved.reason });
    this.timer = setInterval(() => void this.runNow(), this.deps.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The room account signed in (again): the sign-in lifetime starts over. */
  async noteSignIn(at: Date): Promise<void> {
    this.signedInAt = at.toISOString();
    await this.save();
  }

  lastSignIn(): Date | null {
    return this.signedInAt ? new Date(this.signedInAt) : null;
  }

  mailMode(): HealthView['mail'] {
    if (this.deps.mailTo.length === 0) return 'no-address';
    return this.deps.mailer() ? 'on' : 'no-mailer';
  }

  view(): HealthView {
    const checks: HealthCheckView[] = HealthCheckIdSchema.options.flatMap((id) => {
      const s = this.state[id];
      return s ? [{ id, status: s.status, reason: s.reason, params: s.params, since: s.since }] : [];
    });
    return { checkedAt: this.checkedAt, checks, mail: this.mailMode() };
  }

  /** One round of every check; concurrent callers (timer, "Check now") share it. */
  runNow(): Promise<HealthView> {
    this.round ??= this.runRound().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async runOne(id: HealthCheckId): Promise<CheckOutcome> {
    try {
      return await withTimeout(this.deps.checks[id], this.deps.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS);
    } catch (err) {
      return { status: 'warn', reason: 'check-failed', params: {}, message: `The check itself failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  private async runRound(): Promise<HealthView> {
    const ids = HealthCheckIdSchema.options;
    const outcomes = await Promise.all(ids.map((id) => this.runOne(id)));
    const now = this.deps.clock.now().toISOString();
    ids.forEach((id, i) => this.record(id, outcomes[i]!, now));
    this.checkedAt = now;
    await this.notify(ids.map((id, i) => ({ id, outcome: outcomes[i]! })));
    await this.save();
    return this.view();
  }

  private async save(): Promise<void> {
    await writeJsonFileAtomic(this.path, { version: 1, checkedAt: this.checkedAt, checks: this.state, signedInAt: this.signedInAt }).catch((err: unknown) =>
      this.deps.log.warn('health.state-not-saved', { error: String(err) }),
    );
  }

  private record(id: HealthCheckId, outcome: CheckOutcome, now: string): void {
    const previous = this.state[id];
    const changed = previous?.status !== outcome.status;
    if (changed) this.deps.log[LOG_LEVEL[outcome.status]]('health.changed', { check: id, status: outcome.status, reason: outcome.reason, message: outcome.message });
    this.state[id] = {
      status: outcome.status,
      reason: outcome.reason,
      params: outcome.params,
      since: changed || !previous ? now : previous.since,
      told: previous?.told ?? 'ok',
      mailedAt: previous?.mailedAt ?? null,
    };
  }

  /** Which checks differ from what IT was last told, and may be mailed about now. */
  private due(changes: readonly HealthChange[]): HealthChange[] {
    const now = this.deps.clock.now().getTime();
    return changes.filter(({ id, outcome }) => {
      const s = this.state[id];
      if (!s) return false;
      const wanted = outcome.status === 'bad' ? 'bad' : 'ok';
      const rested = s.mailedAt === null || now - Date.parse(s.mailedAt) >= this.deps.mailEveryMs;
      return wanted !== s.told && rested;
    });
  }

  private async notify(changes: readonly HealthChange[]): Promise<void> {
    const due = this.due(changes);
    if (due.length === 0) return;
    const mailer = this.deps.mailer();
    if (!mailer || this.deps.mailTo.length === 0) return;
    const turnedBad = due.filter((c) => c.outcome.status === 'bad');
    const recovered = due.filter((c) => c.outcome.status !== 'bad');
    try {
      await mailer.send(healthMail(this.deps.roomName(), this.deps.mailTo, turnedBad, recovered));
    } catch (err) {
      // Not marked as told: the next round tries again.
      this.deps.log.warn('health.mail-failed', { error: err instanceof Error ? err.message : String(err) });
      return;
    }
    const mailedAt = this.deps.clock.now().toISOString();
    for (const { id, outcome } of due) {
      const s = this.state[id];
      if (s) this.state[id] = { ...s, told: outcome.status === 'bad' ? 'bad' : 'ok', mailedAt };
    }
    this.deps.log.info('health.mailed', { bad: turnedBad.map((c) => c.id).join(','), recovered: recovered.map((c) => c.id).join(',') });
  }
}
