import { stableDigits, stableLetters } from '../core/ids';
import type { OAuthAccount } from '../oauth2-generic/model';

export interface DropboxAccount extends OAuthAccount {
  readonly givenName: string;
  readonly surname: string;
  readonly familiarName: string;
  readonly abbreviatedName: string;
  readonly country: string;
  readonly locale: string;
  readonly namespaceId: string;
  /** The legacy numeric user id (`uid` in token responses). */
  readonly uid: string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';

function account(email: string, givenName: string, surname: string, country: string): DropboxAccount {
  return {
    id: `dbid:AA${stableLetters(`dropbox:account:${email}`, 38, ALPHABET)}`,
    email,
    displayName: `${givenName} ${surname}`.trim(),
    givenName,
    surname,
    familiarName: givenName,
    abbreviatedName: `${givenName[0] ?? ''}${surname[0] ?? ''}`.toUpperCase(),
    country,
    locale: 'en',
    namespaceId: stableDigits(`dropbox:ns:${email}`, 10),
    uid: stableDigits(`dropbox:uid:${email}`, 9),
  };
}

/** The room's Dropbox (files shown in Workspace sessions). */
export const ROOM_DROPBOX = account('room.dropbox@contoso.com', 'Boardroom', '4', 'IT');
/** A person's own Dropbox, connected for one session ("bring your own drive"). */
export const DANA_DROPBOX = account('dana.lee@contoso.com', 'Dana', 'Lee', 'US');

export const DROPBOX_ACCOUNTS: readonly DropboxAccount[] = [ROOM_DROPBOX, DANA_DROPBOX];
