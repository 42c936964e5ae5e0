import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@microsoft/microsoft-graph-types';
import { sandboxGoogleRoomConfig, sandboxKioskConfig } from './kiosk';
import { completeInBrowser } from '../sandbox/google/test-support';
import { startSandbox, type FaultSpec, type Sandbox, type ServiceName } from '../sandbox';
import { tlsDirFromEnv } from '../sandbox/test-support';
import type { Agenda, AppState } from '../../src/shared/model';
import type { RoomProvider } from '../../src/main/auth/room-account';
import { createRoomdeck, type Roomdeck } from '../../src/main/app';
import { MemoryVault } from '../../src/main/auth/memory-vault';
import { parseKioskConfig } from '../../src/main/config/kiosk-config';
import { silentLogger, type Logger } from '../../src/main/health/logger';
import { until, VirtualTimeline } from './virtual-time';

export const MICROSOFT_ROOM = 'boardroom4@contoso.com';

/** The services a provider's room talks to: what "the network is down" takes away. */
export const ROOM_SERVICES: Record<RoomProvider, readonly ServiceName[]> = {
  microsoft: ['entra', 'graph'],
  google: ['google-oauth', 'google-apis'],
};

/** The calendar API a room polls, where its requests are counted. */
export const CALENDAR_SERVICE: Record<RoomProvider, ServiceName> = { microsoft: 'graph', google: 'google-apis' };

/** Where a sandbox listens and who it is: all the kiosk's config needs, whether it runs here or in a worker. */
export type SandboxEndpoints = Pick<Sandbox, 'clientId' | 'tenant' | 'urls' | 'google'>;

/**
 * The kiosk's main services on a timeline, and what its screen would show. Only the latest state and agenda are
 * kept (a week of polls would otherwise be the harness's own leak), plus how many agendas came marked stale.
 */
export interface KioskOnTimeline {
  provider: RoomProvider;
  app: Roomdeck;
  timeline: VirtualTimeline;
  state(): AppState | null;
  latest(): Agenda;
  staleAgendas(): number;
}

export interface VirtualKiosk extends KioskOnTimeline {
  sandbox: Sandbox;
  stop(): Promise<void>;
}

export interface VirtualKioskOptions {
  /** Extra kiosk config (features, pollSeconds…). */
  config?: Record<string, unknown>;
  log?: Logger;
  /** Where the timeline starts (and the sandbox's seed is anchored); default now. */
  start?: Date;
}

function configFor(provider: RoomProvider, sandbox: SandboxEndpoints, extra: Record<string, unknown>): Record<string, unknown> {
  const room = { pollSeconds: 30, timeZone: 'Europe/Rome' };
  if (provider === 'google') return { ...sandboxGoogleRoomConfig(sandbox, room), ...extra };
  return { ...sandboxKioskConfig(sandbox, { ...room, autoSignIn: true, calendarOwner: MICROSOFT_ROOM }), ...extra };
}

/** A sandbox on the given clock (a timeline's), approving the Microsoft room's device codes by itself. */
export function startClockedSandbox(now: () => Date): Promise<Sandbox> {
  return startSandbox({ tlsDir: tlsDirFromEnv(), now, autoApprove: { account: MICROSOFT_ROOM } });
}

/**
 * The kiosk's main services in this process, on `timeline`, signed in as the room (Microsoft: device code approved by
 * the sandbox; Google: the consent page answered like a browser) and showing its first agenda. Every poll after
 * that runs only when the caller advances the timeline.
 */
