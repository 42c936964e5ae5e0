import type { Clock } from '../core/clock';
import type { ZoomUser } from './accounts';

/** Zoom's contacts page size: 1 unless asked (a trap for clients that forget page_size), at most 25. */
const DEFAULT_PAGE_SIZE = 1;
const MAX_PAGE_SIZE = 25;
/** "The next page token expires after 15 minutes." */
const PAGE_TOKEN_LIFETIME_MS = 15 * 60_000;

const PRESENCE = ['Available', 'Away', 'Do_Not_Disturb', 'Offline'] as const;

interface PageToken {
  readonly searchKey: string;
  readonly offset: number;
  readonly issuedAt: number;
}

export type ContactPage = { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly message: string };

export interface ContactQuery {
  readonly searchKey: string | undefined;
  readonly pageSize: string | undefined;
  readonly nextPageToken: string | undefined;
  readonly withPresence: boolean;
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): PageToken | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<PageToken>;
    return typeof value.searchKey === 'string' && typeof value.offset === 'number' && typeof value.issuedAt === 'number'
      ? { searchKey: value.searchKey, offset: value.offset, issuedAt: value.issuedAt }
      : null;
  } catch {
    return null;
  }
}

function matches(contact: ZoomUser, key: string): boolean {
  const wanted = key.trim().toLowerCase();
  if (wanted === '') return true;
  return [contact.firstName, contact.lastName, contact.email, contact.displayName].some((field) => field.toLowerCase().startsWith(wanted));
}

function contactJson(contact: ZoomUser, index: number, withPresence: boolean): Record<string, unknown> {
  const number = contact.phoneNumber.replace(/^\+1 /, '').replace(/ /g, '');
  return {
    id: contact.id,
    email: contact.email,
    first_name: contact.firstName,
    last_name: contact.lastName,
    ...(withPresence ? { presence_status: PRESENCE[index % PRESENCE.length] } : {}),
    phone_number: contact.phoneNumber,
    phone_numbers: [{ code: '+1', country: 'US', label: 'Mobile', number, verified: true }],
    sip_phone_number: '',
    direct_numbers: [],
    extension_number: '',
    im_group_id: '',
    im_group_name: '',
    dept: contact.dept,
    job_title: contact.jobTitle,
    location: contact.location,
  };
}

/** GET /contacts (company contacts search) with Zoom's page tokens. */
export function searchContacts(contacts: readonly ZoomUser[], clock: Clock, query: ContactQuery): ContactPage {
  const pageSize = query.pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(query.pageSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) return { ok: false, message: `Invalid field: page_size must be between 1 and ${MAX_PAGE_SIZE}.` };
  let searchKey = query.searchKey ?? '';
  let offset = 0;
  if (query.nextPageToken) {
    const token = decodeToken(query.nextPageToken);
    if (!token || clock().getTime() - token.issuedAt > PAGE_TOKEN_LIFETIME_MS) return { ok: false, message: 'The next page token is invalid or expired.' };
    ({ searchKey, offset } = token);
  }
  const found = contacts.filter((contact) => matches(contact, searchKey));
  const page = found.slice(offset, offset + pageSize);
  const next = offset + pageSize < found.length ? encodeToken({ searchKey, offset: offset + pageSize, issuedAt: clock().getTime() }) : '';
  return {
    ok: true,
    body: { next_page_token: next, page_size: pageSize, contacts: page.map((contact, i) => contactJson(contact, offset + i, query.withPresence)) },
  };
}
