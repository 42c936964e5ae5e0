/** Webex integration scopes the seeds name (000: meetings and people; 001: controls, participants, web client). */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  // Login with Webex (OpenID Connect): who you are, nothing of your data.
  openid: 'Sign you in with your Webex identity',
  email: 'See your email address',
  profile: 'See your name',
  'meeting:schedules_read': 'Retrieve your Webex meeting lists and details',
  'meeting:schedules_write': 'Create, update, and delete your Webex meetings',
  'meeting:preferences_read': 'Retrieve your Webex meeting preferences',
  'meeting:controls_read': 'Read the controls of your live Webex meetings',
  'meeting:controls_write': 'Lock, unlock and record your live Webex meetings',
  'meeting:participants_read': 'Read the participants of your Webex meetings',
  'meeting:participants_write': 'Manage the participants of your Webex meetings',
  'spark:people_read': 'Read your company directory',
  'spark:all': 'Full access to your Webex account',
  'spark:kms': 'Permission to interact with encrypted content',
  'spark:calls_read': 'List your calls',
  'spark:devices_read': 'See your devices',
  'spark:devices_write': 'Manage your devices',
  'spark:organizations_read': 'Access to read your organization',
  'spark:places_read': 'Read your places',
  'analytics:read_all': 'Access to read your analytics',
};

export const WEBEX_KNOWN_SCOPES: readonly string[] = Object.keys(DESCRIPTIONS);

export function describeWebexScope(scope: string): string {
  return DESCRIPTIONS[scope] ?? scope;
}

/** Any one of these lets a token call the endpoint. `spark:all` covers the people API, not meetings. */
export const WEBEX_ENDPOINT_SCOPES = {
  readMeetings: ['meeting:schedules_read'],
  writeMeetings: ['meeting:schedules_write'],
  participants: ['meeting:participants_read'],
  readControls: ['meeting:controls_read'],
  writeControls: ['meeting:controls_write'],
  people: ['spark:people_read', 'spark:all'],
} as const satisfies Record<string, readonly string[]>;
