import { percentDecode } from './percent';
import { decodeProofpointV1, decodeProofpointV2, decodeProofpointV3 } from './proofpoint';

/**
 * Link-rewriting wrappers seen in invitation bodies (research §2 "Wrappers"). Each step peels one layer; the
 * resolver loops with a cap and a no-progress check, so nested or self-referencing wrappers always terminate.
 */
export type Unwrapped =
  | { kind: 'inner'; wrapper: string; url: string }
  | { kind: 'opaque'; wrapper: string }
  | { kind: 'none' };

interface QueryWrapper {
  name: string;
  host: (host: string) => boolean;
  path: (path: string) => boolean;
  params: readonly string[];
  decode: (value: string) => string;
}

const SAFE_LINK_HOSTS = ['.safelinks.protection.outlook.com', '.safelinks.protection.office365.us', '.safelinks.protection.outlook.cn'];
const GOOGLE_HOST = /^(?:www\.)?google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/;

const anyPath = (): boolean => true;

const QUERY_WRAPPERS: readonly QueryWrapper[] = [
  {
    name: 'Safe Links',
    host: (h) => SAFE_LINK_HOSTS.some((suffix) => h.endsWith(suffix)),
    path: anyPath,
    params: ['url'],
    decode: percentDecode,
  },
  {
    name: 'Teams Safe Links',
    host: (h) => h === 'statics.teams.cdn.office.net',
    path: (p) => p.startsWith('/evergreen-assets/safelinks/'),
    params: ['url'],
    decode: percentDecode,
  },
  { name: 'Proofpoint v1', host: isProofpointHost, path: (p) => p === '/v1/url', params: ['u'], decode: decodeProofpointV1 },
  { name: 'Proofpoint v2', host: isProofpointHost, path: (p) => p === '/v2/url', params: ['u'], decode: decodeProofpointV2 },
  { name: 'Google redirect', host: (h) => GOOGLE_HOST.test(h), path: (p) => p === '/url', params: ['q', 'url'], decode: percentDecode },
  { name: 'Barracuda Link Protection', host: (h) => h === 'linkprotect.cudasvc.com', path: (p) => p === '/url', params: ['a'], decode: percentDecode },
  {
    name: 'Trend Micro Click Time',
    host: (h) => h.endsWith('.trendmicro.com') || h.endsWith('.trendmicro.eu'),
    path: (p) => p.startsWith('/wis/clicktime/'),
    params: ['url'],
    decode: percentDecode,
  },
  { name: 'Symantec Click-time', host: (h) => h === 'clicktime.symantec.com', path: anyPath, params: ['u'], decode: percentDecode },
];

function isProofpointHost(host: string): boolean {
  return host === 'urldefense.proofpoint.com' || host === 'urldefense.com' || host === 'urldefense.us';
}

/** Whether a host belongs to any wrapper (used to skip full parsing of links that cannot matter). */
export function isWrapperHost(host: string): boolean {
  return (
    QUERY_WRAPPERS.some((wrapper) => wrapper.host(host)) || isProofpointHost(host) || host === 'secure-web.cisco.com' ||
    host === 'go.copilot.clari.com' || (host.endsWith('.mimecast.com') && host.startsWith('protect'))
  );
}

/** Peels one wrapper layer. `raw` is the link as written (Proofpoint v3 and Cisco keep the target in the path). */
export function unwrapOnce(raw: string, url: URL): Unwrapped {
  const host = url.hostname;
  for (const wrapper of QUERY_WRAPPERS) {
    if (!wrapper.host(host) || !wrapper.path(url.pathname)) continue;
    const value = rawQueryParam(url.search, wrapper.params);
    return value === null ? { kind: 'none' } : { kind: 'inner', wrapper: wrapper.name, url: wrapper.decode(value) };
  }
  if (isProofpointHost(host) && url.pathname.startsWith('/v3/__')) {
    const inner = decodeProofpointV3(raw);
    return inner === null ? { kind: 'none' } : { kind: 'inner', wrapper: 'Proofpoint v3', url: inner };
  }
  return unwrapPathWrappers(url);
}

/** Wrappers that carry the target in the path, or cannot be recovered at all. */
function unwrapPathWrappers(url: URL): Unwrapped {
  const host = url.hostname;
  if (host === 'secure-web.cisco.com') {
    const at = url.pathname.indexOf('/', 1);
    return at < 0 ? { kind: 'none' } : { kind: 'inner', wrapper: 'Cisco Secure Email', url: percentDecode(url.pathname.slice(at + 1)) };
  }
  if (host === 'go.copilot.clari.com') return unwrapClari(url);
  if (host.endsWith('.mimecast.com') && host.startsWith('protect')) return { kind: 'opaque', wrapper: 'Mimecast' };
  return { kind: 'none' };
}

/** Clari Copilot notetaker link around a Meet code (MeetingBar PR #972); other Clari paths are left alone. */
function unwrapClari(url: URL): Unwrapped {
  const match = /^\/hangout\/([a-z]{3}-[a-z]{4}-[a-z]{3})\/?$/.exec(url.pathname);
  return match === null ? { kind: 'none' } : { kind: 'inner', wrapper: 'Clari Copilot', url: `https://meet.google.com/${match[1]}` };
}

/** The first of `names` in a query string, undecoded (each wrapper decodes its own way, exactly once). */
function rawQueryParam(search: string, names: readonly string[]): string | null {
  const pairs = search.startsWith('?') ? search.slice(1).split('&') : [];
  for (const name of names) {
    const prefix = `${name}=`;
    const pair = pairs.find((p) => p.length > prefix.length && p.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase());
    if (pair !== undefined) return pair.slice(prefix.length);
  }
  return null;
}
