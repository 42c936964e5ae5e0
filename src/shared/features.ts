import { z } from 'zod';
import type { ProviderId } from './model';

/**
 * The feature → scope catalog: for every provider, each room feature and exactly the OAuth scopes it asks for.
 * A feature that is off contributes no scope; switching one on asks for `addedScopes` only.
 *
 * Facts come from the seed tables (Mago Room OAuth scopes: Microsoft 365, Google Workspace, Zoom, Webex, Dropbox;
 * Mago's Webex App Hub page). Where the seed is wrong for the API as it really works, the entry requests what the
 * API needs, keeps what the seed said in `seedScopes`, and a comment cites the API documentation.
 *
 * Pure data and functions: compiled into both main and renderer (no Node, no DOM).
 */

export const FEATURE_IDS = [
  'microsoft.sign-in',
  'microsoft.offline',
  'microsoft.calendar',
  'microsoft.meeting-links',
  'microsoft.instant-meeting',
  'microsoft.directory',
  'microsoft.send-mail',
  'microsoft.files',
  'google.sign-in',
  'google.calendar',
  'google.instant-meeting',
  'google.directory',
  'google.files',
  'google.files-browse',
  'google.send-mail',
  'zoom.sign-in',
  'zoom.instant-meeting',
  'zoom.directory',
  'zoom.revoke',
  'webex.sign-in',
  'webex.overlap-check',
  'webex.instant-meeting',
  'webex.directory',
  'webex.meeting-controls',
  'webex.participants',
  'webex.web-client',
  'dropbox.sign-in',
  'dropbox.files',
] as const;

/** For feature ids arriving from config files or IPC. */
export const FeatureIdSchema = z.enum(FEATURE_IDS);
export type FeatureId = z.infer<typeof FeatureIdSchema>;

export interface FeatureDef {
  id: FeatureId;
  provider: ProviderId;
  /** What the room can do with it, one short sentence. */
  feature: string;
  /** Exactly what we request: full URL form for Google, bare names for Graph. */
  scopes: readonly string[];
  /** One line: why this feature needs these scopes. */
  why: string;
  /** One line: how Roomdeck uses them (which API calls). */
  how: string;
  /** Features that must be on for this one to work; their scopes come along. */
  requires: readonly FeatureId[];
  /** Comes with connecting the provider; the settings screen shows it without a switch. */
  alwaysOn?: boolean;
  /** Where we deviate from the seed table: what the seed said (the comment on the entry says why). */
  seedScopes?: readonly string[];
  /**
   * The provider's API documentation behind a departure from the seed (different scopes, or an entry the seed has
   * no row for): what a security reviewer checks the entry against.
   */
  docs?: readonly string[];
}

/** Zoom's own explanation of its granular scopes, which replace the seed's classic ones for new apps. */
const ZOOM_GRANULAR = ['https://developers.zoom.us/docs/integrations/oauth-scopes-overview/', 'https://developers.zoom.us/docs/integrations/migrate/'];

/** Google scopes are requested in their full URL form. */
const google = (name: string): string => `https://www.googleapis.com/auth/${name}`;

