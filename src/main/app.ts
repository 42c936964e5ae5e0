import { join } from 'node:path';
import { DriveSourceSchema, type Agenda, type CalendarChoice, type DriveSource, type JoinLink, type MeetingService, type RoomSettingsView } from '../shared/model';
import { featureById, scopesFor, type FeatureId } from '../shared/features';
import { ConsentService } from './auth/consent-service';
import { GoogleAuth } from './auth/google-auth';
import { GoogleConnector } from './auth/google-connector';
import { MicrosoftAuth } from './auth/microsoft-auth';
import type { RoomAccount, RoomAccountSummary, RoomProvider } from './auth/room-account';
import { MicrosoftConnector } from './auth/microsoft-connector';
import { OAuth2Connector } from './auth/oauth2-connector';
import { oauth2ProfilesFrom } from './auth/oauth2-profiles';
import type { OAuth2ProviderId } from './auth/oauth2-client';
import { AdminGate, hashPin } from './config/admin-pin';
import { ApiRouter, EventBus, UserFacingError, type Handlers } from './bridge/router';
import { AgendaCache } from './calendar/agenda-cache';
import { BookingService } from './meetings/booking-service';
import type { LiveMeetingReader } from './meetings/live-meeting';
import type { MeetingFactory } from './meetings/meeting-factory';
import { WebexLiveMeeting } from './providers/webex/webex-live';
import { GoogleMeetFactory } from './providers/google/google-meet-factory';
import { OAuth2Api } from './providers/oauth2-api';
import { WebexMeetingFactory } from './providers/webex/webex-meetings';
import { ZoomMeetingFactory } from './providers/zoom/zoom-meetings';
import type { MeetingBooker, NativeMeetingProvider, RoomBooker } from './meetings/room-booker';
import { GoogleRoomBooker } from './providers/google/google-booker';
import { GraphRoomBooker } from './providers/microsoft/graph-booker';
import { AgendaService, type InvitationSource } from './calendar/agenda-service';
import type { KioskConfig } from './config/kiosk-config';
import { SettingsStore } from './config/settings-store';
import type { Logger } from './health/logger';
import { createRoomHealth } from './health/room-health';
import { joinTargetFor } from './join/join-target';
import { detectJoinLink, providerName } from './links';
import type { Clock, ExternalBrowser, JoinOpener, Scheduler, TokenVault } from './ports';
import { noPolicyReport, type PolicyService } from './policy/policy-service';
import { isIanaZone, NO_POLICY } from './policy/policy-schema';
import { lockedKeysIn, resolveRoomSettings, tenantOf, withPolicyAccounts, type ResolvedRoomSettings, type RoomSettingsChange } from './policy/room-settings';
import { GraphApi } from './providers/microsoft/graph-api';
import { GraphInvitationMailbox, invitationLookupOf, needsMailboxLookup } from './providers/microsoft/graph-mailbox';
import { GoogleRoomAccount } from './providers/google/google-room-account';
import { MicrosoftRoomAccount } from './providers/microsoft/microsoft-room-account';
import { RoomSetup } from './setup/room-setup';
import { FilesService, type EditorWindows } from './files/files-service';
import type { CloudDrive } from './files/cloud-drive';
import { PersonalOneDrive } from './files/personal-onedrive';
import { roomDrives } from './files/room-drives';
import { SessionWorkspace } from './files/workspace';
import { sendRecap } from './files/recap';
import type { Directory } from './directory/directory';
import { GoogleDirectory } from './directory/google-directory';
import { GraphDirectory } from './directory/graph-directory';
import { WebexDirectory } from './directory/webex-directory';
import { ZoomDirectory } from './directory/zoom-directory';
import { GoogleAttendees } from './invite/google-attendees';
import { GraphAttendees } from './invite/graph-attendees';
import { InviteService } from './invite/invite-service';
import { GmailMailer } from './mail/gmail-mailer';
import { GraphMailer } from './mail/graph-mailer';
import type { RoomMailer } from './mail/room-mailer';

export interface HostPorts {
  vault: TokenVault;
  /** Electron: editor windows in wiped partitions. Default (web host, tests): the page opens the editor itself. */
  editors?: EditorWindows;
  opener: JoinOpener;
  browser: ExternalBrowser;
  clock: Clock;
  /** Real timers when absent; the soak and long-outage tests pass a virtual timeline. */
  scheduler?: Scheduler;
  log: Logger;
  /**
   * IT's policy file, loaded and watched by the host (which also hands its `onProblem` port to health mail); without
   * one nothing is locked.
   */
  policy?: PolicyService;
}

