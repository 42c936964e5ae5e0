/**
 * `npm run soak` — a simulated week of kiosk life: the main services (createRoomdeck) in this process against the
 * sandbox, both on one virtual timeline, so a week of 30-second polls runs in the time its requests take. Every
 * simulated hour someone adds a meeting (and the one from two hours ago is cancelled); every few hours the room is
 * booked from the screen, extended and ended, or an instant Teams meeting is started and ended; the admin opens and
 * closes a settings session; twice a day the network drops for ten minutes. Access tokens live an hour on the
 * sandbox's clock, so the client refreshes them about 170 times. Every six hours: heap after a full GC and the
 * active handles. Prints budget lines, writes the result into docs/quality.md, exits 1 when a budget is missed.
 *
 * Not covered: the renderer's ambient mode (it is a React timer in the page; this soak runs main only).
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { sandboxWorkerClock, startSandboxWorker, type SandboxInWorker } from '../e2e/harness/sandbox-worker';
import { addGraphMeeting, MICROSOFT_ROOM, networkDown, startKioskOn, type KioskOnTimeline } from '../e2e/harness/virtual-kiosk';
import { VirtualTimeline } from '../e2e/harness/virtual-time';
import { hashPin } from '../src/main/config/admin-pin';
import type { Logger } from '../src/main/health/logger';
import { judgeSoak, SOAK_BUDGET, type SoakSample, type SoakVerdict } from './soak-trend';

const HOUR = 3_600_000;
/** The verdict compares the last day with the second, so a soak is at least two days long. */
const DAYS = z.coerce.number().int().min(2).max(30).default(7).parse(process.env['ROOMDECK_SOAK_DAYS']);
const PIN = '2468';
const QUALITY_DOC = join(process.cwd(), 'docs', 'quality.md');
const BEGIN = '<!-- soak:begin -->';
const END = '<!-- soak:end -->';

