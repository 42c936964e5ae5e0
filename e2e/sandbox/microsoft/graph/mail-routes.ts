import type { Reply, SandboxRequest } from '../../core/http';
import type { Route, RouteParams } from '../../core/router';
import type { DirectoryUser } from '../directory';
import { hasScope, type Principal } from './auth';
import type { GraphContext } from './context';
import { graphError, graphErrorNamed, graphJson } from './errors';
import { parseMessageExpand, parseMessageFilter, parseMessageSelect, type QueryFailure } from './mail-query';
import type { MailFolder, StoredMessage } from './mail-store';
import { messageToWire, type MessageView } from './messages';
import { parsePrefer, preferenceAppliedHeader, type Preferences } from './prefer';
import { graphRoute, invalidUser, ME, metadata, targetUser, type Authed } from './routes';

/**
 * GET …/messages, …/mailFolders/{id|inbox|deleteditems}/messages and a single message, for `me` and
 * `users/{id|upn}`. Delegated permissions as in the docs (user-list-messages, eventmessage-get): Mail.Read for the
 * signed-in user's own mailbox; someone else's needs Mail.Read.Shared and read access granted on that mailbox.
 */

/** Graph's page size for /messages when the client sets neither $top nor odata.maxpagesize. */
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;

const MAIL_SCOPES = {
  own: ['Mail.Read', 'Mail.ReadWrite'],
  shared: ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'],
} as const;

interface Mailbox {
  readonly owner: DirectoryUser;
  readonly folder: MailFolder | null;
}

function canReadMail(ctx: GraphContext, principal: Principal, owner: DirectoryUser): boolean {
  if (owner.id === principal.user.id) return hasScope(principal, MAIL_SCOPES.own);
  return hasScope(principal, MAIL_SCOPES.shared) && ctx.mail.canRead(owner.userPrincipalName, principal.user.userPrincipalName);
}

/** The mailbox (and folder) a path names, or the error Graph sends. */
function targetMailbox(ctx: GraphContext, req: SandboxRequest, params: RouteParams, principal: Principal): Mailbox | Reply {
  const owner = targetUser(ctx, params, principal);
  if (!owner) return invalidUser(ctx, req, params);
  if (!canReadMail(ctx, principal, owner)) return graphErrorNamed(req, ctx.clock, 'accessDenied');
  const folderKey = params['folder'];
  if (folderKey === undefined) return { owner, folder: null };
  const folder = ctx.mail.folder(owner.userPrincipalName, folderKey);
  return folder ? { owner, folder } : graphErrorNamed(req, ctx.clock, 'itemNotFound');
}

function isReply(value: object): value is Reply {
  return 'status' in value && 'body' in value;
}

function badQuery(ctx: GraphContext, req: SandboxRequest, failure: QueryFailure): Reply {
  return graphError(req, ctx.clock, 400, failure.code, failure.message);
}

/** Message view options from $select/$expand/Prefer, or the 400 for a query the sandbox cannot honour. */
function messageView(ctx: GraphContext, req: SandboxRequest, owner: DirectoryUser): { view: MessageView; prefs: Preferences } | Reply {
  const selection = parseMessageSelect(req.query['$select']);
  const expansion = parseMessageExpand(req.query['$expand']);
  if (!selection.ok) return badQuery(ctx, req, selection);
  if (!expansion.ok) return badQuery(ctx, req, expansion);
  const prefs = parsePrefer(req);
  const view: MessageView = {
    prefs,
    selection: selection.value,
    expansion: expansion.value,
    eventFor: (stored) => (stored.eventId ? (ctx.calendars.events(stored.ownerUpn).find((event) => event.id === stored.eventId) ?? null) : null),
    messageContext: (stored) => metadata(req, `users('${owner.id}')/messages('${encodeURIComponent(stored.id)}')`),
  };
  return { view, prefs };
}

interface Page {
  readonly skip: number;
  readonly top: number;
}

function messagePage(req: SandboxRequest, prefs: Preferences): Page | null {
  const number = (name: string): number | null | 'bad' => {
    const text = req.query[name];
    if (text === undefined) return null;
    return /^\d+$/.test(text) ? Number(text) : 'bad';
  };
  const top = number('$top');
  const skip = number('$skip');
  if (top === 'bad' || skip === 'bad' || top === 0) return null;
  return { skip: skip ?? 0, top: Math.min(MAX_PAGE_SIZE, top ?? prefs.maxPageSize ?? DEFAULT_PAGE_SIZE) };
}

/** Messages pages carry `$skip` in their next link (unlike calendarView's `$skiptoken`). */
function nextLink(url: URL, page: Page): string {
  const next = new URL(url.href);
  next.searchParams.set('$top', String(page.top));
  next.searchParams.set('$skip', String(page.skip + page.top));
  return next.href;
}

const listMessages: Authed = (ctx, req, params, principal) => {
  const mailbox = targetMailbox(ctx, req, params, principal);
  if (isReply(mailbox)) return mailbox;
  const filter = parseMessageFilter(req.query['$filter']);
  if (!filter.ok) return badQuery(ctx, req, filter);
  const shaped = messageView(ctx, req, mailbox.owner);
  if (isReply(shaped)) return shaped;
  const page = messagePage(req, shaped.prefs);
  if (!page) return graphError(req, ctx.clock, 400, 'BadRequest', "Invalid value for '$top' or '$skip'.");
  const predicate = filter.value ?? (() => true);
  const matching = ctx.mail.messages(mailbox.owner.userPrincipalName, mailbox.folder?.id).filter(predicate);
  const items = matching.slice(page.skip, page.skip + page.top);
  const scope = mailbox.folder ? `mailFolders('${mailbox.folder.id}')/messages` : 'messages';
  const select = req.query['$select'] ? `(${req.query['$select']})` : '';
  return graphJson(
    req,
    200,
    {
      '@odata.context': metadata(req, `users('${mailbox.owner.id}')/${scope}${select}`),
      value: items.map((stored) => messageToWire(stored, shaped.view)),
      ...(page.skip + page.top < matching.length ? { '@odata.nextLink': nextLink(req.url, page) } : {}),
    },
    preferenceAppliedHeader(shaped.prefs),
  );
};

const getMessage: Authed = (ctx, req, params, principal) => {
  const mailbox = targetMailbox(ctx, req, params, principal);
  if (isReply(mailbox)) return mailbox;
  const stored: StoredMessage | null = ctx.mail.find(mailbox.owner.userPrincipalName, params['message'] ?? '');
  if (!stored || (mailbox.folder && stored.folderId !== mailbox.folder.id)) return graphErrorNamed(req, ctx.clock, 'itemNotFound');
  const shaped = messageView(ctx, req, mailbox.owner);
  if (isReply(shaped)) return shaped;
  return graphJson(
    req,
    200,
    { '@odata.context': metadata(req, `users('${mailbox.owner.id}')/messages/$entity`), ...messageToWire(stored, shaped.view) },
    preferenceAppliedHeader(shaped.prefs),
  );
};

export function mailRoutes(ctx: GraphContext): Route[] {
  const folder = 'mailFolders/(?<folder>[^/]+)';
  return [
    graphRoute(ctx, `${ME}/messages`, listMessages),
    graphRoute(ctx, `${ME}/${folder}/messages`, listMessages),
    graphRoute(ctx, `${ME}/messages/(?<message>[^/]+)`, getMessage),
    graphRoute(ctx, `${ME}/${folder}/messages/(?<message>[^/]+)`, getMessage),
  ];
}
