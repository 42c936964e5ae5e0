import { randomBytes } from 'node:crypto';
import type { LoadedAttachment } from './room-mailer';

/**
 * An RFC 5322 message with MIME parts (RFC 2045–2047, 2231), for Gmail's `raw`. Everything non-ASCII is encoded, so
 * the result is plain 7-bit text: headers as RFC 2047 encoded words, bodies and files as base64 in 76-character lines.
 */

export interface MimeMessage {
  to: readonly string[];
  subject: string;
  html: string;
  attachments: readonly LoadedAttachment[];
}

const CRLF = '\r\n';

function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A header value as RFC 2047 encoded words when it is not plain ASCII. Each word holds whole characters of at most
 * 45 bytes, so no word exceeds the 75-character limit and no UTF-8 sequence is split between two words.
 */
export function encodeHeaderText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** RFC 2231 `filename*=UTF-8''…`, which every current mail client reads, plus an ASCII `filename` for old ones. */
function fileParameters(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function htmlPart(html: string): string[] {
  return ['Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from(html, 'utf8'))];
}

function attachmentPart(file: LoadedAttachment): string[] {
  return [`Content-Type: ${file.contentType}`, `Content-Disposition: attachment; ${fileParameters(file.name)}`, 'Content-Transfer-Encoding: base64', '', base64Lines(file.bytes)];
}

/** The whole message; `boundary` is random unless a test fixes it. */
export function buildMime(message: MimeMessage, boundary: string = `roomdeck-${randomBytes(12).toString('hex')}`): string {
  const headers = [`To: ${message.to.join(', ')}`, `Subject: ${encodeHeaderText(message.subject)}`, 'MIME-Version: 1.0'];
  if (message.attachments.length === 0) return [...headers, ...htmlPart(message.html)].join(CRLF);
  const parts = [htmlPart(message.html), ...message.attachments.map(attachmentPart)];
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    ...parts.flatMap((part) => [`--${boundary}`, ...part]),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
