import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { kioskApi, switchOnAsAdmin } from '../e2e/harness/kiosk-api';
import { sandboxGoogleConfig, sandboxKioskConfig, sandboxOAuthProvidersConfig } from '../e2e/harness/kiosk';
import { freeRoomNow } from '../e2e/harness/room-truth';
import { startSandbox, type Sandbox } from '../e2e/sandbox';
import { hashPin } from '../src/main/config/admin-pin';
import { featuresOf, type FeatureId } from '../src/shared/features';
import { electronBinaryAvailable } from '../src/main/electron/binary';
import { buildAll } from './build';
import { sandboxTlsEnv, TLS_DIR } from './sandbox-tls-env';

/**
 * `npm run demo`: the sandbox tenant + the kiosk, signed in through the real device-code flow (the sandbox approves
 * it by itself) and showing Boardroom 4. `--fresh` starts at the first-configuration screen instead; `--web` forces
 * the web host even where Electron is installed.
 */
const ROOM = 'boardroom4@contoso.com';
// The seed places Boardroom 4 in Rome; a real kiosk uses its PC's zone unless IT sets one.
const ROOM_ZONE = 'Europe/Rome';
const DEMO_FREE_MINUTES = 45;
const DEMO_PIN = '2468';
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const { values: flags } = parseArgs({ options: { fresh: { type: 'boolean', default: false }, web: { type: 'boolean', default: false } } });

/** Set by IT for the demo room: every Microsoft feature, consented at the room's sign-in. */
const MANAGED: FeatureId[] = featuresOf('microsoft').map((f) => f.id);
/** Switched on by the admin in Settings once the room is up: every Google, Zoom, Webex and Dropbox feature. */
const SWITCHED_ON: FeatureId[] = (['google', 'zoom', 'webex', 'dropbox'] as const).flatMap((provider) => featuresOf(provider).filter((f) => !f.alwaysOn).map((f) => f.id));
const READY_TIMEOUT_MS = 30_000;

/** The sandbox's Google Workspace account that approves the demo's Google consents. */
const GOOGLE_ACCOUNT = 'room.atlas@fabrikam.example';

/**
 * Turns the sandbox tenant's features on and connects Google, Zoom, Webex and Dropbox (the sandbox approves each
 * consent by itself), so Meet now offers Teams, Google Meet, Zoom and Webex, and Files every drive. Web host only: its api is reachable
 * from here; with Electron the admin connects them in Settings.
 */
async function connectEverything(url: string): Promise<void> {
  const api = await kioskApi(url);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while ((await api.call('app.state', {})).phase !== 'ready') {
    if (Date.now() > deadline) throw new Error('the room did not sign in');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await switchOnAsAdmin(api, DEMO_PIN, SWITCHED_ON, await readFile(join(TLS_DIR, 'cert.pem'), 'utf8'));
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`Roomdeck exited with code ${code}`)));
  });
}

/**
 * Electron ≥ 42 fetches its binary on first launch. Try that once (a normal machine has internet); where it cannot
 * (this build machine), say why and use the web host.
 */
function electronOrReason(): { available: boolean; reason: string } {
  const first = electronBinaryAvailable();
  if (first.available) return first;
  process.stdout.write('Fetching the Electron binary (first launch)…\n');
  const fetched = spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 180_000 });
  const second = electronBinaryAvailable();
  return second.available ? second : { available: false, reason: fetched.status === 0 ? second.reason : `the download failed; ${first.reason}` };
}

function startHost(useElectron: boolean, configPath: string, dataDir: string, env: NodeJS.ProcessEnv): ChildProcess {
  const args = ['--config', configPath, '--data-dir', dataDir];
  if (useElectron) {
    return spawn('electron', ['out/main/electron.js', '--windowed', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'], shell: process.platform === 'win32' });
  }
  return spawn(process.execPath, ['out/main/web-host.js', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Where a Chromium and a display exist, show the kiosk as an app window (its own throw-away profile). */
function openAppWindow(url: string): ChildProcess | null {
  const chromium = process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!chromium || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)) return null;
  const profile = join(tmpdir(), `roomdeck-demo-profile-${process.pid}`);
  return spawn(chromium, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--window-size=1920,1080', '--ignore-certificate-errors'], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  process.stdout.write('Building Roomdeck…\n');
  await buildAll();
  const env = await sandboxTlsEnv();
  const sandbox: Sandbox = await startSandbox({
    tlsDir: TLS_DIR,
    autoApprove: flags.fresh ? null : { account: ROOM },
    googleAutoApprove: flags.fresh ? null : { account: GOOGLE_ACCOUNT },
  });
  // The seed follows the clock, so at some hours the room is in a meeting and Meet now / Book now hide: the demo keeps
  // the next 45 minutes free, whatever the time of day; the rest of the day keeps its meetings and their Join.
  freeRoomNow(sandbox, ROOM, DEMO_FREE_MINUTES);
  const dataDir = await mkdtemp(join(tmpdir(), 'roomdeck-demo-'));
  await mkdir(dataDir, { recursive: true });
  const configPath = join(dataDir, 'kiosk-config.json');
  const base = sandboxKioskConfig(sandbox, flags.fresh ? { pollSeconds: 15, timeZone: ROOM_ZONE } : { autoSignIn: true, calendarOwner: ROOM, pollSeconds: 15, timeZone: ROOM_ZONE });
  const features = flags.fresh ? {} : { features: MANAGED };
  const providers = { google: sandboxGoogleConfig(sandbox), ...sandboxOAuthProvidersConfig(sandbox) };
  const config = { ...base, ...providers, ...features, admin: { pinHash: await hashPin(DEMO_PIN) } };
  await writeFile(configPath, JSON.stringify(config, null, 2));

  const electron = flags.web ? { available: false, reason: '--web was given' } : electronOrReason();
  if (!electron.available) process.stdout.write(`Using the web host in Chromium. Why not Electron: ${electron.reason}.\n`);
  const host = startHost(electron.available, configPath, dataDir, env);
  const url = await waitForLine(host, /Roomdeck running at (\S+)/);
  if (!flags.fresh && !electron.available) {
    // Not fatal: the kiosk runs either way, and the admin can connect what is missing in Settings.
    await connectEverything(url).then(
      () => process.stdout.write('Every feature is on; Google, Zoom, Webex and Dropbox are connected.\n'),
      (err: unknown) => process.stdout.write(`Not every provider could be connected (${err instanceof Error ? err.message : String(err)}); connect them in Settings.\n`),
    );
  }
  process.stdout.write(`Roomdeck running at ${url}\n`);
  process.stdout.write(`Admin PIN for the settings (⚙): ${DEMO_PIN}\n`);
  if (flags.fresh) process.stdout.write(`Sandbox sign-in page: ${sandbox.urls.entra}/devicelogin (accounts: ${ROOM}, huddle2@contoso.com, it.admin@contoso.com)\n`);
  const window = electron.available ? null : openAppWindow(url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    window?.kill();
    host.kill('SIGTERM');
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
    process.stdout.write('Roomdeck and the sandbox have stopped.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  host.on('exit', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`The demo could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
