import type { Clock } from './clock';

/** A file that went out with a mail, decoded (tests compare bytes, not base64 line breaks). */
export interface OutboxAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly contentBase64: string;
}

/** One mail a provider accepted for delivery (Graph sendMail, Gmail messages.send), as the recipients would read it. */
export interface OutboxMail {
  readonly provider: 'graph' | 'gmail';
  /** The account that sent it (the token's user), lower case. */
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** The body as sent (HTML, or plain text for a text/plain Gmail message). */
  readonly body: string;
  readonly attachments: readonly OutboxAttachment[];
  readonly sentAt: string;
}

/**
 * Mail that left the sandbox's mailboxes: nothing is delivered anywhere, the tests read it here. Shared by every
 * provider, so `outbox(account)` answers whichever cloud the account lives in.
 */
export class Outbox {
  private readonly sent: OutboxMail[] = [];

  constructor(private readonly clock: Clock) {}

  add(mail: Omit<OutboxMail, 'sentAt' | 'from'> & { from: string }): OutboxMail {
    const stored: OutboxMail = { ...mail, from: mail.from.toLowerCase(), sentAt: this.clock().toISOString() };
    this.sent.push(stored);
    return stored;
  }

  /** What `account` sent, oldest first. */
  of(account: string): OutboxMail[] {
    const wanted = account.trim().toLowerCase();
    return this.sent.filter((mail) => mail.from === wanted).map((mail) => structuredClone(mail));
  }
}
