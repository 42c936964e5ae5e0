import type { OAuth2Client } from 'google-auth-library';
import { asConnectionLost } from '../auth/google-auth';
import { httpStatusOf } from '../providers/google/google-sync';
import { buildMime } from './mime';
import { loadAttachments, MailRefusedError, OutgoingMailSchema, type OutgoingMail, type RoomMailer } from './room-mailer';

/**
 * Gmail sends at most 25 MB of attachments in one mail (https://support.google.com/mail/answer/6584); base64 makes
 * that about 34 MB of message, inside the 35 MB that messages.send accepts as an upload
 * (https://developers.google.com/gmail/api/reference/rest/v1/users.messages/send).
 */
export const GMAIL_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Up to this size the message goes as JSON `raw`; above it as a media upload ("5 MB or less": the uploads guide). */
const SIMPLE_SEND_MAX_BYTES = 5 * 1024 * 1024;

function refusal(error: unknown): unknown {
  if (error instanceof MailRefusedError) return error;
  const lost = asConnectionLost(error);
  if (lost) return lost;
  const status = httpStatusOf(error);
  if (status === 403) return new MailRefusedError('google', 'no-permission', { cause: error });
  if (status === 400) return new MailRefusedError('google', 'bad-recipient', { cause: error });
  return new MailRefusedError('google', 'failed', { cause: error });
}

/**
 * `users.messages.send` with `userId=me` (scope gmail.send, opt-in feature google.send-mail): the room account sends a
 * raw RFC 5322 message it built itself (mime.ts). Through google-auth-library's authorized request, like the
 * directory, so no Gmail client package is needed for one call.
 */
export class GmailMailer implements RoomMailer {
  readonly provider = 'google';
  readonly maxAttachmentBytes = GMAIL_MAX_ATTACHMENT_BYTES;

  constructor(
    private readonly auth: OAuth2Client,
    /** Gmail's API root, `https://gmail.googleapis.com/` in production. */
    private readonly gmailRootUrl: string,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const checked = OutgoingMailSchema.parse(mail);
    const attachments = await loadAttachments(this.provider, mail.attachments ?? [], this.maxAttachmentBytes);
    const raw = buildMime({ ...checked, attachments });
    try {
      if (raw.length <= SIMPLE_SEND_MAX_BYTES) {
        const url = new URL('gmail/v1/users/me/messages/send', this.gmailRootUrl).href;
        // No automatic retry: a send whose answer was lost would go out twice.
        await this.auth.request({ url, method: 'POST', data: { raw: Buffer.from(raw, 'utf8').toString('base64url') }, retry: false });
      } else {
        const url = new URL('upload/gmail/v1/users/me/messages/send', this.gmailRootUrl).href;
        await this.auth.request({ url, method: 'POST', params: { uploadType: 'media' }, headers: { 'Content-Type': 'message/rfc822' }, data: raw, retry: false });
      }
    } catch (error) {
      throw refusal(error);
    }
  }
}
