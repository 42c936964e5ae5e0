import { percentDecode } from './percent';

/**
 * Proofpoint URL Defense decoders (research §1: URLDefenseDecode v3 behaviour, MeetingBar #384/#539).
 * v1: `u=` is percent-encoded. v2: `u=` with `-` for `%` and `_` for `/`. v3: `/v3/__<url>__;<base64url>!…$`
 * where each `*` in the URL stands for the next character of the decoded bytes and `**X` for a run of them.
 */

export function decodeProofpointV1(u: string): string {
  return percentDecode(u);
}

export function decodeProofpointV2(u: string): string {
  return percentDecode(u.replace(/-/g, '%').replace(/_/g, '/'));
}

const V3_MARK = '/v3/__';
const V3_END = '__;';
/** `**A` = 2 characters, `**B` = 3, … through `**_` = 65 (URLDefenseDecode's run alphabet). */
const RUN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Decodes a whole v3 link; null when the `__…__;` frame is missing. */
export function decodeProofpointV3(wrapped: string): string | null {
  const mark = wrapped.indexOf(V3_MARK);
  if (mark < 0) return null;
  const start = mark + V3_MARK.length;
  const end = wrapped.indexOf(V3_END, start);
  if (end < 0) return null;
  const bytesEnd = wrapped.indexOf('!', end + V3_END.length);
  const encoded = wrapped.slice(end + V3_END.length, bytesEnd < 0 ? wrapped.length : bytesEnd).replace(/\$$/, '');
  const replacements = Array.from(base64UrlText(encoded));
  return substituteTokens(percentDecode(wrapped.slice(start, end)), replacements);
}

/** Replaces `*` / `**X` tokens left to right; a token beyond the available characters is dropped, never loops. */
function substituteTokens(url: string, replacements: readonly string[]): string {
  let out = '';
  let next = 0;
  let i = 0;
  while (i < url.length) {
    const star = url.indexOf('*', i);
    if (star < 0) {
      out += url.slice(i);
      break;
    }
    out += url.slice(i, star);
    const run = url.charAt(star + 1) === '*' ? RUN_ALPHABET.indexOf(url.charAt(star + 2)) : -1;
    const count = run >= 0 ? run + 2 : 1;
    out += replacements.slice(next, next + count).join('');
    next += count;
    i = star + (run >= 0 ? 3 : 1);
  }
  return out;
}

/** Base64url → UTF-8 text, tolerant of missing padding; undecodable input yields no replacements. */
function base64UrlText(encoded: string): string {
  if (encoded.length === 0) return '';
  const standard = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const padded = standard + '==='.slice((standard.length + 3) % 4);
  try {
    const binary = atob(padded);
    let escaped = '';
    for (let i = 0; i < binary.length; i += 1) escaped += `%${binary.charCodeAt(i).toString(16).padStart(2, '0')}`;
    return percentDecode(escaped);
  } catch {
    return '';
  }
}
