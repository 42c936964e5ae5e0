import { z } from 'zod';
import { FeatureIdSchema } from './features';
import { HealthViewSchema } from './health';
import { InviteOptionsSchema, InviteQuerySchema, MAX_INVITEES, PersonSchema, SearchResultSchema, SendResultSchema } from './invite';
import {
  AgendaSchema,
  AppStateSchema,
  CleanReportSchema,
  DeviceCodePromptSchema,
  DisplaySchema,
  DriveEntrySchema,
  DriveSourceSchema,
  ImportProgressSchema,
  JoinLinkSchema,
  LiveMeetingSchema,
  MeetingServiceSchema,
  ProviderIdSchema,
  RoomProviderSchema,
  RoomSettingsChangeSchema,
  RoomSettingsViewSchema,
  SettingsViewSchema,
  SignInMethodSchema,
  UnlockResultSchema,
  WorkspaceFileSchema,
} from './model';

/**
 * The IPC contract: the only way renderer and main talk, in Electron (ipcMain + preload) and in the web host
 * (HTTP on loopback). Main validates every input against `input` and every output against `output` before
 * it leaves; the renderer validates pushed events with the same schemas.
 */
const Empty = z.object({}).strict();
const Entries = z.object({ entries: z.array(DriveEntrySchema).max(20_000) });
const Source = { source: DriveSourceSchema };
const WorkspaceFileId = z.object({ id: WorkspaceFileSchema.shape.id }).strict();

