/** Scope strings as Entra sees them: Graph's resource prefix is optional, names are case-insensitive. */

export const GRAPH_RESOURCE = 'https://graph.microsoft.com/';

/** OpenID Connect scopes: part of every request msal makes, never permissions on a resource. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** Canonical spelling of the Graph permissions the kiosk (and later issues) use; others pass through as sent. */
const KNOWN_SCOPES = [
  ...OIDC_SCOPES,
  '.default',
  'User.Read',
  'User.ReadBasic.All',
  'People.Read',
  'Calendars.ReadBasic',
  'Calendars.Read',
  'Calendars.Read.Shared',
  'Calendars.ReadWrite',
  'Calendars.ReadWrite.Shared',
  'Mail.Send',
  'Mail.Read',
  'Mail.Read.Shared',
  'MailboxSettings.Read',
  'OnlineMeetings.ReadWrite',
  'Files.Read',
  'Files.Read.All',
  'Files.ReadWrite',
  'Files.ReadWrite.All',
  'Place.Read.All',
];

const CANONICAL = new Map(KNOWN_SCOPES.map((scope) => [scope.toLowerCase(), scope]));

export function canonicalScope(scope: string): string {
  const bare = scope.toLowerCase().startsWith(GRAPH_RESOURCE) ? scope.slice(GRAPH_RESOURCE.length) : scope;
  return CANONICAL.get(bare.toLowerCase()) ?? bare;
}

/** The `scope` parameter as a de-duplicated list of canonical names. */
export function parseScopeParam(value: string | undefined): string[] {
  const result: string[] = [];
  for (const raw of (value ?? '').split(/\s+/)) {
    if (raw === '') continue;
    const scope = canonicalScope(raw);
    if (!containsScope(result, scope)) result.push(scope);
  }
  return result;
}

export function isOidcScope(scope: string): boolean {
  return (OIDC_SCOPES as readonly string[]).includes(scope.toLowerCase());
}

/** Resource permissions only (what consent and access tokens are about). */
export function permissionScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !isOidcScope(scope) && scope !== '.default');
}

export function containsScope(scopes: readonly string[], scope: string): boolean {
  const wanted = scope.toLowerCase();
  return scopes.some((candidate) => candidate.toLowerCase() === wanted);
}

export function hasAnyScope(scopes: readonly string[], anyOf: readonly string[]): boolean {
  return anyOf.some((scope) => containsScope(scopes, scope));
}

/** One-line descriptions for the consent page, worded like Entra's consent prompt. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
  'User.Read': 'Sign you in and read your profile',
  'User.ReadBasic.All': "Read all users' basic profiles",
  'People.Read': 'Read users relevant to you',
  'Calendars.ReadBasic': 'Read basic details of your calendars',
  'Calendars.Read': 'Read your calendars',
  'Calendars.Read.Shared': 'Read user and shared calendars',
  'Calendars.ReadWrite': 'Have full access to your calendars',
  'Calendars.ReadWrite.Shared': 'Read and write user and shared calendars',
  'Mail.Send': 'Send mail as you',
  'Mail.Read': 'Read your mail',
  'Mail.Read.Shared': 'Read user and shared mail',
  'OnlineMeetings.ReadWrite': 'Read and create your online meetings',
  'Files.Read': 'Read your files',
  'Files.ReadWrite': 'Have full access to your files',
};

export function describeScope(scope: string): string {
  return DESCRIPTIONS[scope] ?? `Use the "${scope}" permission`;
}