export interface Roomdeck {
  router: ApiRouter;
  bus: EventBus;
  start(): Promise<void>;
  stop(): void;
}

const machineTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Composition root: config → accounts → providers → services → api handlers. Plain Node; both hosts call it. */
export function createRoomdeck(installConfig: KioskConfig, dataDir: string, ports: HostPorts): Roomdeck {
  const { log, clock } = ports;
  const policy = ports.policy ?? null;
  const currentPolicy = () => policy?.current() ?? NO_POLICY;
  const config = withPolicyAccounts(installConfig, currentPolicy());
  const bus = new EventBus();
  const settings = new SettingsStore(dataDir, log);
  const resolved = (): ResolvedRoomSettings => resolveRoomSettings(installConfig, settings.get().local, currentPolicy(), machineTimeZone());
  const roomSettings = () => resolved().values;
  const auth = new MicrosoftAuth(config.microsoft, ports.vault, log);
  const gate = new AdminGate(() => roomSettings().pinHash, clock);
  let agenda: AgendaService | null = null;
  const agendaCache = new AgendaCache(dataDir, log);

  /**
   * Whether admin calls are open: with a PIN session, or during the first configuration, when there is no PIN yet and
   * whoever signs the room in is its admin (the wizard's features step needs the settings calls).
   */
  const adminSession = (): boolean => settings.get().firstConfig === 'pending' || gate.touch();

  let meetingLinksOn = false;
  const onConsentChange = () => {
    if (adminSession()) bus.emit('settings', consent.view());
    setup.refreshActions();
    // Switching invitation parsing on or off changes which Join buttons exist: show it now, not at the next poll.
    const on = consent.isOn('microsoft.meeting-links');
    if (on !== meetingLinksOn) void agenda?.resync();
    meetingLinksOn = on;
  };
  const google = config.google ? new GoogleAuth(config.google, ports.vault, log) : null;
  const oauth2: Partial<Record<OAuth2ProviderId, OAuth2Connector>> = Object.fromEntries(
    oauth2ProfilesFrom(config).map((profile) => [profile.provider, new OAuth2Connector(profile, { vault: ports.vault, clock, log })]),
  );
  const consent: ConsentService = new ConsentService({
    connectors: {
      microsoft: new MicrosoftConnector(auth, settings),
      ...(google ? { google: new GoogleConnector(google) } : {}),
      ...oauth2,
    },
    settings,
    managed: () => roomSettings().features,
    roomProvider: () => settings.get().room?.provider ?? null,
    browser: ports.browser,
    log,
    onChange: onConsentChange,
  });

  /** A Graph client whose tokens carry exactly one feature's scopes, for the room account. */
  const graphFor = (accountKey: string, feature: FeatureId) => {
    const scopes = [...featureById(feature).scopes];
    return new GraphApi(config.microsoft.graphBaseUrl, (force) => auth.accessToken(accountKey, scopes, force), log);
  };
  const roomAccounts: Partial<Record<RoomProvider, RoomAccount>> = {
    microsoft: new MicrosoftRoomAccount(auth, (key) => graphFor(key, 'microsoft.calendar')),
    ...(google && config.google ? { google: new GoogleRoomAccount(google, config.google.calendarRootUrl, log) } : {}),
  };

  /** The room's mailbox, for invitations whose calendar copy lost its link (read only while the feature is on). */
  const invitationsFor = (provider: RoomProvider, account: RoomAccountSummary, calendar: CalendarChoice): InvitationSource | null => {
    if (provider !== 'microsoft') return null;
    const path = calendar.isRoomAccountOwn ? '/me' : (`/users/${encodeURIComponent(calendar.ownerEmail)}` as const);
    const mailbox = new GraphInvitationMailbox(graphFor(account.key, 'microsoft.meeting-links'), path, { log });
    return { needsLookup: needsMailboxLookup, invitationFor: (event) => mailbox.invitationFor(invitationLookupOf(event)) };
  };

  /** The room on screen: set when a calendar is chosen, used by "Book now". */
  let room: { provider: RoomProvider; account: RoomAccountSummary; calendar: CalendarChoice } | null = null;
  const bookingFeature = (provider: RoomProvider): FeatureId => (provider === 'microsoft' ? 'microsoft.instant-meeting' : 'google.instant-meeting');
  const bookerFor = (provider: RoomProvider, account: RoomAccountSummary): (RoomBooker & MeetingBooker) | null => {
    if (!consent.isOn(bookingFeature(provider))) return null;
    if (provider === 'microsoft') return new GraphRoomBooker(graphFor(account.key, 'microsoft.instant-meeting'), log);
    return google && config.google ? new GoogleRoomBooker(google.accessClient(), config.google.calendarRootUrl, log) : null;
  };
  /** The room's own service hosts its instant meetings: Teams for a Microsoft room, Meet for a Google room. */
  const nativeMeeting = (provider: RoomProvider): NativeMeetingProvider => (provider === 'microsoft' ? 'teams' : 'meet');
  /** Google Meet in the connected Google account's calendar, for a room whose own calendar is Microsoft's. */
  const googleMeetFactory = (): MeetingFactory | null =>
    google && config.google && consent.isOn('google.instant-meeting') ? new GoogleMeetFactory(new GoogleRoomBooker(google.accessClient(), config.google.calendarRootUrl, log)) : null;
  /** Zoom and Webex meetings, once their instant-meeting feature is on and the provider connected. */
  const oauth2MeetingFactory = (meeting: 'zoom' | 'webex'): MeetingFactory | null => {
    const connector = oauth2[meeting];
    if (!connector || !consent.isOn(`${meeting}.instant-meeting`)) return null;
    const api = new OAuth2Api(meeting, connector);
    return meeting === 'zoom' ? new ZoomMeetingFactory(api, log) : new WebexMeetingFactory(api, clock, log);
  };
  /** Services whose meetings live beside the room's booking (never the room's own service); they need booking on too. */
  const meetingFactory = (roomProvider: RoomProvider, meeting: MeetingService): MeetingFactory | null => {
    if (meeting === nativeMeeting(roomProvider) || !consent.isOn(bookingFeature(roomProvider))) return null;
    if (meeting === 'zoom' || meeting === 'webex') return oauth2MeetingFactory(meeting);
    return meeting === 'meet' ? googleMeetFactory() : null;
  };
  /** The Webex meeting the room started, seen as its host: participants and controls when their features are on. */
  const webexLive = (): LiveMeetingReader | null => {
    const connector = oauth2.webex;
    if (!connector || !consent.isOn('webex.instant-meeting')) return null;
    return new WebexLiveMeeting(new OAuth2Api('webex', connector), clock, { participants: consent.isOn('webex.participants'), controls: consent.isOn('webex.meeting-controls') });
  };
  const SERVICES: readonly MeetingService[] = ['teams', 'meet', 'zoom', 'webex'];
  const meetNowFor = (provider: RoomProvider): MeetingService[] => {
    if (!consent.isOn(bookingFeature(provider))) return [];
    return SERVICES.filter((meeting) => meeting === nativeMeeting(provider) || meetingFactory(provider, meeting) !== null);
  };
  const booking = new BookingService({
    booker: () => (room ? bookerFor(room.provider, room.account) : null),
    meetingBooker: (meeting) => (room && nativeMeeting(room.provider) === meeting ? bookerFor(room.provider, room.account) : null),
    meetingFactory: (meeting) => (room ? meetingFactory(room.provider, meeting) : null),
    liveReader: (meeting) => (meeting === 'webex' ? webexLive() : null),
    currentAgenda: () => agenda?.current() ?? null,
    calendar: () => room?.calendar ?? null,
    refreshAgenda: async () => {
      await agenda?.refresh();
      return agenda?.current() ?? null;
    },
    settings,
    clock,
    timeZone: () => roomSettings().timeZone,
    log,
    // The booking lands in the room's calendar, read by everyone: in the room's language.
    subject: () => (roomSettings().language === 'it' ? 'Prenotata in sala' : 'Booked at the room'),
  });

  /**
   * The room's mailbox while its mail feature is on: Graph sendMail for a Microsoft room, Gmail for a Google room (opt-in
   * gmail.send). Invitations use it; so can anything else the room mails (files, health notices).
   */
  const roomMailer = (): RoomMailer | null => {
    if (!room) return null;
    if (room.provider === 'microsoft') return consent.isOn('microsoft.send-mail') ? new GraphMailer(graphFor(room.account.key, 'microsoft.send-mail')) : null;
    return google && config.google && consent.isOn('google.send-mail') ? new GmailMailer(google.accessClient(), config.google.gmailRootUrl) : null;
  };
  /** The directories whose search feature is on: the room's own first (its names win on duplicates), then Zoom, Webex. */
  const directories = (): Directory[] => {
    const found: Directory[] = [];
    if (room?.provider === 'microsoft' && consent.isOn('microsoft.directory')) found.push(new GraphDirectory(graphFor(room.account.key, 'microsoft.directory')));
    if (room?.provider === 'google' && google && config.google && consent.isOn('google.directory')) found.push(new GoogleDirectory(google.accessClient(), config.google.peopleRootUrl));
    if (oauth2.zoom && consent.isOn('zoom.directory')) found.push(new ZoomDirectory(new OAuth2Api('zoom', oauth2.zoom)));
    if (oauth2.webex && consent.isOn('webex.directory')) found.push(new WebexDirectory(new OAuth2Api('webex', oauth2.webex)));
    return found;
  };
  // Mail goes to people, not the wall: in the room's language, English when the PC decides.
  const mailLanguage = config.display.language === 'it' ? 'it' : 'en';
  const invites = new InviteService({
    directories,
    mailer: roomMailer,
    attendees: () => {
      if (!room || !consent.isOn(bookingFeature(room.provider))) return null;
      if (room.provider === 'microsoft') return new GraphAttendees(graphFor(room.account.key, 'microsoft.instant-meeting'));
      return google && config.google ? new GoogleAttendees(google.accessClient(), config.google.calendarRootUrl) : null;
    },
    ownBooking: async () => {
      const meeting = await booking.ownBookingNow();
      const shown = agenda?.current()?.room;
      return room && meeting && shown ? { calendar: room.calendar, meeting, room: shown } : null;
    },
    hasOwnBooking: () => booking.findOwn(agenda?.current() ?? null) !== null,
    roomAddress: () => agenda?.current()?.room.email ?? null,
    language: mailLanguage,
    log,
  });

  /** Every admin call checks the session first (and keeps a PIN session open while the admin works). */
  const asAdmin = <T>(action: () => T): T => {
    if (!adminSession()) throw new UserFacingError('admin-locked', 'Enter the admin PIN to change settings.');
    return action();
  };

  const roomSettingsView = (): RoomSettingsView => {
    const { values, managed } = resolved();
    return {
      language: values.language,
      timeZone: values.timeZone,
      machineTimeZone: machineTimeZone(),
      machineTime: clock.now().toISOString(),
      privacy: values.privacy,
      tenant: tenantOf(config.microsoft.authority),
      managed,
      policy: policy?.report() ?? noPolicyReport('', clock.now()),
    };
  };

  const changeRoomSettings = async (change: RoomSettingsChange): Promise<void> => {
    const locked = lockedKeysIn(change, resolved().managed);
    if (locked.length > 0) {
      log.warn('settings.managed-refused', { keys: locked.join(',') });
      throw new UserFacingError('setting-managed', `Managed by your organization: ${locked.join(', ')}.`);
    }
    if (change.timeZone && !isIanaZone(change.timeZone)) throw new UserFacingError('bad-time-zone', `${change.timeZone} is not a time zone.`);
    const pinHash = change.pin ? await hashPin(change.pin) : undefined;
    await settings.update((s) => ({
      ...s,
      local: {
        ...s.local,
        ...(change.language ? { language: change.language } : {}),
        ...(change.timeZone ? { timeZone: change.timeZone } : {}),
        ...(change.privacy ? { privacy: { ...s.local.privacy, ...change.privacy } } : {}),
        ...(pinHash ? { pinHash } : {}),
      },
    }));
    log.info('settings.room-changed', { keys: Object.keys(change).join(',') });
    // The agenda is drawn in the room's zone and filtered by its privacy: rebuild it when either changes.
    if (change.timeZone || change.privacy) restartAgenda();
  };

  const setup: RoomSetup = new RoomSetup({
    config,
    roomSettings,
    settings,
    accounts: roomAccounts,
    scopes: (provider) => scopesFor(provider, consent.enabled(provider)),
    onSignedIn: async (provider, signed) => {
      await health.noteSignIn(clock.now());
      await consent.recordGrant(provider, { account: { name: signed.name, username: signed.username }, scopes: signed.scopes });
    },
    browser: ports.browser,
    log,
    onState: (state) => bus.emit('state', state),
    canBook: (provider) => consent.isOn(bookingFeature(provider)),
    meetNow: meetNowFor,
    showRoom: (provider, account, calendar) => {
      room = { provider, account, calendar };
      restartAgenda();
    },
  });

  const workspace = new SessionWorkspace(join(dataDir, 'workspace'), log);
  const personal = new PersonalOneDrive(config.microsoft, log);
  const personalOffered = () => consent.isOn('microsoft.files');
  const drives = (): Partial<Record<DriveSource, CloudDrive>> => {
    const own = personalOffered() ? personal.drive() : null;
    const forRoom = roomDrives({
      config,
      microsoft: auth,
      google,
      dropbox: oauth2.dropbox ?? null,
      isOn: (feature) => consent.isOn(feature),
      room: () => (room ? { provider: room.provider, accountKey: room.account.key } : null),
    });
    return own ? { ...forRoom, 'my-onedrive': own } : forRoom;
  };
  const roomName = () => agenda?.current()?.room.name ?? room?.calendar.ownerEmail ?? 'Roomdeck';
  const files = new FilesService({
    drives,
    workspace,
    // The web host's page opens the editor in a tab of its own browser: nothing of it lives in this process.
    editors: ports.editors ?? { open: (url) => ports.browser.open(url), wipeAll: () => Promise.resolve(0) },
    clock,
    log,
    onProgress: (progress) => bus.emit('files.progress', progress),
    onEnded: (report) => bus.emit('files.ended', report),
    personal,
    mailer: roomMailer,
    roomName,
    language: mailLanguage,
    recap: (session) =>
      sendRecap(session, {
        enabled: () => roomSettings().recapEnabled,
        mailer: roomMailer,
        events: () => agenda?.sourceEvents() ?? [],
        room: () => ({ name: roomName(), email: agenda?.current()?.room.email ?? null, timeZone: roomSettings().timeZone }),
        privacy: () => roomSettings().privacy,
        language: mailLanguage,
        log,
      }),
    meetingEnd: () => {
      const now = clock.now().toISOString();
      const meeting = agenda?.current()?.meetings.find((m) => m.start <= now && now < m.end && !m.isAllDay);
      return meeting ? new Date(meeting.end) : null;
    },
  });

  /** Refreshes the room account's token now: proves the refresh token is still accepted (health check). */
  const roomToken = async (): Promise<boolean> => {
    const signedIn = settings.get().room;
    if (!signedIn) return false;
    if (signedIn.provider === 'microsoft') await auth.accessToken(signedIn.key, [...featureById('microsoft.calendar').scopes], true);
    else await google?.accessToken();
    return true;
  };
  const health = createRoomHealth({
    config,
    dataDir,
    clock,
    log,
    roomToken,
    lostConnections: () => consent.view().providers.filter((p) => p.connection.state === 'lost').map((p) => p.name),
    agenda: () => agenda?.current() ?? null,
    sourceEvents: () => agenda?.sourceEvents() ?? [],
    meetingLinksOn: () => consent.isOn('microsoft.meeting-links'),
    serverUrl: () => (room?.provider === 'google' && config.google ? config.google.calendarRootUrl : config.microsoft.graphBaseUrl),
    roomName: () => room?.calendar.ownerName ?? 'Roomdeck',
    mailer: roomMailer,
    policy: () => policy?.report() ?? noPolicyReport('', clock.now()),
  });

  /** (Re)builds the agenda for the room on screen: the room's zone and privacy are read now, so a change applies. */
  function restartAgenda(): void {
    if (!room) return;
    const { provider, account, calendar } = room;
    agenda?.stop();
    const invitations = invitationsFor(provider, account, calendar);
    const source = roomAccounts[provider]?.calendars(account);
    if (!source) return;
    meetingLinksOn = consent.isOn('microsoft.meeting-links');
    const { timeZone, privacy } = roomSettings();
    agenda = new AgendaService({
      source,
      calendar,
      timeZone,
      clock,
      scheduler: ports.scheduler,
      detect: (event) => detectJoinLink(event.linkSource),
      providerName,
      privacy,
      bookedHere: () => booking.bookedHere(),
      pollMs: config.pollSeconds * 1000,
      cache: agendaCache,
      log,
      onAgenda: (a: Agenda) => bus.emit('agenda', a),
      onSignInNeeded: (err) => setup.signInNeeded(err),
      invitations: () => (invitations && consent.isOn('microsoft.meeting-links') ? invitations : null),
    });
    void agenda.start();
  }

  // IT pushed a new policy (or a bad one, which keeps the last good): what it locks applies now.
  policy?.onChange(() => {
    onConsentChange();
    restartAgenda();
    // A refused (or mended) file is news for IT now, not at the next round of checks.
    void health.runNow();
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
    'app.display': async () => ({ ...config.display, language: roomSettings().language }),
    'setup.signIn': async ({ provider, method }) => {
      // A sign-in method IT locks is the one used, whichever button was tapped.
      const { values, managed } = resolved();
      setup.signIn(provider, managed.includes('signInMethod') ? values.signInMethod : method);
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
    'setup.back': async () => {
      await setup.back();
      return {};
    },
    'setup.finish': async () => {
      await setup.finish();
      return {};
    },
    'agenda.get': async () => agenda?.current() ?? null,
    'meeting.join': async ({ meetingId, linkIndex }) => {
      const link = findLink(meetingId, linkIndex);
      const target = joinTargetFor(link, roomSettings().join[link.provider] ?? 'web');
      await ports.opener.open(target);
      log.info('meeting.join', { provider: link.provider, via: target.via });
      return { opened: link };
    },
    'room.bookNow': ({ minutes }) => booking.bookNow(minutes),
    'room.meetNow': ({ provider, minutes }) => booking.meetNow(provider, minutes),
    'room.liveMeeting': () => booking.liveMeeting(),
    'room.endMeeting': async () => {
      await booking.endMeeting();
      return {};
    },
    'room.extend': ({ minutes }) => booking.extend(minutes),
    'room.endNow': async () => {
      await booking.endNow();
      return {};
    },
    'invite.options': async () => invites.options(),
    'invite.search': ({ query }) => invites.search(query),
    'invite.send': ({ people }) => invites.send(people),
    'admin.unlock': async ({ pin }) => {
      const result = await gate.unlock(pin);
      log.info('admin.unlock', { ok: result.unlocked, reason: result.unlocked ? null : result.reason });
      return result;
    },
    'admin.lock': async () => {
      gate.lock();
      return {};
    },
    'settings.get': async () => asAdmin(() => consent.view()),
    'settings.setFeature': async ({ feature, enabled }) => {
      await asAdmin(() => consent.setFeature(feature, enabled));
      return {};
    },
    'settings.connect': async ({ provider }) => {
      await asAdmin(() => consent.connect(provider));
      return {};
    },
    'settings.disconnect': async ({ provider }) => {
      await asAdmin(() => consent.disconnect(provider));
      return {};
    },
    'settings.cancelConsent': async () => {
      asAdmin(() => consent.cancel());
      return {};
    },
    'files.sources': async () => {
      const available = files.sources();
      const sourceView = (source: DriveSource) =>
        source === 'my-onedrive' ? { source, available: personalOffered(), account: personal.who() } : { source, available: available.includes(source), account: null };
      return { sources: DriveSourceSchema.options.map(sourceView) };
    },
    'files.signInPersonal': () => {
      if (!personalOffered()) throw new UserFacingError('drive-not-available', 'This drive is not available in this room.');
      return personal.start((result) => {
        if ('account' in result) files.personalSignedIn();
        bus.emit('files.personal', result);
      });
    },
    'files.cancelPersonal': async () => {
      personal.cancel();
      return {};
    },
    'files.list': async ({ source, folderId }) => ({ entries: await files.list(source, folderId) }),
    'files.search': async ({ source, text }) => ({ entries: await files.search(source, text) }),
    'files.recent': async ({ source }) => ({ entries: await files.recent(source) }),
    'files.thumbnail': async ({ source, entry }) => ({ url: await files.thumbnail(source, entry) }),
    'files.import': ({ source, entry }) => files.importFile(source, entry),
    'files.workspace': async () => ({ files: files.workspace() }),
    'files.view': async ({ id }) => ({ url: await files.view(id) }),
    'files.edit': async ({ id }) => {
      await files.edit(id);
      return {};
    },
    'files.send': ({ ids, people }) => files.send(ids, people.map((person) => person.email)),
    'files.endSession': () => files.endSession('button'),
    'health.get': async () => asAdmin(() => health.view()),
    'health.check': async () => asAdmin(() => health.runNow()),
    'settings.room': async () => asAdmin(roomSettingsView),
    'settings.setRoom': async (change) => {
      await asAdmin(() => changeRoomSettings(change));
      return {};
    },
  };

  return {
    router: new ApiRouter(handlers, log),
    bus,
    start: async () => {
      await workspace.recoverAtStart();
      await setup.start();
      await consent.restore();
      await health.start();
      void health.runNow();
    },
    stop: () => {
      agenda?.stop();
      health.stop();
      files.stop();
    },
  };
}