export const features: readonly FeatureDef[] = [
  // ───────────────────────────── Microsoft 365 (Microsoft Graph, delegated) ─────────────────────────────
  {
    id: 'microsoft.sign-in',
    provider: 'microsoft',
    feature: 'Sign in with the room account and show its name and mailbox address',
    // Seed: `openid profile`. One addition, honest about the wire: offline_access — msal-node appends
    // OIDC_DEFAULT_SCOPES = [openid, profile, offline_access] to every authorize and token request
    // (node_modules/@azure/msal-common/src/utils/Constants.ts, used by RequestParameterBuilder.addScopes).
    // No User.Read: the room's name and address come from the ID token (`name`, `preferred_username`) and from
    // the chosen calendar's `owner` (GET /me/calendars, covered by Calendars.Read), so GET /me is never called.
    scopes: ['openid', 'profile', 'offline_access'],
    seedScopes: ['openid', 'profile'],
    docs: [
      'https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc#openid-connect-scopes',
      'https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc#the-offline_access-scope',
    ],
    why: 'Identify the room account by its name and sign-in address.',
    how: 'OIDC sign-in through msal-node; the ID token gives the name and address shown during setup.',
    requires: [],
    alwaysOn: true,
  },
  {
    id: 'microsoft.offline',
    provider: 'microsoft',
    feature: 'Stay signed in without IT re-authorizing the room every hour',
    // The seed's row, kept as its own entry so the reviewer sees it; msal-node always requests offline_access
    // (see microsoft.sign-in), so this cannot be switched off while Microsoft is connected.
    scopes: ['offline_access'],
    why: 'A refresh token lets the kiosk renew its one-hour access tokens unattended.',
    how: 'msal-node keeps the refresh token in the encrypted token cache and redeems it in acquireTokenSilent.',
    requires: ['microsoft.sign-in'],
    alwaysOn: true,
  },
  {
    id: 'microsoft.calendar',
    provider: 'microsoft',
    feature: "Choose a room calendar and list its meetings on the home screen",
    scopes: ['Calendars.Read', 'Calendars.Read.Shared'],
    why: "Read the room account's own calendar, or a room calendar shared with it.",
    how: 'GET /me/calendars to choose; GET /me|/users/{owner}/calendars/{id}/calendarView for the agenda.',
    requires: ['microsoft.sign-in'],
  },
  {
    id: 'microsoft.meeting-links',
    provider: 'microsoft',
    feature: "Find join links of 20+ meeting services in the invitations sent to the room's mailbox",
    scopes: ['Mail.Read'],
    why: 'Room mailboxes often strip the body of accepted meetings; the join link survives in the invitation mail.',
    how: 'GET /me/messages filtered to meeting requests; the link detector reads their bodies, nothing is stored.',
    requires: ['microsoft.calendar'],
  },
  {
    id: 'microsoft.instant-meeting',
    provider: 'microsoft',
    feature: 'Meet now: create a Teams meeting and book the room at once',
    scopes: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared', 'OnlineMeetings.ReadWrite'],
    why: 'An event in the room calendar reserves the room; the Teams link is an online meeting of the room account.',
    how: 'POST /me/onlineMeetings for the link, then POST …/calendars/{id}/events in the room calendar.',
    requires: ['microsoft.calendar'],
  },
  {
    id: 'microsoft.directory',
    provider: 'microsoft',
    feature: 'Search the company directory for people to send a meeting link to',
    // Seed: User.Read. User.Read only reads the signed-in user (the room itself). Searching the organisation is
    // GET /users?$search, whose least privileged delegated permission is User.ReadBasic.All (user-consentable;
    // basic profile: name, mail, photo). GET /me/people would need People.Read but ranks by the room account's own
    // mail traffic, which is almost empty, so we do not use it.
    scopes: ['User.ReadBasic.All'],
    seedScopes: ['User.Read'],
    docs: ['https://learn.microsoft.com/en-us/graph/api/user-list#permissions', 'https://learn.microsoft.com/en-us/graph/api/user-list-people#permissions'],
    why: "Look up colleagues' names and addresses; only the basic profile is readable.",
    how: 'GET /users?$search="displayName:…" (ConsistencyLevel: eventual) with $select=displayName,mail.',
    requires: ['microsoft.sign-in'],
  },
  {
    id: 'microsoft.send-mail',
    provider: 'microsoft',
    feature: "Send mail from the room's mailbox: meeting links, shared files, health notices, recaps",
    scopes: ['Mail.Send'],
    why: 'Mail goes out as the room account, never as a person.',
    how: 'POST /me/sendMail.',
    requires: ['microsoft.sign-in'],
  },
  {
    id: 'microsoft.files',
    provider: 'microsoft',
    feature: 'Browse, import, open and edit OneDrive files during a session',
    // Kept as in the seed. The narrower Files.ReadWrite covers only the room account's own OneDrive, which is
    // usually empty: the files people want on screen are shared *with* the room, and listing those
    // (GET /me/drive/sharedWithMe) needs Files.Read.All, editing them Files.ReadWrite.All:
    // https://learn.microsoft.com/en-us/graph/api/drive-sharedwithme#permissions.
    scopes: ['Files.ReadWrite.All'],
    why: 'Open and save files in the room\'s OneDrive and files people shared with the room.',
    how: 'GET /me/drive/root/children and /me/drive/sharedWithMe; GET …/content to open; PUT …/content to save.',
    requires: ['microsoft.sign-in'],
  },

  // ───────────────────────────── Google Workspace ─────────────────────────────
  {
    id: 'google.sign-in',
    provider: 'google',
    feature: 'Sign in with the room account and show its address',
    // Seed: auth/userinfo.email. We add `openid` so the account has a stable subject (`sub`) as well as its verified
    // email, read from the OpenID userinfo endpoint. No `profile`: the room's display name comes from the chosen
    // calendar. The refresh token comes from access_type=offline, not a scope; revoking at disconnect needs none.
    scopes: ['openid', google('userinfo.email')],
    seedScopes: [google('userinfo.email')],
    docs: ['https://developers.google.com/identity/openid-connect/openid-connect#scope-param', 'https://developers.google.com/identity/protocols/oauth2/native-app#tokenrevoke'],
    why: 'Identify the room account by its verified address.',
    how: 'Loopback + PKCE in the system browser; GET userinfo gives sub and email; the name comes from the calendar.',
    requires: [],
    alwaysOn: true,
  },
  {
    id: 'google.calendar',
    provider: 'google',
    feature: 'Choose a room calendar and list its meetings on the home screen',
    // Seed: calendar.readonly + calendar.events. Listing calendars and events is read-only; calendar.readonly
    // covers CalendarList.list and Events.list ("See and download any calendar you can access"). calendar.events
    // (write) is requested by google.instant-meeting, the only feature that writes.
    scopes: [google('calendar.readonly')],
    seedScopes: [google('calendar.readonly'), google('calendar.events')],
    docs: ['https://developers.google.com/workspace/calendar/api/auth'],
    why: 'Read the room calendar and its meetings, including Meet links and invitation text.',
    how: 'calendarList.list to choose; events.list(singleEvents, timeMin/timeMax) for the agenda.',
    requires: ['google.sign-in'],
  },
  {
    id: 'google.instant-meeting',
    provider: 'google',
    feature: 'Meet now: create a Google Meet meeting and book the room at once',
    scopes: [google('calendar.events')],
    why: 'Creating the event in the room calendar reserves the room and makes the Meet link.',
    how: 'events.insert with conferenceDataVersion=1 and a hangoutsMeet createRequest.',
    requires: ['google.calendar'],
  },
  {
    id: 'google.directory',
    provider: 'google',
    feature: 'Search the company directory for people to send a meeting link to',
    // Seed: contacts.readonly + contacts.other.readonly. Those read the signed-in account's *personal* contacts
    // (people.searchContacts) and its auto-saved "Other contacts" (otherContacts.search); a room account has
    // almost none, and "other contacts" of a shared room are a privacy leak. The organisation's directory is
    // people.searchDirectoryPeople, whose only scope is directory.readonly (it needs Workspace "Directory sharing /
    // contact sharing" on, which is the default).
    scopes: [google('directory.readonly')],
    seedScopes: [google('contacts.readonly'), google('contacts.other.readonly')],
    docs: ['https://developers.google.com/people/api/rest/v1/people/searchDirectoryPeople', 'https://developers.google.com/people/api/rest/v1/otherContacts/search'],
    why: "Look up colleagues' names and addresses in the Workspace directory.",
    how: 'people.searchDirectoryPeople(query, readMask=names,emailAddresses) over the domain profiles.',
    requires: ['google.sign-in'],
  },
  {
    id: 'google.files',
    provider: 'google',
    feature: 'Import, open and edit Google Drive files picked for a session',
    // Seed: drive + drive.file. `drive` is a restricted scope (every file of the account; Google requires a
    // restricted-scope verification and security assessment) and Google recommends the non-sensitive drive.file
    // wherever the user picks the files. With drive.file, Roomdeck sees the files it created and the files picked
    // with the Google Picker, which include files shared with the room. That is the default; whole-Drive browsing
    // is the opt-in google.files-browse.
    scopes: [google('drive.file')],
    seedScopes: [google('drive'), google('drive.file')],
    docs: ['https://developers.google.com/workspace/drive/api/guides/api-specific-auth'],
    why: 'Per-file access: only files picked on the kiosk or created by Roomdeck, never the rest of the Drive.',
    how: 'Google Picker to choose; files.get(alt=media) / files.export to open; files.create / files.update to save.',
    requires: ['google.sign-in'],
  },
  {
    id: 'google.files-browse',
    provider: 'google',
    feature: "Browse the room account's whole Google Drive (opt-in)",
    // The seed's broad `drive`, split out so only rooms that need a full file browser ask for it.
    scopes: [google('drive')],
    docs: ['https://developers.google.com/workspace/drive/api/guides/api-specific-auth'],
    why: 'Listing every file, not only picked ones, needs the full (restricted) Drive scope.',
    how: 'files.list over My Drive and sharedWithMe; open and save as in google.files.',
    requires: ['google.files'],
  },
  {
    id: 'google.send-mail',
    provider: 'google',
    feature: "Send mail from the room's Gmail: meeting links, shared files, health notices, recaps (opt-in)",
    // Not in the seed table (its Google rows send nothing). gmail.send is send-only: no mailbox read.
    scopes: [google('gmail.send')],
    docs: ['https://developers.google.com/workspace/gmail/api/auth/scopes'],
    why: 'Mail goes out as the room account; Roomdeck cannot read the mailbox.',
    how: 'users.messages.send with userId=me and a raw RFC 5322 message.',
    requires: ['google.sign-in'],
  },

  // ───────────────────────────── Zoom ─────────────────────────────
  // The seed lists Zoom's classic scopes. Zoom apps created today only offer granular scopes ("Newly created apps
  // use granular scopes"; classic scopes remain only on older apps): ZOOM_GRANULAR below.
  // Each entry requests the granular scope for the one API it calls and keeps the classic one in seedScopes.
  {
    id: 'zoom.sign-in',
    provider: 'zoom',
    feature: "Sign in with Zoom and show the account's name and address",
    scopes: ['user:read:user'],
    seedScopes: ['user:read'],
    docs: [...ZOOM_GRANULAR, 'https://developers.zoom.us/docs/api/users/'],
    why: 'Identify the Zoom account that will host meetings.',
    how: 'GET /v2/users/me (first_name, last_name, email).',
    requires: [],
    alwaysOn: true,
  },
  {
    id: 'zoom.instant-meeting',
    provider: 'zoom',
    feature: 'Meet now: create a Zoom meeting and book the room with its link',
    // Seed: meeting:write, which in Zoom's classic scopes also lists and deletes ("View and manage your meetings").
    // Granular scopes split those: POST /users/{userId}/meetings needs meeting:write:meeting, GET
    // /users/{userId}/meetings meeting:read:list_meetings, DELETE /meetings/{meetingId} meeting:delete:meeting.
    // Zoom has no idempotency key, so a create whose answer got lost is found again in the list (never re-posted),
    // and a meeting whose room booking failed is deleted.
    scopes: ['meeting:write:meeting', 'meeting:read:list_meetings', 'meeting:delete:meeting'],
    seedScopes: ['meeting:write'],
    docs: [...ZOOM_GRANULAR, 'https://developers.zoom.us/docs/api/meetings/'],
    why: 'Create a meeting hosted by the connected Zoom account; find it again after a lost answer; delete it if the room could not be booked.',
    how: 'POST /v2/users/me/meetings (type=2 from now, the booking length); GET …/meetings?type=upcoming; DELETE /v2/meetings/{id}.',
    requires: ['zoom.sign-in'],
  },
  {
    id: 'zoom.directory',
    provider: 'zoom',
    feature: 'Search Zoom contacts for people to send a meeting link to',
    scopes: ['contact:read:list_contacts'],
    seedScopes: ['contact:read'],
    docs: [...ZOOM_GRANULAR, 'https://developers.zoom.us/docs/api/team-chat/'],
    why: 'Look up colleagues in the Zoom company contacts.',
    how: 'GET /v2/contacts?search_key=…&query_presence_status=false.',
    requires: ['zoom.sign-in'],
  },
  {
    id: 'zoom.revoke',
    provider: 'zoom',
    feature: 'Revoke the Zoom authorization when Zoom is disconnected',
    // Seed: user:write. The revoke endpoint is authenticated with the app's client id and secret (HTTP Basic)
    // and takes the token in the body; it checks no scope ("Revoking an access token"). Asking for user:write
    // (edit the user's profile) would be a scope no feature uses. The feature stays, with no scope.
    scopes: [],
    seedScopes: ['user:write'],
    docs: ['https://developers.zoom.us/docs/integrations/oauth/'],
    why: 'No scope: revocation is authenticated with the app credentials, not with a user scope.',
    how: 'POST https://zoom.us/oauth/revoke with Basic client_id:client_secret and token=<access token>.',
    requires: ['zoom.sign-in'],
    alwaysOn: true,
  },

  // ───────────────────────────── Cisco Webex ─────────────────────────────
  {
    id: 'webex.sign-in',
    provider: 'webex',
    feature: "Sign in with Webex and show the account's name and address",
    // Not a seed row. Login with Webex (OpenID Connect) gives name and address in the ID token, and an
    // integration may add data scopes in the same request. The alternative, GET /people/me, needs
    // spark:people_read, which would switch directory search on for every Webex room.
    scopes: ['openid', 'email', 'profile'],
    docs: ['https://developer.webex.com/docs/login-with-webex', 'https://developer.webex.com/docs/api/v1/people/get-my-own-details'],
    why: 'Identify the Webex account without reading the company directory.',
    how: 'Authorization code + PKCE; the ID token gives sub, name and email.',
    requires: [],
    alwaysOn: true,
  },
  {
    id: 'webex.overlap-check',
    provider: 'webex',
    feature: "Check the Webex account's scheduled meetings to avoid overlaps",
    scopes: ['meeting:schedules_read'],
    why: 'Read the Webex schedule so a new meeting does not collide with one already booked.',
    how: 'GET /v1/meetings?from=…&to=…&meetingType=scheduledMeeting.',
    requires: ['webex.sign-in'],
  },
  {
    id: 'webex.instant-meeting',
    provider: 'webex',
    feature: 'Meet now: create an instant Webex meeting and book the room',
    // The main seed table lists meeting:schedules_write; the App Hub page (seed 001) adds schedules_read (here via
    // webex.overlap-check) and meeting:preferences_read. preferences_read only serves to read the user's sites
    // (GET /meetingPreferences/sites); POST /meetings without siteUrl uses the user's preferred site, so we do not
    // ask for it.
    scopes: ['meeting:schedules_write'],
    seedScopes: ['meeting:schedules_read', 'meeting:schedules_write', 'meeting:preferences_read'],
    docs: ['https://developer.webex.com/docs/api/v1/meetings/create-a-meeting', 'https://developer.webex.com/docs/api/v1/meeting-preferences/get-site-list'],
    why: "Create a meeting hosted by the room's Webex account, after checking the schedule for overlaps.",
    how: 'POST /v1/meetings starting now for the booking length; the join link goes on screen and into invitations.',
    requires: ['webex.overlap-check'],
  },
  {
    id: 'webex.directory',
    provider: 'webex',
    feature: 'Search the Webex directory for people to send a meeting link to',
    scopes: ['spark:people_read'],
    why: "Look up colleagues' names and addresses in the Webex organisation.",
    how: 'GET /v1/people?displayName=… or ?email=….',
    requires: ['webex.sign-in'],
  },
  {
    id: 'webex.meeting-controls',
    provider: 'webex',
    feature: "Show the running meeting's controls (recording, lock)",
    scopes: ['meeting:controls_read'],
    why: "Read the live meeting's control state to show it on the room screen.",
    how: 'GET /v1/meetings/controls?meetingId=… for the meeting in progress (found via the schedule).',
    requires: ['webex.overlap-check'],
  },
  {
    id: 'webex.participants',
    provider: 'webex',
    feature: 'Show who is in the running meeting',
    scopes: ['meeting:participants_read'],
    why: "Read the live meeting's participant list to show it on the room screen.",
    how: 'GET /v1/meetingParticipants?meetingId=… for the meeting in progress.',
    requires: ['webex.overlap-check'],
  },
  {
    id: 'webex.web-client',
    provider: 'webex',
    feature: 'Join as the room account in the built-in Webex web client (opt-in; guest join needs no scope)',
    // Seed 001: spark:all, spark:calls_read, spark:devices_read, spark:devices_write, spark:organizations_read,
    // spark:places_read, analytics:read_all. spark:all already aggregates every user-level spark:* scope, and
    // Webex says no other user scope should be added next to it. analytics:read_all is the organisation's
    // historical analytics (admin), which a meeting client never reads. Still the broadest Webex grant: off by
    // default.
    scopes: ['spark:all'],
    docs: ['https://developer.webex.com/blog/there-is-a-new-integration-scope-in-town-', 'https://developer.webex.com/docs/integration-scopes'],
    seedScopes: [
      'spark:all',
      'spark:calls_read',
      'spark:devices_read',
      'spark:devices_write',
      'spark:organizations_read',
      'spark:places_read',
      'analytics:read_all',
    ],
    why: 'The Webex web meetings SDK acts as the full Webex user to join with audio, video and sharing.',
    how: 'webex.meetings.create(link) then meeting.join() in the join window, with the room account token.',
    requires: ['webex.sign-in'],
  },

  // ───────────────────────────── Dropbox ─────────────────────────────
  {
    id: 'dropbox.sign-in',
    provider: 'dropbox',
    feature: "Sign in with Dropbox and show the account's name and address",
    scopes: ['account_info.read'],
    why: 'Identify the Dropbox account (Dropbox requires this scope of every user-linked app).',
    how: 'POST /2/users/get_current_account; token_access_type=offline for refresh; /2/auth/token/revoke needs no scope.',
    requires: [],
    alwaysOn: true,
  },
  {
    id: 'dropbox.files',
    provider: 'dropbox',
    feature: 'Browse, import, open and edit Dropbox files during a session',
    // Seed: files.metadata.write + files.content.write. Per the endpoint reference ("Required scope" of each
    // route): listing (files/list_folder, files/search_v2) needs files.metadata.read, opening (files/download)
    // files.content.read, saving (files/upload) files.content.write. files.metadata.write is for editing
    // metadata (tags, properties), which Roomdeck never does. We name the read scopes explicitly because the
    // authorize `scope` parameter asks for exactly the scopes listed.
    scopes: ['files.metadata.read', 'files.content.read', 'files.content.write'],
    seedScopes: ['files.metadata.write', 'files.content.write'],
    docs: ['https://www.dropbox.com/developers/documentation/http/documentation', 'https://dropbox.tech/developers/customizing-scopes-in-oauth-flow'],
    why: 'List folders, download files to open them, upload edits; no sharing, no metadata edits.',
    how: 'files/list_folder and files/search_v2 to browse; files/download to open; files/upload (overwrite) to save.',
    requires: ['dropbox.sign-in'],
  },
];

