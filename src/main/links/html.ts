import { isAsciiLetter } from './chars';
import { decodeEntities } from './entities';

/** What a body says once markup is read: the visible text, and link targets with their place in that text. */
export interface ReadMarkup {
  text: string;
  hrefs: { offset: number; value: string }[];
}

/** What a tag name means to the reader; everything but these is an ordinary tag that separates text. */
const KIND = { other: 0, link: 1, wbr: 2, style: 3, script: 4, title: 5 } as const;
type TagKind = (typeof KIND)[keyof typeof KIND];

/** Closing tags of raw-text elements, whose content is CSS/script/title, never invitation text. */
const RAW_TEXT_END: Readonly<Record<number, RegExp>> = {
  [KIND.style]: /<\/style[\s/>]/gi,
  [KIND.script]: /<\/script[\s/>]/gi,
  [KIND.title]: /<\/title[\s/>]/gi,
};
/** `<https://…>` in prose is a delimited link, not a tag (MeetingBar's `containsHTMLTags` mistook it for one). */
const LINK_SCHEMES_AS_TAGS = ['http', 'https', 'mailto', 'tel', 'sip', 'sips', 'h323', 'msteams', 'zoommtg'];
const KNOWN_TAG = /<\/?(?:a|p|br|div|span|html|body|head|meta|table|tbody|tr|td|th|b|i|u|font|img|style|ul|ol|li|strong|em|hr|h[1-6]|center|o:p|blockquote|pre)[\s/>]/i;

/** Whether a free-text field is HTML (Google descriptions are "HTML-ish"; Graph says so in `contentType`). */
export function looksLikeHtml(text: string): boolean {
  return text.indexOf('<') >= 0 && KNOWN_TAG.test(text);
}

/**
 * Reads HTML into visible text plus link targets, in one forward pass. Robust to hostile input: `indexOf` jumps
 * between tags, and once a construct is found unterminated (no `>` / `-->` / closing quote until the end), the
 * rest is read as text instead of being rescanned for every later `<`, which keeps unclosed-tag floods linear.
 * Every tag but `<wbr>` separates text, so a link never runs into the next cell's words. Tag names are compared
 * in place, without a substring per tag: this loop is most of the detector's time on real Outlook bodies.
 */
export function readHtml(html: string): ReadMarkup {
  const reader = new MarkupReader(html);
  reader.run();
  return { text: reader.pieces.join(''), hrefs: reader.hrefs };
}

class MarkupReader {
  readonly pieces: string[] = [];
  readonly hrefs: { offset: number; value: string }[] = [];
  private length = 0;
  private separated = false;
  private tagsOff = false;
  /** Raw-text kinds known to have no closing tag further on (bit per kind), so they are not searched again. */
  private rawUnclosed = 0;

  constructor(private readonly html: string) {}

  run(): void {
    const { html } = this;
    let pending = 0;
    let from = 0;
    for (;;) {
      const lt = this.tagsOff ? -1 : html.indexOf('<', from);
      if (lt < 0) break;
      from = lt + 1;
      // A literal `<` (`a < b`, `<https://…>`) stays inside the pending text run: no piece per character.
      if (this.isLiteralLt(lt)) continue;
      this.text(pending, lt);
      const end = this.markupAt(lt);
      pending = end < 0 ? lt : end;
      from = Math.max(from, pending);
    }
    this.text(pending, html.length);
  }

