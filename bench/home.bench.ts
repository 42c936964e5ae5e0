import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { sandboxKioskConfig, startKiosk } from '../e2e/harness/kiosk';
import { startSandbox, type Sandbox } from '../e2e/sandbox';
import { CALENDAR_SERVICE, startVirtualKiosk } from '../e2e/harness/virtual-kiosk';
import type { RoomProvider } from '../src/main/auth/room-account';
import { DEFAULT_POLL_SECONDS } from '../src/main/config/kiosk-config';
import { buildAll } from '../scripts/build';
import { TLS_DIR } from '../scripts/sandbox-tls-env';
import { atMost, median, reference, type Figure } from './figure';

const ROOM = 'boardroom4@contoso.com';
const RENDERER_ASSETS = join(process.cwd(), 'out', 'renderer', 'assets');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The web host loads main's services, the renderer bundle and the cached day; a blank launch loads nothing. */
const PAINT_RATIO_BUDGET = 6;
const PAINT_BUDGET_MS = 1000;

function rendererGzipKb(): number {
  const files = readdirSync(RENDERER_ASSETS).filter((f) => f.endsWith('.js'));
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(RENDERER_ASSETS, f)), { level: 9 }).length, 0) / 1024;
}

async function until<T>(probe: () => T | null | undefined | false, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A data folder of a kiosk that has signed in and synced once (token cache, settings, agenda cache). */
async function signedInDataDir(sandbox: Sandbox): Promise<{ dir: string; config: Record<string, unknown> }> {
  const dir = await mkdtemp(join(tmpdir(), 'roomdeck-bench-'));
  const config = sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, timeZone: 'Europe/Rome' });
  const kiosk = await startKiosk(config, dir);
  await until(() => existsSync(join(dir, 'agenda-cache.json')), 30_000);
  await kiosk.stop();
  return { dir, config };
}

/** The floor of any launch: a bare Node process that says it is ready, then a blank page shown in the same Chromium. */
async function blankLaunchMs(browser: Browser): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', 'console.log("ready")'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  await page.goto('data:text/html,<p>blank</p>');
  await page.locator('p').waitFor({ state: 'visible' });
  const elapsed = performance.now() - t0;
  await page.close();
  return elapsed;
}

interface LaunchTimes {
  paint: number;
  blank: number;
  ratio: number;
}

/**
 * Launch → the day's meetings on screen, from the cache alone: the sandbox is shut before each launch, so nothing
 * can come from the network. Measured from spawning the web host to the first agenda row painted in Chromium, each
 * launch paired with a blank launch (same machine load) for the ratio.
 */
async function paintFromCacheMs(): Promise<LaunchTimes> {
  const sandbox = await startSandbox({ tlsDir: TLS_DIR, autoApprove: { account: ROOM } });
  const { dir, config } = await signedInDataDir(sandbox);
  await sandbox.close();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const samples: number[] = [];
  const blanks: number[] = [];
  const ratios: number[] = [];
  try {
    for (let i = 0; i < 7; i++) {
      const blank = await blankLaunchMs(browser);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const t0 = performance.now();
      const kiosk = await startKiosk(config, dir);
      await page.goto(kiosk.launchUrl);
      await page.locator('.agenda__item').first().waitFor({ state: 'visible', timeout: 10_000 });
      const paint = performance.now() - t0;
      samples.push(paint);
      blanks.push(blank);
      ratios.push(paint / blank);
      await kiosk.stop();
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { paint: median(samples), blank: median(blanks), ratio: median(ratios) };
}

/** An idle hour of a running kiosk, counted at its calendar API. */
interface IdleHour {
  requests: number;
  polls: number;
}

/**
 * An hour of a running kiosk's polls, with nothing changing, on a virtual timeline (the poll loop's scheduler): the
 * product's own poll interval, the real client libraries and the sandbox's HTTP. A 401 and its replay is the
 * sandbox's hour-long token expiring on the virtual clock, which the client's real-time clock cannot foresee (a real
 * one refreshes ahead); that replay is left out.
 */
async function idleHour(provider: RoomProvider): Promise<IdleHour> {
  const kiosk = await startVirtualKiosk(provider, { config: { pollSeconds: DEFAULT_POLL_SECONDS } });
  try {
    await kiosk.timeline.advance(5 * 60_000);
    kiosk.sandbox.control.clearRequests();
    await kiosk.timeline.advance(60 * 60_000);
    const calls = kiosk.sandbox.control.requests({ service: CALENDAR_SERVICE[provider] }).filter((r) => r.status !== 401);
    return { requests: calls.length, polls: new Set(calls.map((r) => r.at)).size };
  } finally {
    await kiosk.stop();
  }
}

function idleFigures(provider: RoomProvider, hour: IdleHour): Figure[] {
  const perHour = 3600 / DEFAULT_POLL_SECONDS;
  return [
    atMost(`home.${provider}.requests_per_idle_poll`, hour.requests / hour.polls, 'requests', 1),
    { name: `home.${provider}.requests_per_hour_idle`, value: hour.requests, unit: 'requests/h', budget: `≤ ${perHour} (one per ${DEFAULT_POLL_SECONDS} s poll)`, ok: hour.requests <= perHour },
  ];
}

/**
 * The budget is 1 s on the kiosk PC. On a shared build machine the same launch can take twice that, so the
 * budget also holds when the launch is within PAINT_RATIO_BUDGET blank launches measured alongside it.
 */
function paintFigure(times: LaunchTimes): Figure {
  const ok = times.paint <= PAINT_BUDGET_MS || times.ratio <= PAINT_RATIO_BUDGET;
  return { name: 'home.paint_from_cache', value: times.paint, unit: 'ms', budget: `≤ ${PAINT_BUDGET_MS} ms, or ≤ ${PAINT_RATIO_BUDGET}× blank launch`, ok };
}

export async function figures(): Promise<Figure[]> {
  await buildAll();
  const jsKb = rendererGzipKb();
  const paint = await paintFromCacheMs();
  const idle = [...idleFigures('microsoft', await idleHour('microsoft')), ...idleFigures('google', await idleHour('google'))];
  return [
    { name: 'home.renderer_js_gzip', value: jsKb, unit: 'KB', budget: '≤ 250 KB', ok: jsKb <= 250 },
    paintFigure(paint),
    reference('home.blank_launch', paint.blank, 'ms'),
    atMost('home.paint_from_cache_vs_blank', paint.ratio, '×', PAINT_RATIO_BUDGET),
    ...idle,
  ];
}
