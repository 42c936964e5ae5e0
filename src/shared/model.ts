import { z } from 'zod';

/** Every external service Roomdeck talks to. Conferencing services detected in invitations are `JoinProviderId`s. */
export const ProviderIdSchema = z.enum(['microsoft', 'google', 'zoom', 'webex', 'dropbox']);
export type ProviderId = z.infer<typeof ProviderIdSchema>;

/** Ids come from the links research table (first column); open-ended so the detector's catalog owns the list. */
export const JoinProviderIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
export type JoinProviderId = z.infer<typeof JoinProviderIdSchema>;

export const JoinLinkSchema = z.object({
  provider: JoinProviderIdSchema,
  /** Name people recognise on the button ("Zoom", "Microsoft Teams"). */
  providerName: z.string().max(80),
  url: z.string().url().max(4096),
});
export type JoinLink = z.infer<typeof JoinLinkSchema>;

export const ShowAsSchema = z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);
export type ShowAs = z.infer<typeof ShowAsSchema>;

/** ISO-8601 instant with offset (main always sends UTC `Z`). */
const InstantSchema = z.iso.datetime({ offset: true });

export const MeetingSchema = z.object({
  id: z.string().min(1).max(512),
  /** Already privacy-filtered by main: a private meeting arrives as `null` subject and `isPrivate: true`. */
  subject: z.string().max(500).nullable(),
  organizer: z.string().max(320).nullable(),
  start: InstantSchema,
  end: InstantSchema,
  isAllDay: z.boolean(),
  showAs: ShowAsSchema,
  isPrivate: z.boolean(),
  /** The link Join opens first; `others` are further links found in the same invitation. */
  join: JoinLinkSchema.nullable(),
  otherJoins: z.array(JoinLinkSchema).max(10),
  /** Booked from this screen ("Book now"): people here may extend or end it. */
  bookedHere: z.boolean(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const RoomSchema = z.object({
  name: z.string().max(200),
  email: z.string().max(320),
  timeZone: z.string().max(64),
});
export type Room = z.infer<typeof RoomSchema>;

export const AgendaSchema = z.object({
  room: RoomSchema,
  meetings: z.array(MeetingSchema).max(500),
  /** When the agenda last matched the calendar service. */
  updatedAt: InstantSchema,
  /** Set while the last sync attempt failed; the meetings are the last good copy. */
  staleSince: InstantSchema.nullable(),
});
export type Agenda = z.infer<typeof AgendaSchema>;

export const CalendarChoiceSchema = z.object({
  id: z.string().min(1).max(512),
  name: z.string().max(200),
  ownerName: z.string().max(200),
  ownerEmail: z.string().max(320),
  isRoomAccountOwn: z.boolean(),
});
export type CalendarChoice = z.infer<typeof CalendarChoiceSchema>;

export const DeviceCodePromptSchema = z.object({
  userCode: z.string().min(1).max(64),
  verificationUri: z.string().url().max(2048),
  message: z.string().max(1000),
  expiresAt: InstantSchema,
});
export type DeviceCodePrompt = z.infer<typeof DeviceCodePromptSchema>;

export const SignInMethodSchema = z.enum(['device-code', 'browser']);
export type SignInMethod = z.infer<typeof SignInMethodSchema>;

export const AccountSchema = z.object({
  provider: ProviderIdSchema,
  name: z.string().max(200),
  username: z.string().max(320),
});
export type Account = z.infer<typeof AccountSchema>;

export const NoticeSchema = z.object({
  /** Stable code for tests and logs; the renderer translates it. */
  code: z.string().max(64),
  /** Technical detail for IT, never a token. */
  detail: z.string().max(1000).optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/**
 * What the kiosk shows, decided in main. The renderer draws it and never derives it from anything else.
 */
export const RoomProviderSchema = z.enum(['microsoft', 'google']);
export type RoomProvider = z.infer<typeof RoomProviderSchema>;

/** Services "Meet now" can start a meeting on: Teams and Meet inside the room's event, Zoom and Webex beside it. */
export const MeetingServiceSchema = z.enum(['teams', 'meet', 'zoom', 'webex']);
export type MeetingService = z.infer<typeof MeetingServiceSchema>;
/** How people know each service: on buttons, in messages and in the room's event. */
export const MEETING_SERVICE_NAMES: Record<MeetingService, string> = { teams: 'Microsoft Teams', meet: 'Google Meet', zoom: 'Zoom', webex: 'Webex' };

/**
 * The online meeting of the room's own booking in progress, as far as its service lets the room see it: null fields
 * are what the service (or the room's permissions) does not show; the screen says so in words.
 */
export const LiveMeetingSchema = z.object({
  service: MeetingServiceSchema,
  state: z.enum(['waiting', 'in-progress', 'ended']).nullable(),
  participants: z
    .array(z.object({ name: z.string().max(200), inLobby: z.boolean(), muted: z.boolean(), host: z.boolean() }))
    .max(200)
    .nullable(),
  controls: z.object({ locked: z.boolean(), recording: z.boolean() }).nullable(),
  /** The room may end the meeting for everyone (a Webex meeting it started). */
  canEnd: z.boolean(),
});
export type LiveMeeting = z.infer<typeof LiveMeetingSchema>;

export const AppStateSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('starting') }),
  z.object({
    phase: z.literal('setup'),
    notice: NoticeSchema.nullable(),
    /** The room-account providers IT configured, in the order to offer them. */
    providers: z.array(RoomProviderSchema).max(2),
    /** The first configuration is under way: the wizard's earlier steps (language, time zone) come first. */
    firstRun: z.boolean(),
  }),
  z.object({
    phase: z.literal('signing-in'),
    provider: RoomProviderSchema,
    method: SignInMethodSchema,
    deviceCode: DeviceCodePromptSchema.nullable(),
    /** Set once the sign-in page is open in a browser (the loopback flow). */
    browserUrl: z.string().url().max(4096).nullable(),
  }),
  z.object({
    phase: z.literal('choose-calendar'),
    account: AccountSchema,
    calendars: z.array(CalendarChoiceSchema).max(200),
    notice: NoticeSchema.nullable(),
  }),
  /** First configuration after the calendar: features, privacy, admin PIN, then the home screen. */
  z.object({ phase: z.literal('configure'), account: AccountSchema }),
  z.object({
    phase: z.literal('ready'),
    account: AccountSchema,
    /** Non-null when the room account's sign-in must be redone (e.g. refresh token revoked). */
    signInNeeded: NoticeSchema.nullable(),
    /** "Book now" is offered (the room's booking feature is switched on and consented). */
    canBook: z.boolean(),
    /** The online-meeting services "Meet now" offers (those whose instant-meeting feature is on). */
    meetNow: z.array(MeetingServiceSchema).max(4),
  }),
]);
export type AppState = z.infer<typeof AppStateSchema>;

export const FeatureStateSchema = z.enum(['on', 'off', 'pending', 'refused']);
export type FeatureState = z.infer<typeof FeatureStateSchema>;

/** One feature switch on the settings screen: what it does, the scopes it needs and why, before any consent. */
export const FeatureViewSchema = z.object({
  id: z.string().max(64),
  feature: z.string().max(300),
  scopes: z.array(z.string().max(200)).max(20),
  why: z.string().max(500),
  how: z.string().max(500),
  state: FeatureStateSchema,
  /**
   * Why a feature is refused ("declined", "scope-not-granted", "failed") or off against the admin's or IT's wish
   * ("not-granted": switched on, its scopes not granted yet).
   */
  reason: z.string().max(200).nullable(),
  /** Set by IT's configuration: shown, not switchable here. */
  managed: z.boolean(),
  /** Comes with connecting the provider (its sign-in). */
  alwaysOn: z.boolean(),
});
export type FeatureView = z.infer<typeof FeatureViewSchema>;

export const ConnectionStateSchema = z.enum(['connected', 'disconnected', 'connecting', 'lost']);

export const ProviderViewSchema = z.object({
  provider: ProviderIdSchema,
  name: z.string().max(80),
  /** IT configured this provider (client id…); unconfigured providers are listed but cannot be switched on. */
  available: z.boolean(),
  /** The room account's own provider: its sign-in is the room's, so it is not disconnected from here. */
  isRoomAccount: z.boolean(),
  connection: z.object({
    state: ConnectionStateSchema,
    account: z.object({ name: z.string().max(200), username: z.string().max(320) }).nullable(),
    grantedScopes: z.array(z.string().max(200)).max(60),
    /** What Connect would ask for now: the scopes of the features already on (IT's, or its sign-in) not granted yet. */
    pendingScopes: z.array(z.string().max(200)).max(60),
  }),
  features: z.array(FeatureViewSchema).max(20),
});
export type ProviderView = z.infer<typeof ProviderViewSchema>;

/** A consent in progress: the code to show (device flow) or the browser page the admin must finish. */
export const ConsentPromptSchema = z.object({
  provider: ProviderIdSchema,
  feature: z.string().max(64),
  scopes: z.array(z.string().max(200)).max(60),
  deviceCode: DeviceCodePromptSchema.nullable(),
  browserUrl: z.string().url().max(4096).nullable(),
});
export type ConsentPrompt = z.infer<typeof ConsentPromptSchema>;

export const SettingsViewSchema = z.object({
  providers: z.array(ProviderViewSchema).max(10),
  consent: ConsentPromptSchema.nullable(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

export const UnlockResultSchema = z.discriminatedUnion('unlocked', [
  z.object({ unlocked: z.literal(true) }),
  z.object({
    unlocked: z.literal(false),
    attemptsLeft: z.number().int().min(0),
    lockedUntil: InstantSchema.nullable(),
    reason: z.enum(['wrong-pin', 'locked', 'no-pin']),
  }),
]);

export const LanguageSchema = z.enum(['auto', 'en', 'it']);
export type Language = z.infer<typeof LanguageSchema>;

/** What the wall may show: a panel facing a corridor may hide subjects and organizers. */
export const PrivacySchema = z.object({ hideSubjects: z.boolean(), hideOrganizers: z.boolean() }).strict();
export type Privacy = z.infer<typeof PrivacySchema>;

/** How the wall looks: IT's choices from the configuration. */
export const DisplaySchema = z.object({
  language: LanguageSchema,
  /** 0 = never. */
  ambientAfterSeconds: z.number().int().min(0).max(14_400),
});
export type Display = z.infer<typeof DisplaySchema>;

/** One thing wrong with IT's policy file: the field (null for the file as a whole), the line when known, and why. */
export const PolicyProblemSchema = z.object({ field: z.string().max(300).nullable(), line: z.number().int().min(1).nullable(), message: z.string().max(1000) });
export type PolicyProblem = z.infer<typeof PolicyProblemSchema>;

export const PolicyReportSchema = z.object({
  path: z.string().max(1000),
  /** none: no file; ok: the file is in force; bad: the file was refused (see problems). */
  status: z.enum(['none', 'ok', 'bad']),
  /** What is in force now: the file, the last good copy of it, or no policy at all. */
  inForce: z.enum(['file', 'last-good', 'none']),
  version: z.number().int().nullable(),
  problems: z.array(PolicyProblemSchema).max(100),
  checkedAt: InstantSchema,
});
export type PolicyReport = z.infer<typeof PolicyReportSchema>;

/** Settings IT's policy can lock; a locked one is shown greyed, "Managed by your organization", and not changeable. */
export const ManagedKeySchema = z.enum(['language', 'timeZone', 'privacy.hideSubjects', 'privacy.hideOrganizers', 'adminPin', 'provider', 'calendar', 'features', 'signInMethod', 'join', 'updateChannel']);
export type ManagedKey = z.infer<typeof ManagedKeySchema>;

/** The room's own settings as the admin (or the first-configuration wizard) sees them. */
export const RoomSettingsViewSchema = z.object({
  language: LanguageSchema,
  timeZone: z.string().max(64),
  /** Where the PC thinks it is, and its clock: the wizard asks the admin to confirm the room's zone against it. */
  machineTimeZone: z.string().max(64),
  machineTime: InstantSchema,
  privacy: PrivacySchema,
  /** The Microsoft tenant the room signs in to (from the authority), for the wizard's provider step. */
  tenant: z.string().max(200).nullable(),
  managed: z.array(ManagedKeySchema).max(20),
  policy: PolicyReportSchema,
});
export type RoomSettingsView = z.infer<typeof RoomSettingsViewSchema>;

/** What the admin may change here; a key locked by policy is refused. */
export const RoomSettingsChangeSchema = z
  .object({
    language: LanguageSchema.optional(),
    timeZone: z.string().min(1).max(64).optional(),
    privacy: PrivacySchema.partial().strict().optional(),
    pin: z.string().regex(/^\d{4,12}$/).optional(),
  })
  .strict();

// ───────────────────────────── Files (workspace session) ─────────────────────────────

/** Where files come from: the room account's drives, and a person's own OneDrive signed in from their phone. */
export const DriveSourceSchema = z.enum(['onedrive', 'google-drive', 'dropbox', 'my-onedrive']);
export type DriveSource = z.infer<typeof DriveSourceSchema>;

/** A file or folder as the Files screen lists it (ids are the provider's, opaque to the renderer). */
export const DriveEntrySchema = z.object({
  id: z.string().min(1).max(1024),
  name: z.string().min(1).max(512),
  kind: z.enum(['folder', 'file']),
  /** Bytes; null for folders and for Google Docs/Sheets/Slides (they have no size until exported). */
  size: z.number().int().min(0).nullable(),
  modified: InstantSchema.nullable(),
  /** What opening it gives: an image or PDF for the viewer, an Office/Google document for the web editor. */
  type: z.enum(['folder', 'image', 'pdf', 'document', 'other']),
  /** The provider's web page for the item (Office for the web / Google Docs editors); null when it has none. */
  webUrl: z.url().max(4096).nullable(),
});
export type DriveEntry = z.infer<typeof DriveEntrySchema>;

/** A file brought into this session's workspace folder on the kiosk. */
export const WorkspaceFileSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{16}$/),
  name: z.string().min(1).max(512),
  size: z.number().int().min(0),
  /** Of the copy on the kiosk: a Google Doc arrives as a PDF. */
  type: DriveEntrySchema.shape.type,
  source: DriveSourceSchema,
  /** An Office/Google document with a web editor (`webUrl`): Edit opens it there. */
  editable: z.boolean(),
  webUrl: z.url().max(4096).nullable(),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

/** Pushed while a file is being imported. */
export const ImportProgressSchema = z.object({ entryId: z.string().max(1024), received: z.number().int().min(0), total: z.number().int().min(0).nullable() });
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** What "End session" removed, for the "room is clean" confirmation. */
export const CleanReportSchema = z.object({
  files: z.array(z.string().max(512)).max(1000),
  /** Editor and join windows whose cookies and storage were wiped. */
  windows: z.number().int().min(0),
  /** Personal connections (people's own drives) dropped, with their tokens. */
  connections: z.array(z.string().max(320)).max(50),
});
export type CleanReport = z.infer<typeof CleanReportSchema>;
