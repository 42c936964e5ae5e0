import type { Reply, SandboxRequest } from '../../core/http';
import { headerValue } from '../../core/http';
import type { Route } from '../../core/router';
import type { DirectoryUser } from '../directory';
import { hasScope } from './auth';
import type { GraphContext } from './context';
import { graphError, graphErrorNamed, graphJson } from './errors';
import { graphRoute, metadata, userToWire, type Authed } from './routes';

/**
 * GET /users with `$search` (https://learn.microsoft.com/en-us/graph/api/user-list and
 * https://learn.microsoft.com/en-us/graph/search-query-parameter): quoted `"property:value"` clauses joined by OR/AND,
 * matched against the start of the property's words (tokenized search). $search is an advanced query: without
 * `ConsistencyLevel: eventual` Graph answers 400 Request_UnsupportedQuery. Reading other users needs
 * User.ReadBasic.All (or a broader directory scope).
 */

const DIRECTORY_READ_SCOPES = ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'];
const SEARCHABLE = ['displayName', 'mail', 'userPrincipalName', 'givenName', 'surname'] as const;
type Searchable = (typeof SEARCHABLE)[number];
const DEFAULT_TOP = 100;
const MAX_TOP = 999;

interface Clause {
  readonly property: Searchable;
  readonly value: string;
}

type SearchExpression = { readonly op: 'OR' | 'AND'; readonly clauses: readonly Clause[] };

/** `"displayName:al" OR "mail:al"`: quoted clauses with one kind of operator between them; null for anything else. */
export function parseSearch(text: string): SearchExpression | null {
  const tokens = text.trim().match(/"[^"]*"|\S+/g) ?? [];
  const ops = new Set(tokens.filter((_, index) => index % 2 === 1));
  if (tokens.length % 2 === 0 || [...ops].some((op) => op !== 'OR' && op !== 'AND') || ops.size > 1) return null;
  const clauses: Clause[] = [];
  for (const token of tokens.filter((_, index) => index % 2 === 0)) {
    const match = /^"([A-Za-z]+):([^"]*)"$/.exec(token);
    const property = SEARCHABLE.find((name) => name.toLowerCase() === match?.[1]?.toLowerCase());
    if (!match || !property) return null;
    clauses.push({ property, value: match[2] ?? '' });
  }
  return { op: ops.has('AND') ? 'AND' : 'OR', clauses };
}

/** Tokenized: every word of the value starts some word of the property (words split at spaces and punctuation). */
function clauseMatches(user: DirectoryUser, clause: Clause): boolean {
  const words = (user[clause.property] ?? '').toLowerCase().split(/[\s@._-]+/).filter(Boolean);
  const wanted = clause.value.toLowerCase().split(/[\s@._-]+/).filter(Boolean);
  return wanted.length > 0 && wanted.every((term) => words.some((word) => word.startsWith(term)));
}

function matches(user: DirectoryUser, search: SearchExpression): boolean {
  return search.op === 'AND' ? search.clauses.every((clause) => clauseMatches(user, clause)) : search.clauses.some((clause) => clauseMatches(user, clause));
}

function unsupported(ctx: GraphContext, req: SandboxRequest, message: string): Reply {
  return graphError(req, ctx.clock, 400, 'Request_UnsupportedQuery', message);
}

function selectFields(wire: Record<string, unknown>, select: string | undefined): Record<string, unknown> {
  if (!select) return wire;
  const wanted = select.split(',').map((field) => field.trim().toLowerCase());
  return Object.fromEntries(Object.entries(wire).filter(([key]) => wanted.includes(key.toLowerCase())));
}

const listUsers: Authed = (ctx, req, _params, principal) => {
  if (!hasScope(principal, DIRECTORY_READ_SCOPES)) return graphErrorNamed(req, ctx.clock, 'directoryDenied');
  const searchText = req.query['$search'];
  let users = ctx.directory.users;
  if (searchText !== undefined) {
    if (headerValue(req, 'consistencylevel')?.toLowerCase() !== 'eventual') {
      return unsupported(ctx, req, "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    }
    const search = parseSearch(searchText);
    if (!search) return unsupported(ctx, req, 'Invalid $search query.');
    users = users.filter((user) => matches(user, search));
  }
  const topText = req.query['$top'];
  const top = topText === undefined ? DEFAULT_TOP : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) return graphError(req, ctx.clock, 400, 'Request_BadRequest', `Invalid page size specified: '${topText ?? ''}'. Must be between 1 and ${MAX_TOP} inclusive.`);
  const select = req.query['$select'];
  const value = users.slice(0, top).map((user) => {
    const { '@odata.context': _context, ...wire } = userToWire(req, user);
    return selectFields(wire, select);
  });
  const count = req.query['$count'] === 'true' ? { '@odata.count': users.length } : {};
  return graphJson(req, 200, { '@odata.context': metadata(req, `users${select ? `(${select})` : ''}`), ...count, value });
};

/**
 * GET /me/people (https://learn.microsoft.com/en-us/graph/api/user-list-people): People.Read; `$search` is a plain
 * term matched against names and addresses (no ConsistencyLevel needed). Real relevance comes from the mailbox's
 * traffic; the sandbox ranks everyone equally, people before rooms, and never lists the caller.
 */
const listPeople: Authed = (ctx, req, _params, principal) => {
  if (!hasScope(principal, ['People.Read', 'People.Read.All'])) return graphErrorNamed(req, ctx.clock, 'accessDenied');
  const term = (req.query['$search'] ?? '').replace(/^"|"$/g, '');
  const clause = (property: Searchable): Clause => ({ property, value: term });
  const search: SearchExpression = { op: 'OR', clauses: [clause('displayName'), clause('mail')] };
  const top = Math.min(MAX_TOP, Number(req.query['$top'] ?? '10') || 10);
  const people = ctx.directory.users
    .filter((user) => user.id !== principal.user.id && (term === '' || matches(user, search)))
    .sort((a, b) => Number(a.kind === 'room') - Number(b.kind === 'room'))
    .slice(0, top)
    .map((user) => ({
      id: user.id,
      displayName: user.displayName,
      givenName: user.givenName,
      surname: user.surname,
      jobTitle: user.jobTitle,
      officeLocation: user.officeLocation,
      userPrincipalName: user.userPrincipalName,
      scoredEmailAddresses: [{ address: user.mail, relevanceScore: 1, selectionLikelihood: 'notSpecified' }],
      personType: { class: 'Person', subclass: user.kind === 'room' ? 'Room' : 'OrganizationUser' },
    }));
  return graphJson(req, 200, { '@odata.context': metadata(req, `users('${principal.user.id}')/people`), value: people });
};

export function userSearchRoutes(ctx: GraphContext): Route[] {
  return [graphRoute(ctx, 'users', listUsers), graphRoute(ctx, 'me/people', listPeople)];
}
