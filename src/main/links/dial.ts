import { isAsciiDigit, isAsciiLetter } from './chars';
import { trimLink } from './trim';

/**
 * Device dial strings (research §2 "Device dial strings"): SIP/H.323 addresses that a room system dials, which
 * are not web join links and travel in a separate `dial` channel. Recognised: explicit `sip:`/`sips:`/`h323:`/
 * `pexip://` URIs; bare addresses on known gateways (Zoom CRC, Webex video/Lync, Teams CVI via Webex, Poly
 * RealConnect, a `teams@` CVI IVR, numeric user on an IP); `IP##conference` H.323 strings; and the Teams
 * "Video Conference ID" composed with its gateway domain. Plain e-mail addresses are never dial strings.
 */
export interface DialFound {
  offset: number;
  uri: string;
  provider: string;
  note: string;
}

/** Literal-led alternation (fast to scan for); the word boundary before it is checked by hand. */
const SCHEME = /sips?:|h323:|pexip:\/\//gi;
const VTC_ID = /video (?:conference )?id:?[ \t\u00a0]{0,4}(\d[\d \u00a0]{4,24}\d)/gi;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const MAX_USER = 64;
const MAX_HOST = 253;
const CVI_WINDOW = 400;

interface Gateway {
  provider: string;
  note: string;
}

/** Which service a SIP host (and user) belongs to; null for an ordinary mail domain. */
function gatewayOf(user: string, host: string): Gateway | null {
  if (host === 'zoomcrc.com' || host.endsWith('.zoomcrc.com')) return { provider: 'zoom', note: 'Zoom Cloud Room Connector SIP address' };
  if (host === 'lync.webex.com') return { provider: 'webex', note: 'Webex address for Skype for Business clients' };
  if (host === 'm.webex.com') return { provider: 'teams', note: 'Teams video interop (CVI) via Webex' };
  if (host.endsWith('.webex.com') && /^\d{8,13}(?:\.[A-Za-z0-9-]+)?$/.test(user)) return { provider: 'webex', note: 'Webex video address' };
  if (host === 't.plcm.vc') return { provider: 'teams', note: 'Teams video interop (CVI) via Poly RealConnect' };
  if (user.toLowerCase() === 'teams') return { provider: 'teams', note: 'Teams video interop (CVI) gateway' };
  if (IPV4.test(host) && /^\d{6,13}$/.test(user)) return { provider: 'sip', note: 'SIP address on a conferencing IP' };
  return null;
}

/** A dial URI written with its scheme (`sip:…`, `h323:…`, `pexip://…`), from text or an href. */
export function dialFromUri(raw: string, offset: number): DialFound | null {
  const colon = raw.indexOf(':');
  if (colon < 0) return null;
  const scheme = raw.slice(0, colon).toLowerCase();
  const address = trimLink(raw.slice(scheme === 'pexip' ? colon + 3 : colon + 1)).split(/[?;]/, 1)[0] ?? '';
  if (address.length < 3 || address.length > MAX_USER + MAX_HOST) return null;
  const at = address.lastIndexOf('@');
  const user = at < 0 ? address : address.slice(0, at);
  const host = at < 0 ? '' : address.slice(at + 1).toLowerCase();
  if (scheme === 'h323') return { offset, uri: `h323:${address}`, provider: 'h323', note: 'H.323 address' };
  if (at < 0) return null;
  if (scheme === 'pexip') return { offset, uri: `pexip://${address}`, provider: 'pexip', note: 'Pexip One-Touch Join alias' };
  const gateway = gatewayOf(user, host) ?? { provider: 'sip', note: 'SIP address' };
  return { offset, uri: `${scheme}:${user}@${host}`, provider: gateway.provider, note: gateway.note };
}

/** All dial strings in visible text, in document order (duplicates removed by the caller). */
export function scanDialStrings(text: string): DialFound[] {
  return [...scanSchemes(text), ...scanBareAddresses(text), ...scanH323Pairs(text), ...scanVtcIds(text)];
}

function scanSchemes(text: string): DialFound[] {
  const found: DialFound[] = [];
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(text); m !== null; m = SCHEME.exec(text)) {
    const start = m.index;
    const before = text.charCodeAt(start - 1);
    if (isAsciiLetter(before) || isAsciiDigit(before)) continue;
    const end = addressEnd(text, start + m[0].length);
    const dial = dialFromUri(text.slice(start, end), start);
    if (dial !== null) found.push(dial);
    // Resume after the address just read, so `sip:sip:sip:…` is not re-read from every colon.
    SCHEME.lastIndex = Math.max(SCHEME.lastIndex, end);
  }
  return found;
}

