/**
 * HTML character references. Invitation bodies are HTML (Outlook, Google descriptions) and even "plain" fields
 * carry `&amp;` inside links; schemes are sometimes written entirely as references (`&#x68;&#x74;…`, MeetingBar
 * test `testDetectsLinkOnlyAfterHTMLStripping`). Only references with a terminating `;` are decoded for names,
 * numeric ones also without it, as browsers do in text.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', ZeroWidthSpace: '\u200b', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  shy: '\u00ad', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', ndash: '\u2013', mdash: '\u2014',
  hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', sbquo: '\u201a',
  bdquo: '\u201e', bull: '\u2022', middot: '\u00b7', laquo: '\u00ab', raquo: '\u00bb', times: '\u00d7',
  euro: '\u20ac', pound: '\u00a3', sect: '\u00a7', para: '\u00b6', deg: '\u00b0', iexcl: '\u00a1',
  iquest: '\u00bf', Tab: '\t', NewLine: '\n', excl: '!', num: '#', dollar: '$', percnt: '%', lpar: '(',
  rpar: ')', ast: '*', plus: '+', comma: ',', period: '.', sol: '/', colon: ':', semi: ';', equals: '=',
  quest: '?', commat: '@', lsqb: '[', rsqb: ']', bsol: '\\', lowbar: '_', grave: '`', lcub: '{', rcub: '}',
  verbar: '|', Hat: '^', hyphen: '\u2010',
};

const MAX_NAME = 32;

/**
 * One left-to-right pass with `indexOf('&')`: no regex callback per reference, which matters because Outlook
 * bodies put `&nbsp;` and `&amp;` in almost every text run.
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let copied = 0;
  while (amp >= 0) {
    const reference = readReference(text, amp);
    if (reference === null) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    out += text.slice(copied, amp) + reference.text;
    copied = reference.end;
    amp = text.indexOf('&', copied);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The reference starting at `amp` (`&name;`, `&#123;`, `&#x7B;`, numeric ones also without `;`), or null. */
function readReference(text: string, amp: number): { text: string; end: number } | null {
  if (text.charCodeAt(amp + 1) === 0x23) return readNumeric(text, amp + 2);
  let i = amp + 1;
  while (i < text.length && i - amp <= MAX_NAME && isAlphanumeric(text.charCodeAt(i))) i += 1;
  if (i === amp + 1 || text.charCodeAt(i) !== 0x3b) return null;
  const named = NAMED[text.slice(amp + 1, i)];
  return named === undefined ? null : { text: named, end: i + 1 };
}

function readNumeric(text: string, from: number): { text: string; end: number } | null {
  const hex = (text.charCodeAt(from) | 0x20) === 0x78;
  const start = hex ? from + 1 : from;
  let i = start;
  while (i < text.length && i - start < (hex ? 6 : 7) && (hex ? isHexDigit(text.charCodeAt(i)) : isDigit(text.charCodeAt(i)))) i += 1;
  if (i === start) return null;
  const code = parseInt(text.slice(start, i), hex ? 16 : 10);
  return { text: codePointText(code), end: text.charCodeAt(i) === 0x3b ? i + 1 : i };
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Invalid code points become U+FFFD, as in the HTML spec, instead of throwing. */
function codePointText(code: number): string {
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}
