import { providerForHost } from './catalog';
import { dialFromUri, type DialFound } from './dial';
import { decodeEntities } from './entities';
import type { ProviderSpec } from './provider-types';
import { trimLink } from './trim';
import { isWrapperHost, unwrapOnce } from './unwrap';
import { judgeUrl, mayBeProviderHost, unknownHostReasonFor } from './validate';

/** What one link-like string turned out to be. */
export type Resolution =
  | { kind: 'join'; spec: ProviderSpec; url: string; shape: string; heuristic: boolean; wrappers: readonly string[] }
  | { kind: 'dial'; dial: DialFound }
  | { kind: 'rejected'; url: string; reason: string }
  | { kind: 'ignored' };

/** Nesting cap for wrappers, as MeetingBar PR #936 (real mail nests two or three; loops stop on no progress). */
const MAX_UNWRAP = 32;
/** Longest join URL (the shared model caps join URLs at 4096 characters). */
const MAX_LINK = 4096;
/** Longest link examined, wrappers included: nested wrappers grow fast, their targets must not exceed MAX_LINK. */
const MAX_WRAPPED = 16_384;

const NEVER_JOIN_SCHEMES: Readonly<Record<string, string>> = {
  tel: 'a phone number (tel:) is not a join link',
  mailto: 'an e-mail address (mailto:) is not a join link',
  javascript: 'script (javascript:) links are never followed',
  vbscript: 'script (vbscript:) links are never followed',
  data: 'inline data (data:) links are never followed',
  file: 'local file (file:) links are never followed',
  blob: 'blob: links are never followed',
  msteams: 'Teams app link (msteams:); only web links are joined',
  zoommtg: 'Zoom app link (zoommtg:); only web links are joined',
  zoomus: 'Zoom app link (zoomus:); only web links are joined',
};
const DIAL_SCHEMES = new Set(['sip', 'sips', 'h323', 'pexip']);
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]{0,15}):/;

/**
 * Resolves a link as written (entity-decoded) into a join link, a dial string, or a rejection with its reason.
 * Order follows research §4: trim → unwrap repeatedly (each target trimmed and entity-decoded again) → validate
 * host and shape → WHATWG serialization (`URL.href`).
 */
export function resolveLink(raw: string): Resolution {
  if (raw.length > MEMO_MAX_KEY) return resolveUncached(raw);
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const resolution = resolveUncached(raw);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(raw, resolution);
  return resolution;
}

/**
 * Bounded memo of resolutions (they are immutable). Invitations repeat the same links endlessly — every Teams
 * invite carries the same help, options and dial-in links — and the kiosk re-reads its calendar every few minutes.
 * Small on purpose: keys are slices of event bodies and keep them alive while memoised.
 */
const MEMO_SIZE = 1024;
const MEMO_MAX_KEY = 2048;
const memo = new Map<string, Resolution>();

/** Forgets memoised resolutions (benchmarks measure cold runs with it). */
export function clearResolveMemo(): void {
  memo.clear();
}

function resolveUncached(raw: string): Resolution {
  let current = trimLink(raw);
  if (current === '') return { kind: 'ignored' };
  const wrappers: string[] = [];
  for (let pass = 0; pass <= MAX_UNWRAP; pass += 1) {
    const scheme = schemeOf(current);
    if (scheme !== 'http' && scheme !== 'https') return nonWebLink(current, scheme, wrappers);
    if (current.length > MAX_WRAPPED) return reject(current, `link longer than ${MAX_WRAPPED} characters`, wrappers);
    const plain = plainAuthority(current);
    if (plain !== null && !isWrapperHost(plain.host) && !mayBeProviderHost(plain.host)) {
      return reject(current, unknownHostReasonFor(plain.host, plain.path), wrappers);
    }
    const url = parseUrl(current);
    if (url === null) return reject(current, 'not a valid URL', wrappers);
    const step = unwrapOnce(current, url);
    if (step.kind === 'opaque') {
      return reject(url.href, `${step.wrapper} rewrote this link and its target cannot be recovered offline; the link text or location is used instead`, wrappers);
    }
    const next = step.kind === 'inner' ? trimLink(decodeEntities(step.url)) : current;
    if (step.kind === 'none' || next === current) return judged(url, wrappers);
    wrappers.push(step.wrapper);
    current = next;
  }
  return reject(current, `more than ${MAX_UNWRAP} nested link wrappers; refused`, wrappers);
}