function scanBareAddresses(text: string): DialFound[] {
  const found: DialFound[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const start = userStart(text, at);
    const end = hostEnd(text, at + 1);
    if (start === at || end === at + 1 || text.charCodeAt(start - 1) === 0x3a) continue;
    const user = text.slice(start, at);
    const host = text.slice(at + 1, end).replace(/\.+$/, '').toLowerCase();
    const gateway = gatewayOf(user, host);
    if (gateway !== null) found.push({ offset: start, uri: `sip:${user}@${host}`, ...gateway });
  }
  return found;
}

/** `203.0.113.10##123456789` (H.323 IP plus conference id, as GoTo and Zoom room connectors print it). */
function scanH323Pairs(text: string): DialFound[] {
  const found: DialFound[] = [];
  let at = text.indexOf('##');
  while (at >= 0) {
    let start = at;
    while (start > at - 15 && start > 0 && isIpChar(text.charCodeAt(start - 1))) start -= 1;
    let end = at + 2;
    while (end < at + 40 && end < text.length && (isAsciiDigit(text.charCodeAt(end)) || text.charAt(end) === '#')) end += 1;
    const ip = text.slice(start, at);
    const conference = text.slice(at + 2, end).replace(/#+$/, '');
    if (IPV4.test(ip) && /^\d{4,20}(?:#\d{1,12})?$/.test(conference)) {
      found.push({ offset: start, uri: `h323:${ip}##${conference}`, provider: 'h323', note: 'H.323 address with conference id' });
    }
    // Resume after what was read, so a run of `#` is not re-read from every position.
    at = text.indexOf('##', Math.max(at + 2, end));
  }
  return found;
}

/**
 * Teams invitations print the CVI gateway (`teams@vc.example.com`) and, below it, "Video Conference ID: …".
 * Devices can dial `<id>@<gateway domain>` directly (Pexip's Teams integration format).
 */
function scanVtcIds(text: string): DialFound[] {
  const found: DialFound[] = [];
  // Cheap pre-check before the case-insensitive regex walks the whole text.
  if (text.indexOf('ideo') < 0 && text.indexOf('IDEO') < 0) return found;
  VTC_ID.lastIndex = 0;
  for (let m = VTC_ID.exec(text); m !== null; m = VTC_ID.exec(text)) {
    const at = text.lastIndexOf('@', m.index);
    if (at < 0 || at < m.index - CVI_WINDOW) continue;
    const user = text.slice(userStart(text, at), at);
    const host = text.slice(at + 1, hostEnd(text, at + 1)).replace(/\.+$/, '').toLowerCase();
    if (user.toLowerCase() === 'teams' && host.includes('.')) {
      const id = (m[1] ?? '').replace(/[ \u00a0]/g, '');
      found.push({ offset: m.index, uri: `sip:${id}@${host}`, provider: 'teams', note: `Teams CVI direct dial (Video Conference ID ${id})` });
    }
  }
  return found;
}

function addressEnd(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + MAX_USER + MAX_HOST + 16);
  while (i < limit && isAddressChar(text.charCodeAt(i))) i += 1;
  return i;
}

function userStart(text: string, at: number): number {
  let i = at;
  while (i > at - MAX_USER && i > 0 && isUserChar(text.charCodeAt(i - 1))) i -= 1;
  return i;
}

function hostEnd(text: string, from: number): number {
  let i = from;
  while (i < from + MAX_HOST && i < text.length && isHostChar(text.charCodeAt(i))) i += 1;
  return i;
}

function isUserChar(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code) || code === 0x2e || code === 0x5f || code === 0x2d || code === 0x2b;
}

function isHostChar(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code) || code === 0x2e || code === 0x2d;
}

function isIpChar(code: number): boolean {
  return isAsciiDigit(code) || code === 0x2e;
}

/** Characters of a dial address after its scheme: user, host, IP, `#`/`*` DTMF and URI parameters. */
function isAddressChar(code: number): boolean {
  return isHostChar(code) || code === 0x40 || code === 0x5f || code === 0x2b || code === 0x25 || code === 0x23 ||
    code === 0x2a || code === 0x3a || code === 0x3b || code === 0x3d || code === 0x3f || code === 0x7e;
}
