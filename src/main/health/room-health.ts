import type { Agenda } from '../../shared/model';
import type { SourceEvent } from '../calendar/calendar-source';
import type { KioskConfig } from '../config/kiosk-config';
import type { Clock } from '../ports';
import { checkClock, checkConnections, checkConsent, checkDisk, checkMailbox, checkSync, checkTokens, serverTimeOf, type RoomTokenProbe } from './checks';
import type { RoomMailer } from '../mail/room-mailer';
import type { Logger } from './logger';
import { HealthMonitor } from './monitor';

/** What the room's health checks look at, as the composition root knows it. */
export interface RoomHealthDeps {
  config: KioskConfig;
  dataDir: string;
  clock: Clock;
  log: Logger;
  roomToken: RoomTokenProbe;
  /** Names of connected services whose connection was lost (the settings view's `lost` state). */
  lostConnections: () => string[];
  agenda: () => Agenda | null;
  sourceEvents: () => readonly SourceEvent[];
  meetingLinksOn: () => boolean;
  /** A server the room talks to anyway (Graph or Google Calendar), for the clock comparison. */
  serverUrl: () => string;
  roomName: () => string;
  mailer: () => RoomMailer | null;
}

const MINUTE = 60_000;

export function createRoomHealth(deps: RoomHealthDeps): HealthMonitor {
  const { config, clock } = deps;
  const monitor: HealthMonitor = new HealthMonitor({
    checks: {
      tokens: () => checkTokens(deps.roomToken),
      connections: async () => checkConnections(deps.lostConnections()),
      consent: async () => checkConsent(monitor.lastSignIn(), clock.now(), config.health.reauthDays),
      sync: async () => checkSync(deps.agenda(), clock.now(), config.pollSeconds * 1000),
      disk: () => checkDisk(deps.dataDir),
      clock: () => checkClock(serverTimeOf(deps.serverUrl()), () => clock.now()),
      mailbox: async () => checkMailbox(deps.sourceEvents(), deps.meetingLinksOn()),
    },
    clock,
    intervalMs: config.health.checkMinutes * MINUTE,
    mailEveryMs: config.health.mailEveryHours * 60 * MINUTE,
    mailTo: config.health.mailTo,
    mailer: deps.mailer,
    roomName: deps.roomName,
    dataDir: deps.dataDir,
    log: deps.log,
  });
  return monitor;
}
