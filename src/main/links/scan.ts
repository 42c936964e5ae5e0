import { continuesUrl, isAsciiDigit, isAsciiLetter, nextBraceDepth } from './chars';

/** A link-like token found in running text, with its offset for document order. */
export interface TextToken {
  offset: number;
  text: string;
}

/** Schemes worth reporting when written as `scheme://` in prose: web links, and native app links that we refuse. */
const MAX_SCHEME = 12;
/** Longest token kept; anything longer is cut here and will fail validation (bounds per-token work). */
const MAX_TOKEN = 16_384;

/**
 * Every `scheme://…` token in text, in order. Linear: `indexOf('://')` jumps between candidates natively, the
 * scheme is read backwards over at most {@link MAX_SCHEME} characters, and scanning resumes after each token, so
 * every character is visited a bounded number of times — no regex with unbounded repetition.
 */
export function scanSchemeTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let from = 0;
  for (;;) {
    const sep = text.indexOf('://', from);
    if (sep < 0) break;
    const start = schemeStart(text, sep);
    const end = tokenEnd(text, sep + 3);
    if (start < sep) tokens.push({ offset: start, text: text.slice(start, end) });
    from = Math.max(end, sep + 3);
  }
  return tokens;
}

/**
 * Where the scheme before `://` begins. Letters glued in front (`Joinhttps://…`) are not part of a web scheme:
 * when the run ends in `http`/`https` the token starts there.
 */
function schemeStart(text: string, sep: number): number {
  let i = sep;
  const limit = Math.max(0, sep - MAX_SCHEME);
  while (i > limit && isSchemeChar(text.charCodeAt(i - 1))) i -= 1;
  const scheme = text.slice(i, sep).toLowerCase();
  if (scheme.endsWith('https')) return sep - 5;
  if (scheme.endsWith('http')) return sep - 4;
  return i < sep && isAsciiLetter(text.charCodeAt(i)) ? i : sep;
}

function isSchemeChar(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code) || code === 0x2b || code === 0x2d || code === 0x2e;
}

function tokenEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_TOKEN);
  let depth = 0;
  let i = from;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (!continuesUrl(code, depth) || (isPunctuation(code) && endsBefore(text, i, code))) break;
    depth = nextBraceDepth(code, depth);
    i += 1;
  }
  return i;
}

/** Cheap first test for the punctuation {@link endsBefore} cares about (most URL characters are not). */
function isPunctuation(code: number): boolean {
  return code < 0x30 || (code > 0x39 && code < 0x41) || (code > 0x5a && code < 0x61) || code > 0x7a;
}

/** Punctuation after which a new `http(s)://` starts a second link rather than continuing the first. */
const GLUE = new Set([0x3b, 0x2c, 0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0x27, 0x2a, 0x21]);

/**
 * Whether the link ends before the punctuation at `i`. No join URL contains `;`, while Outlook lists locations
 * with it (`…MTID=m1;Room 4`), so `;` ends a link — except Proofpoint v3's `__;` inside its wrapper. And
 * `…/j/1,https://…` or `[https://a](https://b)` (Markdown) are two links, not one; wrappers carry their target
 * after `=` or `__`, which do not split.
 */
function endsBefore(text: string, i: number, code: number): boolean {
  if (code === 0x3b && !(text.charCodeAt(i - 1) === 0x5f && text.charCodeAt(i - 2) === 0x5f)) return true;
  if (!GLUE.has(code)) return false;
  const next = text.charCodeAt(i + 1);
  if (next !== 0x68 && next !== 0x48) return false;
  const head = text.slice(i + 1, i + 9).toLowerCase();
  return head.startsWith('http://') || head === 'https://';
}
