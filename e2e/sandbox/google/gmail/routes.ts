import { z } from 'zod';
import type { Clock } from '../../core/clock';
import { addressesOf, parseMime, type MimePart } from '../../core/mime';
import type { Outbox, OutboxAttachment } from '../../core/outbox';
import { headerValue, jsonReply, parseJsonBody, type Reply, type SandboxRequest } from '../../core/http';
import { route, type Route } from '../../core/router';
import { stableHex } from '../../core/ids';
import { authorize, type ApiAuthDeps } from '../api-auth';
import { calendarError, INSUFFICIENT_SCOPES_MESSAGE, insufficientScopeHeaders, UNAUTHENTICATED } from '../api-errors';
import { API_SCOPES } from '../scopes';

/**
 * users.messages.send (https://developers.google.com/gmail/api/reference/rest/v1/users.messages/send): the metadata
 * form (`{raw}`: an RFC 5322 message in base64url) and the media upload (`/upload/…?uploadType=media`, the message
 * itself as message/rfc822, up to 35 MB). The sent message goes to the outbox; the answer is a Message resource with
 * id, threadId and labelIds ["SENT"].
 */

export interface GmailContext extends ApiAuthDeps {
  readonly clock: Clock;
  readonly outbox: Outbox;
}

const MAX_UPLOAD_BYTES = 35 * 1024 * 1024;
const RawSchema = z.object({ raw: z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/) }).loose();

function invalidArgument(message: string): Reply {
  return calendarError(400, { domain: 'global', reason: 'invalidArgument', message }, { status: 'INVALID_ARGUMENT' });
}

function rawMessage(req: SandboxRequest, upload: boolean): string | Reply {
  if (upload) {
    if (req.query['uploadType'] !== 'media') return invalidArgument('Only uploadType=media is supported here.');
    if (!/^message\//i.test(headerValue(req, 'content-type') ?? '')) return invalidArgument('Media type is not supported. Valid types: message/*');
    if (Buffer.byteLength(req.body, 'utf8') > MAX_UPLOAD_BYTES) return calendarError(413, { domain: 'global', reason: 'uploadTooLarge', message: 'Media upload too large.' });
    return req.body;
  }
  let json: unknown;
  try {
    json = parseJsonBody(req);
  } catch {
    return invalidArgument('Invalid JSON payload received.');
  }
  const parsed = RawSchema.safeParse(json);
  if (!parsed.success) return invalidArgument("'raw' RFC822 payload message string or uploading message via /upload/* URL required");
  return Buffer.from(parsed.data.raw, 'base64url').toString('utf8');
}

function isAttachment(part: MimePart): boolean {
  return /^attachment/i.test(part.headers.get('content-disposition') ?? '');
}

function attachmentOf(part: MimePart): OutboxAttachment {
  return { name: part.params.get('filename') ?? part.params.get('name') ?? 'noname', contentType: part.contentType, size: part.body.byteLength, contentBase64: part.body.toString('base64') };
}

function send(ctx: GmailContext, req: SandboxRequest, upload: boolean, userId: string): Reply {
  const auth = authorize(ctx, req, API_SCOPES.gmailSend);
  if (!auth.ok) {
    if (auth.problem !== 'scope') return calendarError(401, { domain: 'global', reason: 'authError', message: 'Invalid Credentials', location: 'Authorization', locationType: 'header' }, { status: 'UNAUTHENTICATED', topMessage: UNAUTHENTICATED[auth.problem], headers: UNAUTHENTICATED.headers });
    return calendarError(403, { domain: 'global', reason: 'insufficientPermissions', message: INSUFFICIENT_SCOPES_MESSAGE }, { status: 'PERMISSION_DENIED', headers: insufficientScopeHeaders(API_SCOPES.gmailSend) });
  }
  const sender = auth.principal.account.email;
  if (userId !== 'me' && userId.toLowerCase() !== sender.toLowerCase()) return calendarError(403, { domain: 'global', reason: 'forbidden', message: 'Delegation denied for ' + sender });
  const raw = rawMessage(req, upload);
  if (typeof raw !== 'string') return raw;
  const message = parseMime(raw);
  const to = [...addressesOf(message.headers.get('to')), ...addressesOf(message.headers.get('cc'))];
  if (to.length === 0) return invalidArgument('Recipient address required');
  const body = message.parts.find((part) => !isAttachment(part) && part.contentType.startsWith('text/'));
  const sent = ctx.outbox.add({
    provider: 'gmail',
    from: sender,
    to,
    subject: message.headers.get('subject') ?? '',
    body: body?.body.toString('utf8') ?? '',
    attachments: message.parts.filter(isAttachment).map(attachmentOf),
  });
  const id = stableHex(`gmail:${sender}:${sent.sentAt}:${ctx.outbox.of(sender).length}`, 16);
  return jsonReply(200, { id, threadId: id, labelIds: ['SENT'] });
}

export function gmailRoutes(ctx: GmailContext): Route[] {
  const path = (prefix: string) => new RegExp(`^${prefix}/gmail/v1/users/(?<userId>[^/]+)/messages/send$`);
  return [
    route('POST', path(''), (req, params) => send(ctx, req, false, params['userId'] ?? '')),
    route('POST', path('/upload'), (req, params) => send(ctx, req, true, params['userId'] ?? '')),
  ];
}