  /** `<` not followed by a tag, comment or declaration, or opening a `<scheme:…>` delimited link. */
  private isLiteralLt(lt: number): boolean {
    const { html } = this;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 || next === 0x2f || next === 0x3f) return false;
    if (!isAsciiLetter(next)) return true;
    let i = lt + 1;
    while (i < html.length && isTagNameChar(html.charCodeAt(i))) i += 1;
    return html.charCodeAt(i) === 0x3a && isLinkScheme(html, lt + 1, i);
  }

  private text(from: number, to: number): void {
    if (to <= from) return;
    if (isBlank(this.html, from, to)) {
      // Line breaks between tags: a separator is all they mean.
      this.separate();
      return;
    }
    const decoded = decodeEntities(this.html.slice(from, to));
    this.pieces.push(decoded);
    this.length += decoded.length;
    this.separated = false;
  }

  /** One newline between text runs, however many tags separate them. */
  private separate(): void {
    if (this.separated) return;
    this.pieces.push('\n');
    this.length += 1;
    this.separated = true;
  }

  /** Reads the markup at `<`; returns where text resumes, or -1 when it is unterminated (then it is text). */
  private markupAt(lt: number): number {
    const { html } = this;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21) return html.startsWith('<!--', lt) ? this.skipPast(lt + 4, '-->') : this.skipPast(lt + 2, '>');
    if (next === 0x2f || next === 0x3f) return this.skipPast(lt + 2, '>');
    return this.startTag(lt);
  }

  /** Skips to just past `terminator`; an unterminated construct turns tag reading off for the rest. */
  private skipPast(from: number, terminator: string): number {
    const at = this.html.indexOf(terminator, from);
    if (at < 0) {
      this.tagsOff = true;
      return -1;
    }
    this.separate();
    return at + terminator.length;
  }

  private startTag(lt: number): number {
    const { html } = this;
    const from = lt + 1;
    let i = from;
    while (i < html.length && isTagNameChar(html.charCodeAt(i))) i += 1;
    // Namespaced names (`o:p`, `v:roundrect`) continue after the colon.
    while (i < html.length && (isTagNameChar(html.charCodeAt(i)) || html.charCodeAt(i) === 0x3a)) i += 1;
    const kind = tagKind(html, from, i);
    const end = kind === KIND.link ? this.linkTag(i) : this.plainTagEnd(i);
    if (end < 0) return -1;
    if (kind !== KIND.wbr) this.separate();
    return kind >= KIND.style ? this.afterRawText(kind, end) : end;
  }

  private plainTagEnd(from: number): number {
    const at = this.html.indexOf('>', from);
    if (at < 0) this.tagsOff = true;
    return at < 0 ? -1 : at + 1;
  }

  /** `<style>`, `<script>`, `<title>` content is skipped up to the closing tag when there is one. */
  private afterRawText(kind: TagKind, end: number): number {
    const closing = RAW_TEXT_END[kind];
    if (closing === undefined || (this.rawUnclosed & (1 << kind)) !== 0) return end;
    closing.lastIndex = end;
    const match = closing.exec(this.html);
    if (match === null) {
      this.rawUnclosed |= 1 << kind;
      return end;
    }
    return this.plainTagEnd(match.index + 2);
  }

  /**
   * Attribute-aware read of a link tag (quoted values may contain `>`); records `href` and OWA's `originalsrc`
   * (the URL Safe Links rewrote). As in browsers, only the first of a repeated attribute counts.
   */
  private linkTag(from: number): number {
    const { html } = this;
    let i = from;
    let seenHref = false;
    let seenOriginal = false;
    while (i < html.length) {
      const code = html.charCodeAt(i);
      if (code === 0x3e) return i + 1;
      if (isAttributeGap(code)) {
        i += 1;
        continue;
      }
      const attribute = readAttribute(html, i);
      if (attribute === null) break;
      const isHref: boolean = attribute.name === 'href' && !seenHref;
      const isOriginal: boolean = attribute.name === 'originalsrc' && !seenOriginal;
      if (attribute.value !== null && (isHref || isOriginal)) {
        seenHref ||= isHref;
        seenOriginal ||= isOriginal;
        this.hrefs.push({ offset: this.length, value: decodeEntities(attribute.value) });
      }
      i = attribute.end;
    }
    this.tagsOff = true;
    return -1;
  }
}

/** Classifies a tag name in `html[from, to)` without allocating; names are case-insensitive. */
function tagKind(html: string, from: number, to: number): TagKind {
  switch (to - from) {
    case 1: return (html.charCodeAt(from) | 0x20) === 0x61 ? KIND.link : KIND.other;
    case 3: return sameWordAt(html, from, to, 'wbr') ? KIND.wbr : KIND.other;
    case 4: return sameWordAt(html, from, to, 'area') ? KIND.link : KIND.other;
    case 5: return sameWordAt(html, from, to, 'style') ? KIND.style : sameWordAt(html, from, to, 'title') ? KIND.title : KIND.other;
    case 6: return sameWordAt(html, from, to, 'script') ? KIND.script : KIND.other;
    case 11: return sameWordAt(html, from, to, 'v:roundrect') ? KIND.link : KIND.other;
    default: return KIND.other;
  }
}

function isLinkScheme(html: string, from: number, to: number): boolean {
  for (const scheme of LINK_SCHEMES_AS_TAGS) if (sameWordAt(html, from, to, scheme)) return true;
  return false;
}

interface Attribute {
  name: string;
  value: string | null;
  end: number;
}

/** One `name[=value]`; null when a quoted value never closes (the tag is then unterminated). */
function readAttribute(html: string, from: number): Attribute | null {
  let i = from;
  while (i < html.length && !isAttributeNameEnd(html.charCodeAt(i))) i += 1;
  const name = html.slice(from, Math.max(i, from + 1)).toLowerCase();
  if (i === from) i += 1;
  let j = i;
  while (j < html.length && isHtmlSpace(html.charCodeAt(j))) j += 1;
  if (html.charCodeAt(j) !== 0x3d) return { name, value: null, end: i };
  j += 1;
  while (j < html.length && isHtmlSpace(html.charCodeAt(j))) j += 1;
  const quote = html.charAt(j);
  if (quote === '"' || quote === "'") {
    const close = html.indexOf(quote, j + 1);
    if (close < 0) return null;
    return { name, value: html.slice(j + 1, close), end: close + 1 };
  }
  let k = j;
  while (k < html.length && !isHtmlSpace(html.charCodeAt(k)) && html.charCodeAt(k) !== 0x3e) k += 1;
  return { name, value: html.slice(j, k), end: k };
}

/** Whether `html[from, to)` is `word` (lower-case letters, digits, `:`), compared case-insensitively in place. */
function sameWordAt(html: string, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k += 1) {
    if ((html.charCodeAt(from + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Only ASCII whitespace; short runs between tags are the common case. */
function isBlank(html: string, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) {
    const code = html.charCodeAt(k);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return false;
  }
  return true;
}

function isTagNameChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f;
}

function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** Between attributes: spaces, and the `/` of self-closing syntax. */
function isAttributeGap(code: number): boolean {
  return isHtmlSpace(code) || code === 0x2f;
}

function isAttributeNameEnd(code: number): boolean {
  return isAttributeGap(code) || code === 0x3d || code === 0x3e;
}
