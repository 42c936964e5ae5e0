import { base64url } from '../../core/ids';
import { jsonReply, type Reply, type SandboxRequest } from '../../core/http';
import { route, type Route } from '../../core/router';
import { authorize, type Principal } from '../api-auth';
import { INSUFFICIENT_SCOPES_MESSAGE, insufficientScopeHeaders, platformError, scopeInsufficientDetails, UNAUTHENTICATED } from '../api-errors';
import { API_SCOPES } from '../scopes';
import type { PeopleApiContext } from './context';
import { directoryPerson, DIRECTORY_READ_MASK, matchesQuery, otherContact, OTHER_CONTACTS_READ_MASK, type Person } from './person';

class InvalidArgument extends Error {}

const SOURCES = ['DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE', 'DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT'];

function readMaskOf(req: SandboxRequest, allowed: readonly string[]): string[] {
  const mask = req.query['readMask'];
  if (!mask) throw new InvalidArgument('readMask is required');
  const paths = mask.split(',').map((path) => path.trim());
  const bad = paths.find((path) => !allowed.includes(path));
  if (bad !== undefined) throw new InvalidArgument(`Invalid readMask path "${bad}"`);
  return paths;
}

function pageSizeOf(req: SandboxRequest, fallback: number, max: number): number {
  const text = req.query['pageSize'];
  if (text === undefined || text === '0') return fallback;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 0 || size > max) throw new InvalidArgument(`pageSize must be between 0 and ${max}`);
  return size;
}

function offsetOf(req: SandboxRequest): number {
  const token = req.query['pageToken'];
  if (!token) return 0;
  const offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw new InvalidArgument('Invalid pageToken');
  return offset;
}

type PeopleMethod = (ctx: PeopleApiContext, req: SandboxRequest, principal: Principal) => Reply;

/** Token, scope, then the method; 400s in People's own shape (status INVALID_ARGUMENT, no `errors` array). */
function peopleMethod(ctx: PeopleApiContext, anyOf: readonly string[], method: string, handle: PeopleMethod) {
  return (req: SandboxRequest): Reply => {
    const auth = authorize(ctx, req, anyOf);
    if (!auth.ok) {
      const { problem } = auth;
      if (problem !== 'scope') return platformError(401, 'UNAUTHENTICATED', UNAUTHENTICATED[problem], { headers: UNAUTHENTICATED.headers });
      return platformError(403, 'PERMISSION_DENIED', INSUFFICIENT_SCOPES_MESSAGE, { details: scopeInsufficientDetails('people.googleapis.com', method), headers: insufficientScopeHeaders(anyOf) });
    }
    try {
      return handle(ctx, req, auth.principal);
    } catch (error) {
      if (error instanceof InvalidArgument) return platformError(400, 'INVALID_ARGUMENT', error.message);
      throw error;
    }
  };
}

/**
 * Proto3 JSON leaves out empty lists and zero counts: a search with no match is `{}`, not `{people: []}`.
 */
function page(people: readonly Person[], offset: number, size: number, key: 'people' | 'results'): Record<string, unknown> {
  const slice = people.slice(offset, offset + size);
  const more = offset + size < people.length;
  const items = key === 'people' ? slice : slice.map((person) => ({ person }));
  return { ...(items.length > 0 ? { [key]: items } : {}), ...(more ? { nextPageToken: base64url(String(offset + size)) } : {}) };
}

/** GET /v1/people:searchDirectoryPeople */
function searchDirectory(ctx: PeopleApiContext, req: SandboxRequest): Reply {
  const query = req.query['query'];
  if (!query) throw new InvalidArgument('query is required');
  const readMask = readMaskOf(req, DIRECTORY_READ_MASK);
  const sources = req.url.searchParams.getAll('sources');
  if (sources.length === 0 || sources.some((source) => !SOURCES.includes(source))) throw new InvalidArgument('sources must be set to DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE and/or DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT');
  const size = pageSizeOf(req, 100, 500);
  // Domain profiles only: the sandbox's directory has no shared domain contacts.
  const matches = sources.includes('DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE')
    ? ctx.directory.accounts.filter((account) => matchesQuery(query, [account.displayName, account.email])).map((account) => directoryPerson(account, readMask))
    : [];
  const body = page(matches, offsetOf(req), size, 'people');
  return jsonReply(200, matches.length > 0 ? { ...body, totalSize: matches.length } : body);
}

/**
 * GET /v1/otherContacts:search. Google's docs: "clients should send a warmup request with an empty query to update
 * the cache". Until an account has sent one, searches find nothing, which is what a client that skips it sees.
 */
function searchOtherContacts(ctx: PeopleApiContext, req: SandboxRequest, principal: Principal): Reply {
  const query = req.query['query'];
  if (query === undefined) throw new InvalidArgument('query is required');
  const readMask = readMaskOf(req, OTHER_CONTACTS_READ_MASK);
  const size = pageSizeOf(req, 10, 30);
  const email = principal.account.email.toLowerCase();
  if (query.trim() === '') {
    ctx.warmedUp.add(email);
    return jsonReply(200, {});
  }
  if (!ctx.warmedUp.has(email)) return jsonReply(200, {});
  const matches = ctx.directory.externals.filter((contact) => matchesQuery(query, [contact.displayName, contact.email])).map((contact) => otherContact(contact, readMask));
  return jsonReply(200, page(matches, 0, size, 'results'));
}

export function peopleRoutes(ctx: PeopleApiContext): Route[] {
  return [
    route('GET', /^\/v1\/people:searchDirectoryPeople$/, peopleMethod(ctx, API_SCOPES.directorySearch, 'google.people.v1.PeopleService.SearchDirectoryPeople', searchDirectory)),
    route('GET', /^\/v1\/otherContacts:search$/, peopleMethod(ctx, API_SCOPES.otherContactsSearch, 'google.people.v1.OtherContacts.SearchOtherContacts', searchOtherContacts)),
  ];
}
