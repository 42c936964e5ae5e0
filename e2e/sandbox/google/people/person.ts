import { stableDigits, stableHex } from '../../core/ids';
import type { ExternalContact, GoogleAccount } from '../directory';

/** Person resources as the People API returns them, limited to the fields the readMask names. */

export type Person = Record<string, unknown>;

/** Every readMask path People accepts for directory people; the sandbox fills names, emailAddresses, photos, organizations. */
export const DIRECTORY_READ_MASK = [
  'addresses', 'ageRanges', 'biographies', 'birthdays', 'calendarUrls', 'clientData', 'coverPhotos', 'emailAddresses', 'events', 'externalIds', 'genders', 'imClients',
  'interests', 'locales', 'locations', 'memberships', 'metadata', 'miscKeywords', 'names', 'nicknames', 'occupations', 'organizations', 'phoneNumbers', 'photos',
  'relations', 'sipAddresses', 'skills', 'urls', 'userDefined',
];

/** otherContacts.search allows only these. */
export const OTHER_CONTACTS_READ_MASK = ['emailAddresses', 'metadata', 'names', 'phoneNumbers', 'photos'];

const DEFAULT_PHOTO = 'https://lh3.googleusercontent.com/a/default-user=s100';

function etag(seed: string): string {
  return `%Eg${Buffer.from(stableHex(seed, 16), 'hex').toString('base64')}`;
}

function fieldMetadata(source: { type: string; id: string }, extra: Record<string, boolean> = {}) {
  return { metadata: { primary: true, ...extra, source } };
}

interface NameParts {
  readonly displayName: string;
  readonly givenName?: string;
  readonly familyName?: string;
}

function names(parts: NameParts, source: { type: string; id: string }) {
  const lastFirst = parts.familyName && parts.givenName ? `${parts.familyName}, ${parts.givenName}` : parts.displayName;
  return [{ ...fieldMetadata(source), displayName: parts.displayName, ...(parts.familyName ? { familyName: parts.familyName } : {}), ...(parts.givenName ? { givenName: parts.givenName } : {}), displayNameLastFirst: lastFirst, unstructuredName: parts.displayName }];
}

function pickFields(fields: Record<string, unknown>, readMask: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => readMask.includes(name)));
}

/** A domain profile (searchDirectoryPeople with DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE). */
export function directoryPerson(account: GoogleAccount, readMask: readonly string[]): Person {
  const source = { type: 'DOMAIN_PROFILE', id: account.id };
  const fields: Record<string, unknown> = {
    metadata: { sources: [{ type: 'DOMAIN_PROFILE', id: account.id, etag: etag(`profile:${account.id}`) }], objectType: 'PERSON' },
    names: names(account, source),
    emailAddresses: [{ ...fieldMetadata(source, { verified: true }), value: account.email }],
    photos: [{ ...fieldMetadata(source), url: DEFAULT_PHOTO, default: true }],
    ...(account.title ? { organizations: [{ ...fieldMetadata(source), type: 'work', title: account.title, ...(account.department ? { department: account.department } : {}) }] } : {}),
  };
  return { resourceName: `people/${account.id}`, etag: etag(`person:${account.id}`), ...pickFields(fields, readMask) };
}

/** An "other contact": someone the account exchanged mail or invitations with, saved automatically. */
export function otherContact(contact: ExternalContact, readMask: readonly string[]): Person {
  const id = `c${stableDigits(`other-contact:${contact.email}`, 19)}`;
  const source = { type: 'OTHER_CONTACT', id };
  const fields: Record<string, unknown> = {
    metadata: { sources: [{ type: 'OTHER_CONTACT', id, etag: etag(`other:${id}`) }], objectType: 'PERSON' },
    names: names({ displayName: contact.displayName }, source),
    emailAddresses: [{ ...fieldMetadata(source), value: contact.email }],
    photos: [{ ...fieldMetadata(source), url: DEFAULT_PHOTO, default: true }],
  };
  return { resourceName: `otherContacts/${id}`, etag: etag(`other-person:${id}`), ...pickFields(fields, readMask) };
}

/** Prefix search as People does it: every query word starts some word of the name or the email address. */
export function matchesQuery(query: string, haystack: readonly string[]): boolean {
  const words = haystack.flatMap((text) => text.toLowerCase().split(/[\s@.,_-]+/)).filter(Boolean);
  const emails = haystack.filter((text) => text.includes('@')).map((text) => text.toLowerCase());
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => words.some((word) => word.startsWith(term)) || emails.some((email) => email.startsWith(term)));
}