interface Tally {
  calls: Record<string, { ok: number; refused: number }>;
  warnings: Record<string, number>;
  errors: Record<string, number>;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** The app's log, counted by event: a week's worth of lines would be the soak's own leak. */
function countingLogger(tally: Tally): Logger {
  const bump = (into: Record<string, number>) => (event: string) => void (into[event] = (into[event] ?? 0) + 1);
  return { info: () => undefined, warn: bump(tally.warnings), error: bump(tally.errors) };
}

/** The kiosk and, in its worker thread, the sandbox it talks to. */
interface Soak {
  kiosk: KioskOnTimeline;
  sandbox: SandboxInWorker;
}

async function call(kiosk: KioskOnTimeline, tally: Tally, name: string, input: unknown): Promise<void> {
  const result = await kiosk.app.router.dispatch(name, input);
  const entry = (tally.calls[name] ??= { ok: 0, refused: 0 });
  if (result.ok) entry.ok++;
  else entry.refused++;
}

async function sample(soak: Soak, hour: number): Promise<SoakSample> {
  // The sandbox's request log grows in its own thread; emptied so the worker stays small over the week.
  await soak.sandbox.control.clearRequests();
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { hour, heapBytes: process.memoryUsage().heapUsed, handles: process.getActiveResourcesInfo().length, fds: openFds() };
}

/** Linux and macOS list a process's descriptors under /dev/fd; elsewhere the figure is 0 (and flat). */
function openFds(): number {
  try {
    return readdirSync('/dev/fd').length;
  } catch {
    return 0;
  }
}

/** One simulated hour of the room's life; `hour` picks what happens in it. */
async function liveHour({ kiosk, sandbox }: Soak, tally: Tally, hour: number, added: string[]): Promise<void> {
  const { timeline } = kiosk;
  // At :35, clear of the booking and the instant meeting made at the top of the hour.
  added.push(await addGraphMeeting(sandbox.control, timeline.now(), `Soak stand-up ${hour}`, 35));
  const old = added.length > 2 ? added.shift() : undefined;
  if (old) await sandbox.control.deleteEvent(MICROSOFT_ROOM, old);
  if (hour % 4 === 1) {
    await call(kiosk, tally, 'room.bookNow', { minutes: 15 });
    await timeline.advance(5 * 60_000);
    await call(kiosk, tally, 'room.extend', { minutes: 15 });
    await timeline.advance(5 * 60_000);
    await call(kiosk, tally, 'room.endNow', {});
  }
  if (hour % 4 === 3) {
    await call(kiosk, tally, 'room.meetNow', { provider: 'teams', minutes: 15 });
    await timeline.advance(10 * 60_000);
    await call(kiosk, tally, 'room.endNow', {});
  }
  if (hour % 8 === 5) {
    await call(kiosk, tally, 'admin.unlock', { pin: PIN });
    await call(kiosk, tally, 'settings.get', {});
    await call(kiosk, tally, 'admin.lock', {});
  }
  if (hour % 12 === 7) {
    await networkDown(sandbox.control, 'microsoft');
    await timeline.advance(10 * 60_000);
    await sandbox.control.clearFaults();
  }
  const elapsed = timeline.now().getTime() % HOUR;
  await timeline.advance(HOUR - elapsed);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function report(verdict: SoakVerdict, samples: readonly SoakSample[], tally: Tally, seconds: number): string {
  const first = samples[0];
  const last = samples.at(-1);
  const line = (ok: boolean, text: string) => `${ok ? 'ok    ' : 'MISSED'} ${text}`;
  return [
    `Simulated ${DAYS} days (${samples.length} samples) in ${seconds.toFixed(0)} s of real time, ${new Date().toISOString().slice(0, 16)}Z.`,
    '',
    '```',
    line(verdict.heapOk, `heap growth (last day vs second day, after GC): ${mb(verdict.heapGrowthBytes)} (trend ${mb(verdict.heapSlopeBytesPerDay)}/day) · budget ≤ ${mb(SOAK_BUDGET.maxHeapGrowthBytes)}`),
    line(
      verdict.handlesOk,
      `handle trend: ${verdict.handlesPerDay.toFixed(2)} active resources/day (first ${first?.handles ?? '?'}, last ${last?.handles ?? '?'}), ${verdict.fdsPerDay.toFixed(2)} open fds/day (first ${first?.fds ?? '?'}, last ${last?.fds ?? '?'}) · budget ≤ ${SOAK_BUDGET.maxHandlesPerDay}/day each`,
    ),
    `heap after GC by day: ${samples.filter((s) => s.hour % 24 === 0).map((s) => mb(s.heapBytes)).join(' → ')}`,
    `calls (ok/refused): ${Object.entries(tally.calls).map(([name, c]) => `${name} ${c.ok}/${c.refused}`).join(', ')}`,
    `warnings logged: ${Object.entries(tally.warnings).map(([e, n]) => `${e} ${n}`).join(', ') || 'none'}`,
    `errors logged: ${Object.entries(tally.errors).map(([e, n]) => `${e} ${n}`).join(', ') || 'none'}`,
    '```',
  ].join('\n');
}

/** Replaces the soak section of docs/quality.md (between its markers) with this run's result. */
async function record(text: string): Promise<void> {
  const doc = await readFile(QUALITY_DOC, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`${QUALITY_DOC} lacks the ${BEGIN} … ${END} markers`);
  await writeFile(QUALITY_DOC, `${doc.slice(0, begin + BEGIN.length)}\n${text}\n${doc.slice(end)}`);
}

async function main(): Promise<number> {
  if (!gc) {
    process.stderr.write('soak: run node with --expose-gc (npm run soak does)\n');
    return 2;
  }
  const tally: Tally = { calls: {}, warnings: {}, errors: {} };
  const started = performance.now();
  const { clock, publish } = sandboxWorkerClock();
  const timeline = new VirtualTimeline(new Date(), publish);
  const sandbox = await startSandboxWorker(clock);
  const kiosk = await startKioskOn('microsoft', sandbox.endpoints, timeline, {
    config: { features: ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting'], admin: { pinHash: await hashPin(PIN) } },
    log: countingLogger(tally),
  });
  const soak: Soak = { kiosk, sandbox };
  const samples: SoakSample[] = [];
  const added: string[] = [];
  try {
    for (let hour = 0; hour < DAYS * 24; hour++) {
      if (hour % 6 === 0) samples.push(await sample(soak, hour));
      if (hour % 24 === 0) process.stderr.write(`soak: day ${hour / 24}, heap ${mb(samples.at(-1)?.heapBytes ?? 0)}\n`);
      await liveHour(soak, tally, hour, added);
    }
    samples.push(await sample(soak, DAYS * 24));
  } finally {
    kiosk.app.stop();
    await sandbox.close();
  }
  const verdict = judgeSoak(samples);
  const text = report(verdict, samples, tally, (performance.now() - started) / 1000);
  process.stdout.write(`${text}\n`);
  await record(text);
  return verdict.heapOk && verdict.handlesOk ? 0 : 1;
}

process.exitCode = await main();
