import { isSpaceLike } from './chars';

/**
 * Trailing junk around a link in prose (research §4): whitespace incl. NBSP/ZWSP, sentence punctuation
 * `. , ; : ! ? ' "`, unbalanced closing `) ] }`, and `<…>` delimiters. `*` is added for Markdown emphasis.
 * Escaped delimiters (`%3E`, `%20`, `%22`, `%3C`) are dropped too: MeetingBar #727/#733 sent Webex a link ending
 * in `%3E` taken from `<URL>` text. So are escaped NBSP/ZWSP (`%C2%A0`, `%E2%80%8B`), which auto-linkers encode when
 * the space was glued to the link they made.
 */

const TRAILING_PUNCTUATION = new Set([0x2e, 0x2c, 0x3b, 0x3a, 0x21, 0x3f, 0x27, 0x22, 0x2a, 0x3e, 0x3c]);
/** Lower-case escapes, grouped by length so each trim step compares one slice per length. */
const ESCAPED_JUNK: readonly (readonly string[])[] = [['%3e', '%3c', '%20', '%22'], ['%c2%a0'], ['%e2%80%8b']];
const OPENER_OF: ReadonlyMap<number, number> = new Map([[0x29, 0x28], [0x5d, 0x5b], [0x7d, 0x7b]]);

export function trimLink(raw: string): string {
  const start = leadingJunkEnd(raw);
  let end = raw.length;
  // Unmatched closers per bracket kind, counted once on first need and decremented as they are cut.
  const unmatched = new Map<number, number>();
  while (end > start) {
    const code = raw.charCodeAt(end - 1);
    if (isSpaceLike(code) || TRAILING_PUNCTUATION.has(code)) {
      end -= 1;
    } else if (OPENER_OF.has(code) && (unmatched.get(code) ?? countUnmatched(unmatched, raw, start, end, code)) > 0) {
      unmatched.set(code, (unmatched.get(code) ?? 1) - 1);
      end -= 1;
    } else {
      const escaped = escapedJunkLength(raw, start, end);
      if (escaped === 0) break;
      end -= escaped;
    }
  }
  return start === 0 && end === raw.length ? raw : raw.slice(start, end);
}

/** Length of an escaped delimiter or space ending `raw[start, end)`, or 0. */
function escapedJunkLength(raw: string, start: number, end: number): number {
  if (end - start <= 3 || raw.charCodeAt(end - 3) !== 0x25) return 0;
  for (const group of ESCAPED_JUNK) {
    const length = group[0]?.length ?? 0;
    if (end - start > length && group.includes(raw.slice(end - length, end).toLowerCase())) return length;
  }
  return 0;
}

/** Leading whitespace, quotes and `<`/`(`/`[` only matter for whole-field values (structured fields, hrefs). */
function leadingJunkEnd(raw: string): number {
  let i = 0;
  while (i < raw.length) {
    const code = raw.charCodeAt(i);
    if (!isSpaceLike(code) && code !== 0x3c && code !== 0x22 && code !== 0x27 && code !== 0x28 && code !== 0x5b) break;
    i += 1;
  }
  return i;
}

/** How many `close` brackets in `raw[start, end)` have no opening partner before them. */
function countUnmatched(cache: Map<number, number>, raw: string, start: number, end: number, close: number): number {
  const open = OPENER_OF.get(close);
  let depth = 0;
  let excess = 0;
  for (let i = start; i < end; i += 1) {
    const code = raw.charCodeAt(i);
    if (code === open) depth += 1;
    else if (code === close && depth > 0) depth -= 1;
    else if (code === close) excess += 1;
  }
  cache.set(close, excess);
  return excess;
}
