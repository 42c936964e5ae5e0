/**
 * Enough of RFC 5322 / MIME (RFC 2045–2047, 2231) to read what a client sends Gmail: headers (unfolded, encoded
 * words decoded), one level of multipart, base64 / quoted-printable / 7bit bodies. Not a general mail parser.
 */

export interface MimePart {
  readonly headers: ReadonlyMap<string, string>;
  readonly contentType: string;
  readonly params: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

export interface ParsedMessage {
  readonly headers: ReadonlyMap<string, string>;
  readonly parts: readonly MimePart[];
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_whole, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

function splitHead(text: string): { head: string; body: string } {
  const at = text.search(/\r?\n\r?\n/);
  if (at < 0) return { head: text, body: '' };
  const gap = /\r?\n\r?\n/.exec(text.slice(at))?.[0].length ?? 2;
  return { head: text.slice(0, at), body: text.slice(at + gap) };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeEncodedWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** `type/sub; a="b"; c*=UTF-8''d%20e` → type and parameters (RFC 2231 values percent-decoded). */
function parseContentType(value: string): { type: string; params: Map<string, string> } {
  const [type = 'text/plain', ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const item of rest) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const name = item.slice(0, eq).trim().toLowerCase();
    const raw = item.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name.endsWith('*')) params.set(name.slice(0, -1), decodeURIComponent(raw.replace(/^[^']*'[^']*'/, '')));
    else if (!params.has(name)) params.set(name, raw);
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  const kind = (encoding ?? '7bit').toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (kind === 'quoted-printable') {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return Buffer.from(body, 'utf8');
}

function partOf(headers: Map<string, string>, body: string): MimePart {
  const { type, params } = parseContentType(headers.get('content-type') ?? 'text/plain');
  const disposition = parseContentType(`x/x;${headers.get('content-disposition')?.split(';').slice(1).join(';') ?? ''}`).params;
  for (const [key, value] of disposition) if (!params.has(key)) params.set(key, value);
  return { headers, contentType: type, params, body: decodeBody(body, headers.get('content-transfer-encoding')) };
}

/** The message's headers and its leaf parts (the message itself when it is not multipart). */
export function parseMime(text: string): ParsedMessage {
  const { head, body } = splitHead(text);
  const headers = parseHeaders(head);
  const { type, params } = parseContentType(headers.get('content-type') ?? 'text/plain');
  const boundary = params.get('boundary');
  if (!type.startsWith('multipart/') || !boundary) return { headers, parts: [partOf(headers, body)] };
  const sections = body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
  const parts = sections
    .slice(1, -1)
    .filter((section) => section.trim() !== '')
    .map((section) => {
      const inner = splitHead(section);
      return partOf(parseHeaders(inner.head), inner.body);
    });
  return { headers, parts };
}

/** Addresses of a To/Cc header: the part in angle brackets when there is one. */
export function addressesOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => (/<([^>]+)>/.exec(item)?.[1] ?? item).trim())
    .filter((item) => item !== '');
}
