/** Google OAuth scopes: full URLs except the OpenID ones; `email` and `profile` are aliases of the userinfo scopes. */

export const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  openid: 'openid',
  email: `${AUTH}userinfo.email`,
  profile: `${AUTH}userinfo.profile`,
  calendar: `${AUTH}calendar`,
  calendarReadonly: `${AUTH}calendar.readonly`,
  calendarEvents: `${AUTH}calendar.events`,
  calendarEventsReadonly: `${AUTH}calendar.events.readonly`,
  calendarListReadonly: `${AUTH}calendar.calendarlist.readonly`,
  calendarList: `${AUTH}calendar.calendarlist`,
  directoryReadonly: `${AUTH}directory.readonly`,
  contactsReadonly: `${AUTH}contacts.readonly`,
  otherContactsReadonly: `${AUTH}contacts.other.readonly`,
  driveFile: `${AUTH}drive.file`,
  driveReadonly: `${AUTH}drive.readonly`,
  drive: `${AUTH}drive`,
  driveAppdata: `${AUTH}drive.appdata`,
  meetSpaceCreated: `${AUTH}meetings.space.created`,
  resourceCalendarReadonly: `${AUTH}admin.directory.resource.calendar.readonly`,
  gmailSend: `${AUTH}gmail.send`,
  youtube: `${AUTH}youtube`,
  youtubeReadonly: `${AUTH}youtube.readonly`,
} as const;

/** One-line descriptions for the consent page, worded like Google's consent screen. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  [SCOPES.openid]: 'Associate you with your personal info on Google',
  [SCOPES.email]: 'See your primary Google Account email address',
  [SCOPES.profile]: 'See your personal info, including any personal info you’ve made publicly available',
  [SCOPES.calendar]: 'See, edit, share, and permanently delete all the calendars you can access using Google Calendar',
  [SCOPES.calendarReadonly]: 'See and download any calendar you can access using your Google Calendar',
  [SCOPES.calendarEvents]: 'View and edit events on all your calendars',
  [SCOPES.calendarEventsReadonly]: 'View events on all your calendars',
  [SCOPES.calendarListReadonly]: 'See the list of Google calendars you’re subscribed to',
  [SCOPES.calendarList]: 'See, add, and remove Google calendars you’re subscribed to',
  [SCOPES.directoryReadonly]: 'See and download your organization’s Google Workspace directory',
  [SCOPES.contactsReadonly]: 'See and download your contacts',
  [SCOPES.otherContactsReadonly]: 'See and download contact info automatically saved in your “Other contacts”',
  [SCOPES.driveFile]: 'See, edit, create, and delete only the specific Google Drive files you use with this app',
  [SCOPES.driveReadonly]: 'See and download all your Google Drive files',
  [SCOPES.drive]: 'See, edit, create, and delete all of your Google Drive files',
  [SCOPES.driveAppdata]: 'See, create, and delete its own configuration data in your Google Drive',
  [SCOPES.meetSpaceCreated]: 'Create, edit, and see information about your Google Meet conferences created by the app',
  [SCOPES.resourceCalendarReadonly]: 'View calendar resources on your domain',
  [SCOPES.gmailSend]: 'Send email on your behalf',
  [SCOPES.youtube]: 'Manage your YouTube account',
  [SCOPES.youtubeReadonly]: 'View your YouTube account',
};

const ALIASES: Readonly<Record<string, string>> = { email: SCOPES.email, profile: SCOPES.profile };

/** The scopes Google lets the limited-input device flow ask for; Calendar is not among them. */
export const DEVICE_FLOW_SCOPES: readonly string[] = [SCOPES.openid, SCOPES.email, SCOPES.profile, SCOPES.driveAppdata, SCOPES.driveFile, SCOPES.youtube, SCOPES.youtubeReadonly];

/** Scopes that let a token call each API method (any one suffices), per the methods' reference pages. */
export const API_SCOPES = {
  calendarListRead: [SCOPES.calendar, SCOPES.calendarReadonly, SCOPES.calendarList, SCOPES.calendarListReadonly],
  calendarGet: [SCOPES.calendar, SCOPES.calendarReadonly],
  eventsRead: [SCOPES.calendar, SCOPES.calendarReadonly, SCOPES.calendarEvents, SCOPES.calendarEventsReadonly],
  eventsWrite: [SCOPES.calendar, SCOPES.calendarEvents],
  directorySearch: [SCOPES.directoryReadonly],
  otherContactsSearch: [SCOPES.otherContactsReadonly],
  userinfo: [SCOPES.openid, SCOPES.email, SCOPES.profile],
  // messages.send also accepts gmail.compose, gmail.modify and mail.google.com; the kiosk only ever asks for gmail.send.
  gmailSend: [SCOPES.gmailSend],
} as const;

/** The `scope` parameter exactly as sent (split, de-duplicated, order kept): what the request log records. */
export function splitScopeParam(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(/\s+/).filter((scope) => scope !== ''))];
}

export function canonicalScope(scope: string): string {
  return ALIASES[scope] ?? scope;
}

export function isKnownScope(scope: string): boolean {
  return canonicalScope(scope) in DESCRIPTIONS;
}

/** Canonical, de-duplicated scopes of a request; unknown ones are kept so the caller can reject them by name. */
export function parseScopes(value: string | undefined): string[] {
  return [...new Set(splitScopeParam(value).map(canonicalScope))];
}

export function describeScope(scope: string): string {
  return DESCRIPTIONS[scope] ?? scope;
}

export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

export function hasAnyScope(held: readonly string[], anyOf: readonly string[]): boolean {
  return anyOf.some((scope) => held.includes(scope));
}
