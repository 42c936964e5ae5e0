import type { Agenda, CalendarChoice, JoinLink } from '../shared/model';
import { scopesFor, type FeatureId } from '../shared/features';
import { MicrosoftAuth, type AccountSummary } from './auth/microsoft-auth';
import { ApiRouter, EventBus, UserFacingError, type Handlers } from './bridge/router';
import { AgendaService } from './calendar/agenda-service';
import type { KioskConfig } from './config/kiosk-config';
import { SettingsStore } from './config/settings-store';
import type { Logger } from './health/logger';
import { joinTargetFor } from './join/join-target';
import { detectJoinLink, providerName } from './links';
import type { Clock, ExternalBrowser, JoinOpener, TokenVault } from './ports';
import { GraphApi } from './providers/microsoft/graph-api';
import { GraphCalendarSource } from './providers/microsoft/graph-calendar';
import { RoomSetup } from './setup/room-setup';

export interface HostPorts {
  vault: TokenVault;
  opener: JoinOpener;
  browser: ExternalBrowser;
  clock: Clock;
  log: Logger;
}

export interface Roomdeck {
  router: ApiRouter;
  bus: EventBus;
  start(): Promise<void>;
  stop(): void;
}

/** The features of the walking skeleton; the settings screen (consent issue) will make this list the room's choice. */
const ENABLED_FEATURES: readonly FeatureId[] = ['microsoft.sign-in', 'microsoft.calendar'];

function roomTimeZone(config: KioskConfig): string {
  return config.room.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Composition root: config → accounts → providers → services → api handlers. Plain Node; both hosts call it. */
export function createRoomdeck(config: KioskConfig, dataDir: string, ports: HostPorts): Roomdeck {
  const { log, clock } = ports;
  const bus = new EventBus();
  const settings = new SettingsStore(dataDir, log);
  const auth = new MicrosoftAuth(config.microsoft, ports.vault, log);
  const scopes = scopesFor('microsoft', ENABLED_FEATURES);
  let agenda: AgendaService | null = null;

  const calendarsFor = (account: AccountSummary) =>
    new GraphCalendarSource(
      new GraphApi(config.microsoft.graphBaseUrl, (force) => auth.accessToken(account.homeAccountId, scopes, force), log),
      account,
    );

  const setup: RoomSetup = new RoomSetup({
    config,
    settings,
    auth,
    scopes,
    browser: ports.browser,
    calendarsFor,
    log,
    onState: (state) => bus.emit('state', state),
    showRoom: (account: AccountSummary, calendar: CalendarChoice) => {
      agenda?.stop();
      agenda = new AgendaService({
        source: calendarsFor(account),
        calendar,
        timeZone: roomTimeZone(config),
        clock,
        detect: (event) => detectJoinLink(event.linkSource),
        providerName,
        pollMs: config.pollSeconds * 1000,
        log,
        onAgenda: (a: Agenda) => bus.emit('agenda', a),
        onSignInNeeded: (err) => setup.signInNeeded(err),
      });
      agenda.start();
    },
  });

  const findLink = (meetingId: string, index: number): JoinLink => {
    const meeting = agenda?.current()?.meetings.find((m) => m.id === meetingId);
    if (!meeting) throw new UserFacingError('meeting-not-found', 'This meeting is no longer in the room calendar.');
    const link = [meeting.join, ...meeting.otherJoins].filter((l): l is JoinLink => l !== null)[index];
    if (!link) throw new UserFacingError('no-join-link', 'This meeting has no join link.');
    return link;
  };

  const handlers: Handlers = {
    'app.state': async () => setup.current(),
    'setup.signIn': async ({ method }) => {
      setup.signIn(method);
      return {};
    },
    'setup.cancelSignIn': async () => {
      setup.cancelSignIn();
      return {};
    },
    'setup.chooseCalendar': async ({ calendarId }) => {
      await setup.chooseCalendar(calendarId);
      return {};
    },
    'agenda.get': async () => agenda?.current() ?? null,
    'meeting.join': async ({ meetingId, linkIndex }) => {
      const link = findLink(meetingId, linkIndex);
      const target = joinTargetFor(link, config.join[link.provider] ?? 'web');
      await ports.opener.open(target);
      log.info('meeting.join', { provider: link.provider, via: target.via });
      return { opened: link };
    },
  };

  return {
    router: new ApiRouter(handlers, log),
    bus,
    start: () => setup.start(),
    stop: () => agenda?.stop(),
  };
}

