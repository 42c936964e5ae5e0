import { stableDigits, stableUuid } from '../core/ids';
import { PEOPLE } from '../microsoft/seed/accounts';
import type { OAuthAccount } from '../oauth2-generic/model';

/** Webex ids are Base64 of a `ciscospark://us/<TYPE>/<uuid>` URI, without padding. */
export function webexId(type: string, uuid: string): string {
  return Buffer.from(`ciscospark://us/${type}/${uuid}`).toString('base64').replace(/=+$/, '');
}

export const WEBEX_ORG_ID = webexId('ORGANIZATION', stableUuid('webex:org:contoso'));
export const WEBEX_SITE = 'contoso.webex.com';

export interface WebexPerson extends OAuthAccount {
  readonly firstName: string;
  readonly lastName: string;
  readonly title: string;
  readonly department: string;
  readonly timezone: string;
  readonly locality: string;
  readonly phone: string;
  readonly status: 'active' | 'inactive' | 'DoNotDisturb' | 'meeting' | 'OutOfOffice';
}

function person(email: string, firstName: string, lastName: string, details: Pick<WebexPerson, 'title' | 'department' | 'timezone' | 'locality' | 'status'>): WebexPerson {
  return {
    id: webexId('PEOPLE', stableUuid(`webex:person:${email}`)),
    email,
    displayName: `${firstName} ${lastName}`.trim(),
    firstName,
    lastName,
    phone: `+39 02 5550 ${stableDigits(`webex:phone:${email}`, 4)}`,
    ...details,
  };
}

/** The room's Webex account: the one the kiosk signs in with. */
export const ROOM_WEBEX = person('room.webex@contoso.com', 'Boardroom 4', '', { title: 'Meeting room', department: 'Facilities', timezone: 'Europe/Rome', locality: 'Milan', status: 'active' });

const STATUSES: readonly WebexPerson['status'][] = ['active', 'meeting', 'inactive', 'DoNotDisturb', 'OutOfOffice'];

/** The org's people directory (same people as the Microsoft tenant), the room first. */
export const WEBEX_PEOPLE: readonly WebexPerson[] = [
  ROOM_WEBEX,
  ...Object.values(PEOPLE).map((p, index) =>
    person(p.mail, p.givenName ?? '', p.surname ?? '', {
      title: p.jobTitle ?? '',
      department: 'Contoso',
      timezone: p.timeZone,
      locality: p.officeLocation ?? '',
      status: STATUSES[index % STATUSES.length] ?? 'active',
    }),
  ),
];

export const WEBEX_SIGN_IN_ACCOUNTS: readonly WebexPerson[] = [ROOM_WEBEX];
