import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxGoogleConfig, sandboxKioskConfig } from './kiosk';
import { completeInBrowser } from '../sandbox/google/test-support';
import { startSandbox, type Sandbox, type ServiceName } from '../sandbox';
import { tlsDirFromEnv } from '../sandbox/test-support';
import type { Agenda, AppState } from '../../src/shared/model';
import type { RoomProvider } from '../../src/main/auth/room-account';
import { createRoomdeck, type Roomdeck } from '../../src/main/app';
import { MemoryVault } from '../../src/main/auth/memory-vault';
import { parseKioskConfig } from '../../src/main/config/kiosk-config';
import type { Logger } from '../../src/main/health/logger';
import { silentLogger } from '../../src/main/health/logger';
import { until, VirtualTimeline } from './virtual-time';

export const MICROSOFT_ROOM = 'boardroom4@contoso.com';

/** The services a provider's room talks to: what "the network is down" takes away. */
export const ROOM_SERVICES: Record<RoomProvider, readonly ServiceName[]> = {
  microsoft: ['entra', 'graph'],
  google: ['google-oauth', 'google-apis'],
};

/** The calendar API a room polls, where its requests are counted. */
export const CALENDAR_SERVICE: Record<RoomProvider, ServiceName> = { microsoft: 'graph', google: 'google-apis' };

export interface VirtualKiosk {
  provider: RoomProvider;
  app: Roomdeck;
  sandbox: Sandbox;
  timeline: VirtualTimeline;
  states: AppState[];
  agendas: Agenda[];
  latest(): Agenda;
  stop(): Promise<void>;
}

export interface VirtualKioskOptions {
  /** Extra kiosk config (features, pollSeconds…). */
  config?: Record<string, unknown>;
  log?: Logger;
}

function configFor(provider: RoomProvider, sandbox: Sandbox, extra: Record<string, unknown>): Record<string, unknown> {
  const base = sandboxKioskConfig(sandbox, { autoSignIn: provider === 'microsoft', calendarOwner: MICROSOFT_ROOM, pollSeconds: 30, timeZone: 'Europe/Rome' });
  if (provider === 'microsoft') return { ...base, ...extra };
  return {
    ...base,
    google: sandboxGoogleConfig(sandbox),
    features: ['google.sign-in', 'google.calendar'],
    room: { calendarOwner: sandbox.google.roomCalendarId, timeZone: 'Europe/Rome' },
    ...extra,
  };
}

/**
 * The kiosk's main services in this process against a sandbox whose clock is the timeline's, signed in as the
 * room (Microsoft: device code approved by the sandbox; Google: the consent page answered like a browser) and
 * showing its first agenda. Every poll after that runs only when the test advances the timeline.
 */
export async function startVirtualKiosk(provider: RoomProvider, options: VirtualKioskOptions = {}): Promise<VirtualKiosk> {
  const timeline = new VirtualTimeline(new Date());
  const sandbox = await startSandbox({ tlsDir: tlsDirFromEnv(), now: () => timeline.now(), autoApprove: { account: MICROSOFT_ROOM } });
  const config = parseKioskConfig(configFor(provider, sandbox, options.config ?? {}), 'virtual kiosk');
  const app = createRoomdeck(config, await mkdtemp(join(tmpdir(), 'rd-virtual-')), {
    vault: new MemoryVault(),
    opener: { open: async () => undefined },
    browser: { open: async (url) => void completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' }) },
    clock: timeline,
    scheduler: timeline,
    log: options.log ?? silentLogger,
  });
  const states: AppState[] = [];
  const agendas: Agenda[] = [];
  app.bus.subscribe((event, payload) => {
    if (event === 'state') states.push(payload as AppState);
    if (event === 'agenda') agendas.push(payload as Agenda);
  });
  await app.start();
  if (provider === 'google') await app.router.dispatch('setup.signIn', { provider: 'google', method: 'browser' });
  await until(() => agendas.some((a) => a.staleSince === null), 'the first agenda', 30_000);
  const latest = (): Agenda => {
    const last = agendas.at(-1);
    if (!last) throw new Error('no agenda yet');
    return last;
  };
  const stop = async (): Promise<void> => {
    app.stop();
    await sandbox.close();
  };
  return { provider, app, sandbox, timeline, states, agendas, latest, stop };
}

/** Takes the room's network away: every request to its services is reset, until `sandbox.control.clearFaults()`. */
export function networkDown(kiosk: VirtualKiosk): void {
  for (const service of ROOM_SERVICES[kiosk.provider]) kiosk.sandbox.control.addFault({ service, path: '.*', times: 1_000_000, action: { type: 'reset' } });
}