function judged(url: URL, wrappers: readonly string[]): Resolution {
  if (url.href.length > MAX_LINK) return reject(url.href, `link longer than ${MAX_LINK} characters`, wrappers);
  const verdict = judgeUrl(url);
  if (!verdict.ok) return reject(url.href, verdict.reason, wrappers);
  return { kind: 'join', spec: verdict.spec, url: url.href, shape: verdict.shape, heuristic: verdict.heuristic, wrappers };
}

function nonWebLink(link: string, scheme: string | null, wrappers: readonly string[]): Resolution {
  if (scheme === null) return schemelessLink(link, wrappers);
  if (DIAL_SCHEMES.has(scheme)) {
    const dial = dialFromUri(link, 0);
    return dial === null ? reject(link, `${scheme}: address without a usable target`, wrappers) : { kind: 'dial', dial };
  }
  const reason = NEVER_JOIN_SCHEMES[scheme] ?? `${scheme}: links are not web join links`;
  return reject(link, wrappers.length > 0 ? `wrapper target: ${reason}` : reason, wrappers);
}

/**
 * `meet.google.com/abc-defg-hij` without a scheme is reported (so IT sees why nothing was chosen) but not joined:
 * the contract counts only http(s) links. Other scheme-less text (relative hrefs, `#`) is ignored.
 */
function schemelessLink(link: string, wrappers: readonly string[]): Resolution {
  const host = link.split(/[/?#]/, 1)[0]?.toLowerCase() ?? '';
  const spec = host.includes('.') ? providerForHost(host) : undefined;
  if (spec === undefined) return { kind: 'ignored' };
  return reject(link, `${spec.name} address written without https://; only full web links are joined`, wrappers);
}

function reject(url: string, reason: string, wrappers: readonly string[]): Resolution {
  const via = wrappers.length > 0 ? ` (after unwrapping ${wrappers.join(' → ')})` : '';
  return { kind: 'rejected', url: url.slice(0, 512), reason: reason + via };
}

function schemeOf(link: string): string | null {
  // Fast path for the common case; the regex handles everything else.
  const head = link.charCodeAt(0) | 0x20;
  if (head === 0x68 && link.length > 8) {
    const prefix = link.slice(0, 8).toLowerCase();
    if (prefix === 'https://') return 'https';
    if (prefix.startsWith('http://')) return 'http';
  }
  const match = SCHEME.exec(link);
  return match === null ? null : (match[1] ?? '').toLowerCase();
}

/**
 * The host of a link written plainly (lower-case letters, digits, dots, hyphens; no userinfo, port, escapes or IP),
 * read without a full parse. Links on such hosts that no provider or wrapper owns are refused cheaply, which keeps
 * bodies with thousands of unrelated links fast; anything unusual gets null and the full WHATWG parse.
 */
function plainAuthority(link: string): { host: string; path: string } | null {
  const start = link.indexOf('://') + 3;
  let end = start;
  let letters = false;
  for (; end < link.length; end += 1) {
    const code = link.charCodeAt(end) | 0x20;
    if (code === 0x2f || code === 0x3f || code === 0x23) break;
    const letter = code >= 0x61 && code <= 0x7a;
    if (!letter && !(code >= 0x30 && code <= 0x39) && code !== 0x2e && code !== 0x2d) return null;
    letters ||= letter;
  }
  if (end === start || !letters) return null;
  return { host: link.slice(start, end).toLowerCase(), path: link.slice(end, end + 256) };
}

/** `URL.parse` returns null instead of throwing: bodies with thousands of broken links must not pay for exceptions. */
function parseUrl(link: string): URL | null {
  const afterScheme = link.indexOf('://');
  const first = afterScheme < 0 ? -1 : link.charCodeAt(afterScheme + 3);
  // `https://` followed by nothing, a path or a query has no host: refuse before parsing.
  if (first !== first || first === 0x2f || first === 0x3f || first === 0x23) return null;
  return URL.parse(link);
}
