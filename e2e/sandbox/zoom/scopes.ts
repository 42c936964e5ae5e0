/**
 * Zoom OAuth scopes: the classic ones the seed names (user:read, meeting:write, contact:read, user:write) and their
 * granular successors. A classic `:write` scope includes reading ("View and manage ...").
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'user:read': 'View your user information',
  'user:write': 'View and manage your user information',
  'meeting:read': 'View your meetings',
  'meeting:write': 'View and manage your meetings',
  'contact:read': 'View your contact information',
  'user:read:user': 'View a user',
  'meeting:read:meeting': 'View a meeting',
  'meeting:read:list_meetings': 'View a user’s meetings',
  'meeting:write:meeting': 'Create a meeting for a user',
  'meeting:delete:meeting': 'Delete a meeting',
  'contact:read:list_contacts': 'View contacts',
};

export const ZOOM_KNOWN_SCOPES: readonly string[] = Object.keys(DESCRIPTIONS);

/** The seed's scope set: what the app is configured with in the Marketplace (granted when no scope is asked for). */
export const ZOOM_CONFIGURED_SCOPES: readonly string[] = ['user:read', 'meeting:write', 'contact:read', 'user:write'];

export function describeZoomScope(scope: string): string {
  return DESCRIPTIONS[scope] ?? scope;
}

/** Any one of these lets a token call the endpoint. */
export const ZOOM_ENDPOINT_SCOPES = {
  me: ['user:read', 'user:write', 'user:read:user'],
  createMeeting: ['meeting:write', 'meeting:write:meeting'],
  getMeeting: ['meeting:read', 'meeting:write', 'meeting:read:meeting'],
  listMeetings: ['meeting:read', 'meeting:write', 'meeting:read:list_meetings'],
  deleteMeeting: ['meeting:write', 'meeting:delete:meeting'],
  contacts: ['contact:read', 'contact:read:list_contacts'],
} as const satisfies Record<string, readonly string[]>;