export async function startKioskOn(provider: RoomProvider, sandbox: SandboxEndpoints, timeline: VirtualTimeline, options: VirtualKioskOptions = {}): Promise<KioskOnTimeline> {
  const config = parseKioskConfig(configFor(provider, sandbox, options.config ?? {}), 'virtual kiosk');
  const app = createRoomdeck(config, await mkdtemp(join(tmpdir(), 'rd-virtual-')), {
    vault: new MemoryVault(),
    opener: { open: async () => undefined },
    browser: { open: async (url) => void completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' }) },
    clock: timeline,
    scheduler: timeline,
    log: options.log ?? silentLogger,
  });
  let state: AppState | null = null;
  let agenda: Agenda | null = null;
  let stale = 0;
  app.bus.subscribe((event, payload) => {
    if (event === 'state') state = payload as AppState;
    if (event !== 'agenda') return;
    agenda = payload as Agenda;
    if (agenda.staleSince !== null) stale++;
  });
  await app.start();
  if (provider === 'google') {
    await app.router.dispatch('setup.signIn', { provider: 'google', method: 'browser' });
    // A first run ends in the configuration wizard (no autoSignIn for Google); IT finishes it at once, choosing nothing.
    const phase = (): AppState['phase'] | undefined => state?.phase;
    await until(() => phase() === 'configure' || phase() === 'ready', 'the first configuration', 30_000);
    if (phase() === 'configure') await app.router.dispatch('setup.finish', {});
  }
  const first = await until(() => agenda?.staleSince === null && agenda, 'the first agenda', 30_000);
  return { provider, app, timeline, state: () => state, latest: () => agenda ?? first, staleAgendas: () => stale };
}

/** A kiosk and its own sandbox, in this process, on a fresh timeline starting now. */
export async function startVirtualKiosk(provider: RoomProvider, options: VirtualKioskOptions = {}): Promise<VirtualKiosk> {
  const timeline = new VirtualTimeline(options.start ?? new Date());
  const sandbox = await startClockedSandbox(() => timeline.now());
  const kiosk = await startKioskOn(provider, sandbox, timeline, options);
  const stop = async (): Promise<void> => {
    kiosk.app.stop();
    await sandbox.close();
  };
  return { ...kiosk, sandbox, stop };
}

type Awaitable<T> = T | Promise<T>;

/** What the room tests change behind the kiosk's back: the in-process control, or its HTTP client in another thread. */
export interface RoomControl {
  addEvent(owner: string, event: Event): Awaitable<Event>;
  deleteEvent(owner: string, id: string): Awaitable<void>;
  addFault(spec: FaultSpec<ServiceName>): Awaitable<{ id: string }>;
}

/** Takes the room's network away: every request to its services is reset, until the faults are cleared. */
export async function networkDown(control: RoomControl, provider: RoomProvider): Promise<void> {
  for (const service of ROOM_SERVICES[provider]) await control.addFault({ service, path: '.*', times: 1_000_000, action: { type: 'reset' } });
}

/** A 15-minute slot `minutesAhead` from `now`. */
function slot(now: Date, minutesAhead: number): { start: Date; end: Date } {
  const start = new Date(now.getTime() + minutesAhead * 60_000);
  return { start, end: new Date(start.getTime() + 15 * 60_000) };
}

/** A 15-minute meeting in the Microsoft room, added by someone else; returns its id. */
export async function addGraphMeeting(control: RoomControl, now: Date, subject: string, minutesAhead: number): Promise<string> {
  const { start, end } = slot(now, minutesAhead);
  const utc = (d: Date) => ({ dateTime: d.toISOString().slice(0, 19), timeZone: 'UTC' });
  return (await control.addEvent(MICROSOFT_ROOM, { subject, start: utc(start), end: utc(end) })).id ?? '';
}

/** A 15-minute meeting in the kiosk's room (either provider), added by someone else. */
export async function addMeeting(kiosk: VirtualKiosk, subject: string, minutesAhead: number): Promise<void> {
  if (kiosk.provider === 'microsoft') {
    await addGraphMeeting(kiosk.sandbox.control, kiosk.timeline.now(), subject, minutesAhead);
    return;
  }
  const { start, end } = slot(kiosk.timeline.now(), minutesAhead);
  kiosk.sandbox.control.google.addEvent(kiosk.sandbox.google.roomCalendarId, { summary: subject, start: { dateTime: start.toISOString() }, end: { dateTime: end.toISOString() } });
}
