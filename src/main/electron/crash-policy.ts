import type { RenderProcessGoneDetails } from 'electron';
import type { Clock } from '../ports';

/**
 * When the kiosk's renderer dies or hangs, the room screen must come back by itself — but a page that crashes on
 * every load must not spin the CPU forever. This is the policy (plain TS, injected clock, unit-tested); the
 * watchdog in windows.ts only carries it out.
 *
 *   reload with exponential backoff → after too many crashes in a window, relaunch the whole app → after too many
 *   relaunches in an hour, give up and exit with CRASH_LOOP_EXIT_CODE so the OS supervisor (Shell Launcher's
 *   CustomReturnCodes, a scheduled task) and IT see it.
 */

export type RendererGoneReason = RenderProcessGoneDetails['reason'];

export interface CrashPolicyOptions {
  clock: Clock;
  /** Crashes older than this no longer count (and no longer lengthen the backoff). */
  windowMs: number;
  /** More crashes than this within `windowMs` → relaunch instead of reload. */
  maxReloads: number;
  baseDelayMs: number;
  maxDelayMs: number;
  relaunchWindowMs: number;
  maxRelaunches: number;
  /** When earlier processes relaunched themselves (epoch ms), carried across relaunches on the command line. */
  relaunchHistory: readonly number[];
  /** How long a hung renderer gets before we kill it (the kill then goes through `onRendererGone`). */
  unresponsiveGraceMs: number;
}

export const DEFAULT_CRASH_POLICY: Omit<CrashPolicyOptions, 'clock' | 'relaunchHistory'> = {
  windowMs: 10 * 60_000,
  maxReloads: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  relaunchWindowMs: 60 * 60_000,
  maxRelaunches: 3,
  unresponsiveGraceMs: 30_000,
};

/** Exit code of a kiosk that stopped itself because it kept crashing (EX_TEMPFAIL), distinct from config errors (2). */
export const CRASH_LOOP_EXIT_CODE = 75;

export type Recovery =
  | { action: 'reload'; delayMs: number; crashesInWindow: number }
  | { action: 'relaunch'; relaunchHistory: number[] }
  | { action: 'give-up'; message: string };

/** Reasons where reloading the same bundle cannot help: the code on disk failed its integrity check. */
const HOPELESS: ReadonlySet<RendererGoneReason> = new Set(['integrity-failure']);

export class CrashPolicy {
  private crashes: number[] = [];

  constructor(private readonly options: CrashPolicyOptions) {}

  get unresponsiveGraceMs(): number {
    return this.options.unresponsiveGraceMs;
  }

  onRendererGone(reason: RendererGoneReason): Recovery {
    const now = this.options.clock.now().getTime();
    if (HOPELESS.has(reason)) return { action: 'give-up', message: `The room screen failed to load (${reason}); reinstall Roomdeck.` };
    this.crashes = [...this.crashes.filter((t) => now - t < this.options.windowMs), now];
    if (this.crashes.length <= this.options.maxReloads) {
      return { action: 'reload', delayMs: this.backoff(this.crashes.length), crashesInWindow: this.crashes.length };
    }
    return this.relaunchOrGiveUp(now);
  }

  private backoff(crashesInWindow: number): number {
    return Math.min(this.options.baseDelayMs * 2 ** (crashesInWindow - 1), this.options.maxDelayMs);
  }

  private relaunchOrGiveUp(now: number): Recovery {
    const recent = this.options.relaunchHistory.filter((t) => now - t >= 0 && now - t < this.options.relaunchWindowMs);
    if (recent.length >= this.options.maxRelaunches) {
      return {
        action: 'give-up',
        message: `The room screen crashed ${this.crashes.length} times in a row after ${recent.length} restarts; Roomdeck stopped.`,
      };
    }
    return { action: 'relaunch', relaunchHistory: [...recent, now] };
  }
}

const RELAUNCH_FLAG = '--crash-relaunches=';

/** Reads the relaunch history an earlier process put on our command line; anything malformed counts as none. */
export function parseRelaunchHistory(argv: readonly string[]): number[] {
  const arg = argv.find((a) => a.startsWith(RELAUNCH_FLAG));
  if (!arg) return [];
  return arg
    .slice(RELAUNCH_FLAG.length)
    .split(',')
    .map(Number)
    .filter((t) => Number.isSafeInteger(t) && t > 0);
}

/** The arguments for `app.relaunch`: ours unchanged, with the relaunch history replaced. */
export function withRelaunchHistory(args: readonly string[], history: readonly number[]): string[] {
  return [...args.filter((a) => !a.startsWith(RELAUNCH_FLAG)), `${RELAUNCH_FLAG}${history.join(',')}`];
}
