import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ConnectionLostError } from '../auth/connector';
import type { GraphApi } from '../providers/microsoft/graph-api';
import { loadAttachments, MailRefusedError, OutgoingMailSchema, type OutgoingMail, type RoomMailer } from './room-mailer';

/**
 * Graph takes a file inline in sendMail only under 3 MB; bigger ones need an upload session on a draft
 * (https://learn.microsoft.com/en-us/graph/outlook-large-attachments), which Roomdeck does not do: callers send a
 * sharing link instead. The limit is for all files together, as base64 in one JSON body (Graph's 4 MB request limit).
 */
export const GRAPH_MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;

function refusal(error: unknown): unknown {
  if (error instanceof ConnectionLostError || error instanceof MailRefusedError) return error;
  if (!(error instanceof GraphError)) return new MailRefusedError('microsoft', 'failed', { cause: error });
  if (error.statusCode === 403) return new MailRefusedError('microsoft', 'no-permission', { cause: error });
  if (error.statusCode === 400 && /recipient/i.test(`${error.code ?? ''} ${error.message}`)) return new MailRefusedError('microsoft', 'bad-recipient', { cause: error });
  return new MailRefusedError('microsoft', 'failed', { cause: error });
}

/**
 * `POST /me/sendMail` (https://learn.microsoft.com/en-us/graph/api/user-sendmail), scope Mail.Send (feature
 * microsoft.send-mail): sent as the signed-in room account and kept in its Sent Items, where IT can see what the
 * room sent. Graph answers 202 with no body.
 */
export class GraphMailer implements RoomMailer {
  readonly provider = 'microsoft';
  readonly maxAttachmentBytes = GRAPH_MAX_ATTACHMENT_BYTES;

  constructor(private readonly graph: GraphApi) {}

  async send(mail: OutgoingMail): Promise<void> {
    const checked = OutgoingMailSchema.parse(mail);
    const files = await loadAttachments(this.provider, mail.attachments ?? [], this.maxAttachmentBytes);
    const message = {
      subject: checked.subject,
      body: { contentType: 'HTML', content: checked.html },
      toRecipients: checked.to.map((address) => ({ emailAddress: { address } })),
      attachments: files.map((file) => ({
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: file.name,
        contentType: file.contentType,
        contentBytes: Buffer.from(file.bytes).toString('base64'),
      })),
    };
    try {
      await this.graph.post('/me/sendMail', { message, saveToSentItems: true }, z.unknown());
    } catch (error) {
      throw refusal(error);
    }
  }
}
