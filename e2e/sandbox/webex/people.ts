import { jsonReply, type Reply, type SandboxRequest } from '../core/http';
import { isReply } from '../oauth2-generic/http';
import { WEBEX_ORG_ID, WEBEX_SITE, type WebexPerson } from './accounts';
import { webexInvalidInput } from './errors';
import { decodeCursor, pageOf, parseMax, type CursorState } from './paging';

interface PeopleQuery {
  readonly email?: string;
  readonly displayName?: string;
  readonly ids?: readonly string[];
}

const CREATED = '2024-02-05T08:30:00.000Z';

export function personJson(person: WebexPerson): Record<string, unknown> {
  return {
    id: person.id,
    emails: [person.email],
    phoneNumbers: [{ type: 'work', value: person.phone, primary: true }],
    displayName: person.displayName,
    nickName: person.firstName,
    firstName: person.firstName,
    lastName: person.lastName,
    avatar: `https://avatar-prod-euc1.webexcontent.com/Avtr~V1~${person.id.slice(-12)}/V1~1600`,
    orgId: WEBEX_ORG_ID,
    department: person.department,
    manager: '',
    managerId: '',
    title: person.title,
    addresses: [{ type: 'work', country: 'IT', locality: person.locality, region: '', streetAddress: '', postalCode: '' }],
    created: CREATED,
    lastModified: CREATED,
    timezone: person.timezone,
    lastActivity: '2026-11-20T16:42:10.311Z',
    siteUrls: [`${WEBEX_SITE}#attendee`],
    sipAddresses: [{ type: 'personal-room', value: `${person.email.split('@')[0] ?? ''}@contoso.webex.com`, primary: false }],
    xmppFederationJid: person.email,
    status: person.status,
    type: 'person',
  };
}

function matches(person: WebexPerson, query: PeopleQuery): boolean {
  if (query.email !== undefined && person.email.toLowerCase() !== query.email.toLowerCase()) return false;
  if (query.ids !== undefined && !query.ids.includes(person.id)) return false;
  if (query.displayName !== undefined) {
    const wanted = query.displayName.toLowerCase();
    if (![person.displayName, person.firstName, person.lastName].some((name) => name.toLowerCase().startsWith(wanted))) return false;
  }
  return true;
}

function queryOf(req: SandboxRequest): CursorState<PeopleQuery> | Reply {
  const cursor = req.query['cursor'];
  if (cursor !== undefined) return decodeCursor<PeopleQuery>(cursor) ?? webexInvalidInput(['The cursor is invalid or has expired.']);
  const { email, displayName, id } = req.query;
  // Only admins may list everyone; a user-level token must say whom to look for.
  if (email === undefined && displayName === undefined && id === undefined) return webexInvalidInput(['Email, displayName, or id list should be specified.']);
  return { query: { email, displayName, ids: id?.split(',').filter((value) => value !== '') }, offset: 0 };
}

/** GET /v1/people?email=|displayName=|id=&max= with Link paging. */
export function listPeople(req: SandboxRequest, directory: readonly WebexPerson[]): Reply {
  const state = queryOf(req);
  if (isReply(state)) return state;
  const max = parseMax(req.query['max'], 100, 1000);
  if (max === null) return webexInvalidInput(['max must be between 1 and 1000.']);
  const found = directory.filter((person) => matches(person, state.query));
  const page = pageOf(req, found, state, max);
  const notFoundIds = (state.query.ids ?? []).filter((id) => !directory.some((person) => person.id === id));
  return jsonReply(200, { items: page.items.map(personJson), notFoundIds }, page.headers);
}
