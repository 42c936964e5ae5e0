/** Dropbox scopes (https://developers.dropbox.com/oauth-guide). A write scope implies its read scope. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'account_info.read': 'View basic information about your Dropbox account such as your username, email, and country',
  'account_info.write': 'View and edit basic information about your Dropbox account',
  'files.metadata.read': 'View information about your Dropbox files and folders',
  'files.metadata.write': 'View and edit information about your Dropbox files and folders',
  'files.content.read': 'View content of your Dropbox files and folders',
  'files.content.write': 'Edit content of your Dropbox files and folders',
  'sharing.read': 'View your Dropbox sharing settings and collaborators',
  'sharing.write': 'View and manage your Dropbox sharing settings and collaborators',
  'file_requests.read': 'View your file requests',
  'file_requests.write': 'View and manage your file requests',
  'contacts.read': 'View your manually added Dropbox contacts',
  openid: 'Sign you in with your Dropbox account',
  email: 'View your email address',
  profile: 'View your basic profile',
};

export const DROPBOX_KNOWN_SCOPES: readonly string[] = Object.keys(DESCRIPTIONS);

/** The seed's scope set (configured in the App Console; granted when an authorize request names none). */
export const DROPBOX_CONFIGURED_SCOPES: readonly string[] = ['account_info.read', 'files.metadata.write', 'files.content.write'];

export function describeDropboxScope(scope: string): string {
  return DESCRIPTIONS[scope] ?? scope;
}

const IMPLIES: Readonly<Record<string, readonly string[]>> = {
  'account_info.write': ['account_info.read'],
  'files.metadata.write': ['files.metadata.read'],
  'files.content.write': ['files.content.read', 'files.metadata.read'],
  'files.content.read': ['files.metadata.read'],
  'sharing.write': ['sharing.read'],
  'file_requests.write': ['file_requests.read'],
};

export function impliedDropboxScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes.flatMap((scope) => [scope, ...(IMPLIES[scope] ?? [])]))];
}

export const DROPBOX_ENDPOINT_SCOPES = {
  account: ['account_info.read'],
  listFiles: ['files.metadata.read'],
  readContent: ['files.content.read'],
  writeContent: ['files.content.write'],
  share: ['sharing.write'],
  any: [],
} as const satisfies Record<string, readonly string[]>;
