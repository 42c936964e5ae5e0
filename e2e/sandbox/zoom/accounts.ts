import { stableDigits, stableLetters } from '../core/ids';
import { PEOPLE } from '../microsoft/seed/accounts';
import type { OAuthAccount } from '../oauth2-generic/model';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';

/** Zoom user and account ids are 22 characters of base64url. */
export function zoomId(seed: string): string {
  return stableLetters(`zoom:${seed}`, 22, ID_ALPHABET);
}

export const ZOOM_ACCOUNT_ID = zoomId('account:contoso');

/** A licensed user on Contoso's Zoom account (what GET /users/me describes). */
export interface ZoomUser extends OAuthAccount {
  readonly firstName: string;
  readonly lastName: string;
  readonly pmi: number;
  readonly timezone: string;
  readonly dept: string;
  readonly jobTitle: string;
  readonly location: string;
  readonly phoneNumber: string;
}

function zoomUser(email: string, firstName: string, lastName: string, details: Pick<ZoomUser, 'timezone' | 'dept' | 'jobTitle' | 'location'>): ZoomUser {
  return {
    id: zoomId(`user:${email}`),
    email,
    displayName: `${firstName} ${lastName}`.trim(),
    firstName,
    lastName,
    pmi: Number(`5${stableDigits(`zoom:pmi:${email}`, 9)}`),
    phoneNumber: `+1 646 555 ${stableDigits(`zoom:phone:${email}`, 4)}`,
    ...details,
  };
}

/** The room's Zoom account: the one the kiosk signs in with. */
export const ROOM_ZOOM = zoomUser('room.zoom@contoso.com', 'Boardroom 4', '', { timezone: 'Europe/Rome', dept: 'Facilities', jobTitle: 'Meeting room', location: 'Milan HQ, floor 4' });

/** Company contacts (same people as the Microsoft tenant, so a demo shows one company). */
export const ZOOM_CONTACTS: readonly ZoomUser[] = Object.values(PEOPLE).map((person) =>
  zoomUser(person.mail, person.givenName ?? '', person.surname ?? '', { timezone: person.timeZone, dept: 'Contoso', jobTitle: person.jobTitle ?? '', location: person.officeLocation ?? '' }),
);

/** Who can sign in on Zoom's consent page: the room first. */
export const ZOOM_SIGN_IN_ACCOUNTS: readonly ZoomUser[] = [ROOM_ZOOM];
