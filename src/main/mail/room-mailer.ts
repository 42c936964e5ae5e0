import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { EmailSchema } from '../../shared/invite';
import { UserFacingError } from '../bridge/router';

/**
 * Mail from the room's own mailbox: meeting invitations (issue 6), files from a session (issue 7), health notices
 * (issue 8). Graph `sendMail` (Mail.Send) and Gmail `users.messages.send` (gmail.send) implement it.
 */

/** A file to attach: read from `path` (main only) or given as bytes (something made in memory, e.g. a QR image). */
export type MailAttachment = { name: string; contentType: string } & ({ path: string } | { bytes: Uint8Array });

export interface OutgoingMail {
  to: string[];
  subject: string;
  /** The whole body, already escaped by whoever built it. */
  html: string;
  attachments?: MailAttachment[];
}

export type MailProvider = 'microsoft' | 'google';

export interface RoomMailer {
  readonly provider: MailProvider;
  /**
   * The most attachment bytes (all files together) one mail may carry: callers with bigger files check this first
   * and send a sharing link instead. `send` refuses more with AttachmentTooLargeError before anything leaves.
   */
  readonly maxAttachmentBytes: number;
  send(mail: OutgoingMail): Promise<void>;
}

/** The attachments would make the mail too big for the provider: send a sharing link instead. */
export class AttachmentTooLargeError extends UserFacingError {
  constructor(
    readonly provider: MailProvider,
    readonly totalBytes: number,
    readonly limitBytes: number,
  ) {
    super('attachment-too-large', `The files are too big to mail (${megabytes(totalBytes)} MB; the limit is ${megabytes(limitBytes)} MB). Share a link instead.`);
    this.name = 'AttachmentTooLargeError';
  }
}

/** The provider did not send it: 'no-permission' when the mail feature's scope is missing (403). */
export class MailRefusedError extends UserFacingError {
  constructor(
    readonly provider: MailProvider,
    readonly reason: 'no-permission' | 'bad-recipient' | 'failed',
    options: { cause?: unknown } = {},
  ) {
    super(`mail-${reason}`, MAIL_MESSAGES[reason]);
    this.name = 'MailRefusedError';
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

const MAIL_MESSAGES: Record<MailRefusedError['reason'], string> = {
  'no-permission': 'This room may not send mail; IT can switch mail on.',
  'bad-recipient': 'One of the addresses was refused.',
  failed: 'The mail did not go out. Please try again.',
};

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** Every edge is checked: a header-breaking address or a CR/LF in the subject never reaches a provider. */
export const OutgoingMailSchema = z.object({
  to: z.array(EmailSchema).min(1).max(100),
  subject: z.string().max(255).regex(/^[^\r\n]*$/),
  html: z.string().max(1_000_000),
});

/** An attachment with its bytes in hand. */
export interface LoadedAttachment {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A file name fit for a MIME header and a Graph attachment: no path, no control characters, never empty. */
function safeName(name: string): string {
  const cleaned = basename(name).replace(/[\p{Cc}"\\]/gu, '').trim();
  return cleaned === '' ? 'attachment' : cleaned.slice(0, 200);
}

const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

/**
 * The attachments' bytes, refused before any file is read when their sizes add up to more than `limitBytes` (a
 * 200 MB video must not be loaded into memory only to be refused).
 */
export async function loadAttachments(provider: MailProvider, attachments: readonly MailAttachment[], limitBytes: number): Promise<LoadedAttachment[]> {
  const sizes = await Promise.all(attachments.map(async (file) => ('bytes' in file ? file.bytes.byteLength : (await stat(file.path)).size)));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > limitBytes) throw new AttachmentTooLargeError(provider, total, limitBytes);
  return Promise.all(
    attachments.map(async (file) => ({
      name: safeName(file.name),
      contentType: CONTENT_TYPE.test(file.contentType) ? file.contentType : 'application/octet-stream',
      bytes: 'bytes' in file ? file.bytes : new Uint8Array(await readFile(file.path)),
    })),
  );
}