export const calls = {
  'app.state': { input: Empty, output: AppStateSchema },
  'app.display': { input: Empty, output: DisplaySchema },
  'setup.signIn': {
    input: z.object({ provider: RoomProviderSchema, method: SignInMethodSchema }).strict(),
    output: Empty,
  },
  'setup.cancelSignIn': { input: Empty, output: Empty },
  'setup.chooseCalendar': { input: z.object({ calendarId: z.string().min(1).max(512) }).strict(), output: Empty },
  /** The wizard's Back from the calendar choice (to the sign-in) or from its first later step (to the calendars). */
  'setup.back': { input: Empty, output: Empty },
  /** Ends the first configuration: the home screen from now on. */
  'setup.finish': { input: Empty, output: Empty },
  'agenda.get': { input: Empty, output: AgendaSchema.nullable() },
  'meeting.join': {
    input: z
      .object({ meetingId: z.string().min(1).max(512), linkIndex: z.number().int().min(0).max(10).default(0) })
      .strict(),
    output: z.object({ opened: JoinLinkSchema }),
  },
  /** Books the room from now for `minutes`; main re-checks the calendar first, so the slot is never double-booked. */
  'room.bookNow': { input: z.object({ minutes: z.number().int().min(5).max(240) }).strict(), output: z.object({ until: z.iso.datetime() }) },
  /**
   * Books the room with an online meeting (Teams or Meet in the room's event; Zoom or Webex created in their account
   * and linked from the event) and returns its link, for the QR code. Never half: no meeting without its booking.
   */
  'room.meetNow': {
    input: z.object({ provider: MeetingServiceSchema, minutes: z.number().int().min(5).max(240) }).strict(),
    output: z.object({ joinUrl: z.url().max(4096), until: z.iso.datetime() }),
  },
  /** The online meeting of the room's booking in progress (participants, state) where its service shows it; null if none. */
  'room.liveMeeting': { input: Empty, output: LiveMeetingSchema.nullable() },
  /** Ends that meeting for everyone (where the service allows it) and gives the room back. */
  'room.endMeeting': { input: Empty, output: Empty },
  'room.extend': { input: z.object({ minutes: z.number().int().min(5).max(120) }).strict(), output: z.object({ until: z.iso.datetime() }) },
  'room.endNow': { input: Empty, output: Empty },
  /** What "Invite people" can do now: which directories, whether mail goes out, whether there is a booking. */
  'invite.options': { input: Empty, output: InviteOptionsSchema },
  /** Searches the directories the room's features allow; a query longer than MAX_QUERY_LENGTH is refused. */
  'invite.search': { input: z.object({ query: InviteQuerySchema }).strict(), output: SearchResultSchema },
  /** Adds the people to the booking in progress and mails them its link; safe to retry after a failure. */
  'invite.send': { input: z.object({ people: z.array(PersonSchema).min(1).max(MAX_INVITEES) }).strict(), output: SendResultSchema },
  'admin.unlock': { input: z.object({ pin: z.string().regex(/^\d{1,12}$/) }).strict(), output: UnlockResultSchema },
  'admin.lock': { input: Empty, output: Empty },
  /** The settings calls answer `admin-locked` unless the admin PIN was entered in the last idle period. */
  'settings.get': { input: Empty, output: SettingsViewSchema },
  'settings.setFeature': { input: z.object({ feature: FeatureIdSchema, enabled: z.boolean() }).strict(), output: Empty },
  /** Asks the provider for the features already on for it (IT's, or just its sign-in): what `pendingScopes` lists. */
  'settings.connect': { input: z.object({ provider: ProviderIdSchema }).strict(), output: Empty },
  'settings.disconnect': { input: z.object({ provider: ProviderIdSchema }).strict(), output: Empty },
  'settings.cancelConsent': { input: Empty, output: Empty },
  /**
   * Files: which drives the room offers now (`available` false: not set up or switched off); for `my-onedrive`,
   * `account` is the person signed in from their phone (null: nobody yet, tapping it starts the sign-in).
   */
  'files.sources': {
    input: Empty,
    output: z.object({ sources: z.array(z.object({ ...Source, available: z.boolean(), account: z.string().max(320).nullable() })).max(4) }),
  },
  /** A person signs in to their own OneDrive from their phone: the code to show; `files.personal` says how it ended. */
  'files.signInPersonal': { input: Empty, output: DeviceCodePromptSchema },
  'files.cancelPersonal': { input: Empty, output: Empty },
  'files.list': { input: z.object({ ...Source, folderId: z.string().min(1).max(1024).nullable() }).strict(), output: Entries },
  'files.search': { input: z.object({ ...Source, text: z.string().trim().min(1).max(200) }).strict(), output: Entries },
  'files.recent': { input: z.object(Source).strict(), output: Entries },
  /** An image's preview for its tile, as a data: URL; null when the drive has none. */
  'files.thumbnail': { input: z.object({ ...Source, entry: DriveEntrySchema }).strict(), output: z.object({ url: z.string().startsWith('data:image/').max(1_500_000).nullable() }) },
  /** Streams the file into the session's workspace folder; `files.progress` events report how far it got. */
  'files.import': { input: z.object({ ...Source, entry: DriveEntrySchema }).strict(), output: WorkspaceFileSchema },
  'files.workspace': { input: Empty, output: z.object({ files: z.array(WorkspaceFileSchema).max(1000) }) },
  /** An imported image or PDF for the in-app viewer, as a data: URL (viewer limit 25 MB). */
  'files.view': { input: WorkspaceFileId, output: z.object({ url: z.string().startsWith('data:').max(36_000_000) }) },
  /** Opens the document in its provider's web editor, in a window whose storage is wiped at session end. */
  'files.edit': { input: WorkspaceFileId, output: Empty },
  /** Mails workspace files from the room's mailbox to people found in the directory (invite.search). */
  'files.send': {
    input: z.object({ ids: z.array(WorkspaceFileSchema.shape.id).min(1).max(50), people: z.array(PersonSchema).min(1).max(MAX_INVITEES) }).strict(),
    output: z.object({ attached: z.array(z.string().max(512)).max(50), linked: z.array(z.string().max(512)).max(50) }),
  },
  /** Removes everything the session brought and says what. */
  'files.endSession': { input: Empty, output: CleanReportSchema },
  /** The self-checks as last run (admin PIN, like settings); `health.check` runs them now and answers when done. */
  'health.get': { input: Empty, output: HealthViewSchema },
  'health.check': { input: Empty, output: HealthViewSchema },
  /** The room's own settings and IT's policy report (also open, without the PIN, during the first configuration). */
  'settings.room': { input: Empty, output: RoomSettingsViewSchema },
  /** Refused with `setting-managed` for anything IT's policy locks, whoever calls. */
  'settings.setRoom': { input: RoomSettingsChangeSchema, output: Empty },
} as const;

export const events = {
  state: AppStateSchema,
  agenda: AgendaSchema,
  /** Pushed while the settings are unlocked (consent progress, feature states). */
  settings: SettingsViewSchema,
  /** Web host only: main asks the page to open a join link it resolved itself (Electron opens its own window). */
  'open-url': z.object({ url: z.string().url().max(4096) }),
  'files.progress': ImportProgressSchema,
  'files.personal': z.union([z.object({ account: z.string().max(320) }), z.object({ error: z.string().max(200) })]),
  /** The session ended by itself (meeting over, or nobody touched the files for a while). */
  'files.ended': CleanReportSchema,
} as const;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallInputParsed<N extends CallName> = z.output<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = z.output<(typeof calls)[N]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const ApiErrorSchema = z.object({ code: z.string().max(64), message: z.string().max(2000) });
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** What every transport returns for a call: never a thrown exception across the boundary. */
export type CallResult<N extends CallName> = { ok: true; output: CallOutput<N> } | { ok: false; error: ApiError };

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}

/** The typed surface the renderer programs against; each host provides a transport for it. */
export interface RoomdeckApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Names used on the wire by both hosts. */
export const wire = {
  ipcCallChannel: 'roomdeck:call',
  ipcEventChannel: 'roomdeck:event',
  httpCallPrefix: '/api/call/',
  httpEventsPath: '/api/events',
} as const;
