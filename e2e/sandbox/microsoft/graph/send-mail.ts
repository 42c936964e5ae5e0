import { z } from 'zod';
import { emptyReply, parseJsonBody, type Reply, type SandboxRequest } from '../../core/http';
import type { OutboxAttachment } from '../../core/outbox';
import type { Route } from '../../core/router';
import { hasScope } from './auth';
import type { GraphContext } from './context';
import { graphError, graphErrorNamed } from './errors';
import { graphRoute, invalidUser, ME, targetUser, type Authed } from './routes';

/**
 * POST …/sendMail (https://learn.microsoft.com/en-us/graph/api/user-sendmail): 202 with no body, and the message lands
 * in the sandbox's outbox for tests to read. Delegated Mail.Send sends as the signed-in user; another user's mailbox
 * needs Mail.Send.Shared *and* send-as rights, which the sandbox grants nobody.
 */

/** Graph refuses request bodies over 4 MB; files above 3 MB must go through an upload session instead. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

const RecipientSchema = z.object({ emailAddress: z.object({ address: z.string(), name: z.string().optional() }).loose() }).loose();
const FileAttachmentSchema = z
  .object({ '@odata.type': z.literal('#microsoft.graph.fileAttachment'), name: z.string().min(1), contentType: z.string().optional(), contentBytes: z.base64() })
  .loose();
const SendMailSchema = z
  .object({
    message: z
      .object({
        subject: z.string().optional(),
        body: z.object({ contentType: z.enum(['text', 'html', 'Text', 'HTML']), content: z.string() }).loose().optional(),
        toRecipients: z.array(RecipientSchema).optional(),
        ccRecipients: z.array(RecipientSchema).optional(),
        attachments: z.array(FileAttachmentSchema).optional(),
      })
      .loose(),
    saveToSentItems: z.boolean().optional(),
  })
  .loose();

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function invalidRequest(ctx: GraphContext, req: SandboxRequest, code: string, message: string, status = 400): Reply {
  return graphError(req, ctx.clock, status, code, message);
}

function attachmentOf(file: z.infer<typeof FileAttachmentSchema>): OutboxAttachment {
  const bytes = Buffer.from(file.contentBytes, 'base64');
  return { name: file.name, contentType: file.contentType ?? 'application/octet-stream', size: bytes.byteLength, contentBase64: bytes.toString('base64') };
}

const sendMail: Authed = (ctx, req, params, principal) => {
  const user = targetUser(ctx, params, principal);
  if (!user) return invalidUser(ctx, req, params);
  const self = user.id === principal.user.id;
  if (!self || !hasScope(principal, ['Mail.Send'])) return graphErrorNamed(req, ctx.clock, 'accessDenied');
  if (Buffer.byteLength(req.body, 'utf8') > MAX_REQUEST_BYTES) return invalidRequest(ctx, req, 'RequestBodyTooLarge', 'The maximum request length supported is 4MB.', 413);
  let json: unknown;
  try {
    json = parseJsonBody(req);
  } catch {
    return invalidRequest(ctx, req, 'RequestBodyRead', 'Unable to read JSON request payload.');
  }
  const parsed = SendMailSchema.safeParse(json);
  if (!parsed.success) return invalidRequest(ctx, req, 'ErrorInvalidParameter', "The value of the parameter 'Message' is empty.");
  const { message } = parsed.data;
  const to = [...(message.toRecipients ?? []), ...(message.ccRecipients ?? [])].map((recipient) => recipient.emailAddress.address.trim());
  if (to.length === 0 || to.some((address) => !ADDRESS.test(address))) return invalidRequest(ctx, req, 'ErrorInvalidRecipients', "At least one recipient isn't valid.");
  ctx.outbox.add({
    provider: 'graph',
    from: user.mail,
    to,
    subject: message.subject ?? '',
    body: message.body?.content ?? '',
    attachments: (message.attachments ?? []).map(attachmentOf),
  });
  return emptyReply(202);
};

export function sendMailRoutes(ctx: GraphContext): Route[] {
  return [graphRoute(ctx, `${ME}/sendMail`, sendMail, 'POST')];
}
