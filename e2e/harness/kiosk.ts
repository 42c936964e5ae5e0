import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../sandbox';

/** The Google block of the kiosk config, pointed at the sandbox's Google listeners. */
export function sandboxGoogleConfig(sandbox: Sandbox): Record<string, unknown> {
  const { clientId, clientSecret, config } = sandbox.google;
  return { clientId, clientSecret, ...config };
}

/** Zoom, Webex and Dropbox blocks of the kiosk config, pointed at the sandbox (each provider's real path layout). */
export function sandboxOAuthProvidersConfig(sandbox: Sandbox): Record<string, unknown> {
  const { zoom, webex, dropbox } = sandbox.apps;
  return {
    zoom: { ...zoom, authorizeUrl: `${sandbox.urls.zoom}/oauth/authorize`, tokenUrl: `${sandbox.urls.zoom}/oauth/token`, revokeUrl: `${sandbox.urls.zoom}/oauth/revoke`, apiBaseUrl: `${sandbox.urls['zoom-api']}/v2` },
    webex: { ...webex, authorizeUrl: `${sandbox.urls.webex}/v1/authorize`, tokenUrl: `${sandbox.urls.webex}/v1/access_token`, apiBaseUrl: `${sandbox.urls.webex}/v1` },
    dropbox: {
      ...dropbox,
      authorizeUrl: `${sandbox.urls['dropbox-api']}/oauth2/authorize`,
      tokenUrl: `${sandbox.urls['dropbox-api']}/oauth2/token`,
      apiBaseUrl: `${sandbox.urls['dropbox-api']}/2`,
      contentBaseUrl: `${sandbox.urls['dropbox-content']}/2`,
    },
  };
}

export interface KioskConfigOverrides {
  autoSignIn?: boolean;
  calendarOwner?: string;
  pollSeconds?: number;
  signInMethod?: 'device-code' | 'browser';
  timeZone?: string;
}

/** The kiosk config the demo and the tests write: production seams pointed at the sandbox. */
export function sandboxKioskConfig(sandbox: Sandbox, overrides: KioskConfigOverrides = {}): Record<string, unknown> {
  return {
    microsoft: {
      clientId: sandbox.clientId,
      authority: `${sandbox.urls.entra}/${sandbox.tenant}`,
      knownAuthorities: [new URL(sandbox.urls.entra).host],
      graphBaseUrl: sandbox.urls.graph,
    },
    signInMethod: overrides.signInMethod ?? 'device-code',
    autoSignIn: overrides.autoSignIn ?? false,
    pollSeconds: overrides.pollSeconds ?? 30,
    room: {
      ...(overrides.calendarOwner ? { calendarOwner: overrides.calendarOwner } : {}),
      ...(overrides.timeZone ? { timeZone: overrides.timeZone } : {}),
    },
  };
}

export interface RunningKiosk {
  launchUrl: string;
  dataDir: string;
  /** IT's policy file for this kiosk (absent unless the test wrote one): each kiosk has its own, never /etc's. */
  policyPath: string;
  stop(): Promise<void>;
}

const WEB_HOST = join(process.cwd(), 'out', 'main', 'web-host.js');

function waitForLaunchUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start in time\n${err}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Roomdeck running at (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}\n${err}`));
    });
  });
}

/**
 * Starts the built web host as its own process (as a user would), trusting the sandbox's certificate. `policy` is
 * written as IT's policy file: an object as JSON, a string as it is (to test broken files).
 */
export async function startKiosk(config: Record<string, unknown>, dataDir?: string, policy?: Record<string, unknown> | string): Promise<RunningKiosk> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'roomdeck-e2e-')));
  const configPath = join(dir, 'kiosk-config.json');
  const policyPath = join(dir, 'policy.json');
  await writeFile(configPath, JSON.stringify(config, null, 2));
  if (policy !== undefined) await writeFile(policyPath, typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2));
  const child = spawn(process.execPath, [WEB_HOST, '--config', configPath, '--data-dir', dir, '--policy', policyPath], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const launchUrl = await waitForLaunchUrl(child);
  return {
    launchUrl,
    dataDir: dir,
    policyPath,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