const byId = new Map<FeatureId, FeatureDef>(features.map((f) => [f.id, f]));

export function featureById(id: FeatureId): FeatureDef {
  const def = byId.get(id);
  if (!def) throw new Error(`Unknown feature: ${String(id)}`);
  return def;
}

/** The provider's features in catalog order (sign-in first): the rows of the settings screen. */
export function featuresOf(provider: ProviderId): FeatureDef[] {
  return features.filter((f) => f.provider === provider);
}

/** The features themselves plus everything they require, transitively. */
export function withRequirements(ids: Iterable<FeatureId>): Set<FeatureId> {
  const out = new Set<FeatureId>();
  const pending = [...ids];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (out.has(id)) continue;
    out.add(id);
    pending.push(...featureById(id).requires);
  }
  return out;
}

/** What to request from `provider` for these enabled features: their scopes and their requirements', sorted. */
export function scopesFor(provider: ProviderId, enabled: Iterable<FeatureId>): string[] {
  const scopes = new Set<string>();
  for (const id of withRequirements(enabled)) {
    const def = featureById(id);
    if (def.provider === provider) for (const scope of def.scopes) scopes.add(scope);
  }
  return [...scopes].sort();
}

/**
 * How a granted scope compares. Microsoft reports Graph scopes case-insensitively and sometimes with the
 * resource prefix (`https://graph.microsoft.com/Mail.Send`); Google may report `email` for userinfo.email.
 */
function scopeKey(provider: ProviderId, scope: string): string {
  if (provider === 'microsoft') return scope.replace(/^https:\/\/graph\.microsoft\.com\//i, '').toLowerCase();
  if (provider === 'google' && scope === 'email') return google('userinfo.email');
  return scope;
}

/** What an incremental consent for `enabling` must ask for, given what the provider already granted. */
export function addedScopes(provider: ProviderId, alreadyGranted: Iterable<string>, enabling: FeatureId): string[] {
  const def = featureById(enabling);
  if (def.provider !== provider) throw new Error(`${enabling} is not a ${provider} feature`);
  const granted = new Set([...alreadyGranted].map((s) => scopeKey(provider, s)));
  return scopesFor(provider, [enabling]).filter((s) => !granted.has(scopeKey(provider, s)));
}

/** One row of `npm run features`: what the security reviewer reads. */
export interface CatalogRow {
  provider: ProviderId;
  feature: string;
  scopes: string[];
  why: string;
}

export function catalogRows(): CatalogRow[] {
  return features.map((f) => ({ provider: f.provider, feature: f.feature, scopes: [...f.scopes], why: f.why }));
}
