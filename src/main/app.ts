import { join } from 'node:path';
import { DriveSourceSchema, type Agenda, type DriveSource, type CalendarChoice, type JoinLink } from '../shared/model';
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
import { AdminGate } from './config/admin-pin';
import { ApiRouter, EventBus, UserFacingError, type Handlers } from './bridge/router';
import { AgendaCache } from './calendar/agenda-cache';
import { BookingService } from './meetings/booking-service';
import type { MeetingBooker, NativeMeetingProvider, RoomBooker } from './meetings/room-booker';
import { GoogleRoomBooker } from './providers/google/google-booker';
import { GraphRoomBooker } from './providers/microsoft/graph-booker';
import { AgendaService, type InvitationSource } from './calendar/agenda-service';
import type { KioskConfig } from './config/kiosk-config';
import { SettingsStore } from './config/settings-store';
import type { Logger } from './health/logger';
import { joinTargetFor } from './join/join-target';
import { detectJoinLink, providerName } from './links';
import type { Clock, ExternalBrowser, JoinOpener, TokenVault } from './ports';
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
  log: Logger;
}

export interface Roomdeck {
  router: ApiRouter;
  bus: EventBus;
  start(): Promise<void>;
  stop(): void;
}

function roomTimeZone(config: KioskConfig): string {
  return config.room.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Composition root: config → accounts → providers → services → api handlers. Plain Node; both hosts call it. */
export function createRoomdeck(config: KioskConfig, dataDir: string, ports: HostPorts): Roomdeck {
  const { log, clock } = ports;
  const bus = new EventBus();
  const settings = new SettingsStore(dataDir, log);
  const auth = new MicrosoftAuth(config.microsoft, ports.vault, log);
  const gate = new AdminGate(() => config.admin?.pinHash ?? null, clock);
  let agenda: AgendaService | null = null;
  const agendaCache = new AgendaCache(dataDir, log);

  let meetingLinksOn = false;
  const onConsentChange = () => {
    if (gate.touch()) bus.emit('settings', consent.view());
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
    managed: config.features,
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
  const meetNowFor = (provider: RoomProvider): NativeMeetingProvider[] => (consent.isOn(bookingFeature(provider)) ? [nativeMeeting(provider)] : []);
  const booking = new BookingService({
    booker: () => (room ? bookerFor(room.provider, room.account) : null),
    meetingBooker: (meeting) => (room && nativeMeeting(room.provider) === meeting ? bookerFor(room.provider, room.account) : null),
    calendar: () => room?.calendar ?? null,
    refreshAgenda: async () => {
      await agenda?.refresh();
      return agenda?.current() ?? null;
    },
    settings,
    clock,
    timeZone: roomTimeZone(config),
    log,
    // The booking lands in the room's calendar, read by everyone: in the room's language.
    subject: config.display.language === 'it' ? 'Prenotata in sala' : 'Booked at the room',
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
    if (oauth2.zoom && consent.isOn('zoom.directory')) found.push(new ZoomDirectory(oauth2.zoom));
    if (oauth2.webex && consent.isOn('webex.directory')) found.push(new WebexDirectory(oauth2.webex));
    return found;
  };
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
    // The invitation goes to people, not the wall: in the room's language, English when the PC decides.
    language: config.display.language === 'it' ? 'it' : 'en',
    log,
  });

  /** Every admin call checks the PIN session first (and keeps it open while the admin works). */
  const asAdmin = <T>(action: () => T): T => {
    if (!gate.touch()) throw new UserFacingError('admin-locked', 'Enter the admin PIN to change settings.');
    return action();
  };

  const setup: RoomSetup = new RoomSetup({
    config,
    settings,
    accounts: roomAccounts,
    scopes: (provider) => scopesFor(provider, consent.enabled(provider)),
    onSignedIn: (provider, signed) => consent.recordGrant(provider, { account: { name: signed.name, username: signed.username }, scopes: signed.scopes }),
    browser: ports.browser,
    log,
    onState: (state) => bus.emit('state', state),
    canBook: (provider) => consent.isOn(bookingFeature(provider)),
    meetNow: meetNowFor,
    showRoom: (provider, account, calendar) => {
      agenda?.stop();
      room = { provider, account, calendar };
      const invitations = invitationsFor(provider, account, calendar);
      const source = roomAccounts[provider]?.calendars(account);
      if (!source) return;
      meetingLinksOn = consent.isOn('microsoft.meeting-links');
      agenda = new AgendaService({
        source,
        calendar,
        timeZone: roomTimeZone(config),
        clock,
        detect: (event) => detectJoinLink(event.linkSource),
        providerName,
        privacy: config.privacy,
        bookedHere: () => booking.bookedHere(),
        pollMs: config.pollSeconds * 1000,
        cache: agendaCache,
        log,
        onAgenda: (a: Agenda) => bus.emit('agenda', a),
        onSignInNeeded: (err) => setup.signInNeeded(err),
        invitations: () => (invitations && consent.isOn('microsoft.meeting-links') ? invitations : null),
      });
      void agenda.start();
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
    roomName: () => agenda?.current()?.room.name ?? room?.calendar.ownerEmail ?? 'Roomdeck',
    language: config.display.language === 'it' ? 'it' : 'en',
    meetingEnd: () => {
      const now = clock.now().toISOString();
      const meeting = agenda?.current()?.meetings.find((m) => m.start <= now && now < m.end && !m.isAllDay);
      return meeting ? new Date(meeting.end) : null;
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
    'app.display': async () => config.display,
    'setup.signIn': async ({ provider, method }) => {
      setup.signIn(provider, method);
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
    'room.bookNow': ({ minutes }) => booking.bookNow(minutes),
    'room.meetNow': ({ provider, minutes }) => booking.meetNow(provider, minutes),
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
  };

  return {
    router: new ApiRouter(handlers, log),
    bus,
    start: async () => {
      await workspace.recoverAtStart();
      await setup.start();
      await consent.restore();
    },
    stop: () => {
      agenda?.stop();
      files.stop();
    },
  };
}

