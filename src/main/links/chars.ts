/**
 * Character classes shared by the URL scanner and the trimmer, as code-unit tests (no regex) so scanning stays a
 * single linear pass.
 */

/** ASCII whitespace and controls, plus the Unicode spaces that mail clients glue to links (NBSP, ZWSP, BOM, …). */
export function isSpaceLike(code: number): boolean {
  if (code <= 0x20 || code === 0x7f) return true;
  if (code < 0x80) return false;
  return (
    code === 0x85 || code === 0xa0 || code === 0xad || code === 0x1680 || (code >= 0x2000 && code <= 0x200f) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x2060 ||
    code === 0x3000 || code === 0xfeff
  );
}

const CODE_QUOTE = 0x22;
const CODE_LT = 0x3c;
const CODE_GT = 0x3e;
const CODE_BACKSLASH = 0x5c;
const CODE_BACKTICK = 0x60;
const CODE_PIPE = 0x7c;
const CODE_OPEN_BRACE = 0x7b;
const CODE_CLOSE_BRACE = 0x7d;

/**
 * Whether a code unit can continue a URL found in running text. Non-ASCII ends a link: join URLs are ASCII
 * (percent-encoded), while CJK punctuation and typographic quotes often follow them without a space.
 * `"` is allowed only inside `{…}`, because Teams links are sometimes pasted with a raw JSON `context={"Tid":…}`.
 */
export function continuesUrl(code: number, braceDepth: number): boolean {
  if (code >= 0x7f || isSpaceLike(code)) return false;
  switch (code) {
    case CODE_LT: case CODE_GT: case CODE_BACKSLASH: case CODE_BACKTICK: case CODE_PIPE:
      return false;
    case CODE_QUOTE:
      return braceDepth > 0;
    default:
      return true;
  }
}

/** Tracks `{…}` nesting while scanning a URL, for {@link continuesUrl}. */
export function nextBraceDepth(code: number, depth: number): number {
  if (code === CODE_OPEN_BRACE) return depth + 1;
  if (code === CODE_CLOSE_BRACE && depth > 0) return depth - 1;
  return depth;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
