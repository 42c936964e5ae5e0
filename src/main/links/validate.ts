import { catalogDomains, providerForHost, selfHostedCandidates } from './catalog';
import type { JoinShape, ProviderSpec } from './provider-types';

/** Verdict on one parsed, unwrapped web URL. */
export type Verdict =
  | { ok: true; spec: ProviderSpec; shape: string; heuristic: boolean }
  | { ok: false; reason: string };

const MAX_HOST = 253;

/**
 * Decides whether a parsed URL is a join link: host first (exact or `.domain`, on the parsed hostname, so
 * `evil.example/zoom.us/j/1` and `teams.microsoft.com@evil.example` fail), then scheme policy, then the
 * provider's known non-join pages, then its join shapes.
 */
export function judgeUrl(url: URL): Verdict {
  const hostProblem = hostProblemOf(url);
  if (hostProblem !== null) return { ok: false, reason: hostProblem };
  const spec = providerForHost(url.hostname);
  if (spec !== undefined) return judgeForProvider(url, spec, false);
  for (const candidate of selfHostedCandidates(url.hostname)) {
    const verdict = judgeForProvider(url, candidate, true);
    if (verdict.ok) return verdict;
  }
  return { ok: false, reason: unknownHostReason(url) };
}

function hostProblemOf(url: URL): string | null {
  if (url.username !== '' || url.password !== '') {
    return `credentials in the link (${url.username}@…) hide the real host ${url.hostname}; refused`;
  }
  const host = url.hostname;
  if (host === '') return 'no host';
  if (host.length > MAX_HOST) return 'host name longer than DNS allows';
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return `IP address host ${host} is not a conferencing service`;
  if (url.port !== '') return `non-standard port :${url.port}`;
  return null;
}

function judgeForProvider(url: URL, spec: ProviderSpec, heuristic: boolean): Verdict {
  if (url.protocol === 'http:' && spec.http !== true) {
    return { ok: false, reason: `${spec.name} join links use https; plain http refused` };
  }
  for (const rule of spec.notJoins ?? []) {
    const hostHit = rule.hosts === undefined || rule.hosts.includes(url.hostname);
    const pathHit = rule.path === undefined || rule.path.test(url.pathname);
    if (hostHit && pathHit && (rule.hosts !== undefined || rule.path !== undefined)) {
      return { ok: false, reason: `${spec.name} ${rule.reason}` };
    }
  }
  const shape = spec.joins.find((s) => shapeMatches(s, url));
  if (shape !== undefined) return { ok: true, spec, shape: shape.label, heuristic };
  return { ok: false, reason: `${spec.name} link, but not a join link (expected ${expectedShapes(spec)})` };
}

const expectedMemo = new WeakMap<ProviderSpec, string>();

/** "meeting link /j/<id>; personal meeting room /my/<name>; …", built once per provider. */
function expectedShapes(spec: ProviderSpec): string {
  let text = expectedMemo.get(spec);
  if (text === undefined) {
    text = [...new Set(spec.joins.map((s) => s.label))].join('; ');
    expectedMemo.set(spec, text);
  }
  return text;
}

function shapeMatches(shape: JoinShape, url: URL): boolean {
  if (shape.hosts !== undefined && !shape.hosts.includes(url.hostname)) return false;
  if (shape.hostTest !== undefined && !shape.hostTest.test(url.hostname)) return false;
  if (!shape.path.test(url.pathname)) return false;
  if (shape.hash !== undefined && !shape.hash.test(url.hash)) return false;
  return shape.query === undefined || shape.query.some((name) => (url.searchParams.get(name) ?? '') !== '');
}

/**
 * Brand names people recognise in a host ("zoom", "webex", …), from the catalog's registered domains. Checking a
 * host's labels against this set is linear in the host, unlike trying every catalog domain as a substring.
 */
const GENERIC_LABELS = new Set(['www', 'app', 'go', 'join', 'meet', 'meeting', 'meetings', 'call', 'video', 'v', 'event',
  'events', 'vc', 'us', 'eu', 'com', 'net', 'org', 'io', 'co', 'me', 'ai', 'live', 'aws', 'gl', 'in', 'fm', 'town',
  'page', 'cn', 'de', 'uk', 'jp', 'ca', 'sa', 'au', 'ms', 'cloud', 'support', 'calendar', 'tel', 'stream', 'duo',
  'systems', 'conf', 'conference', 'x', 'dialin', 'gov', 'dod', 'visit', 'mysettings', 'appear', 'pop', 'jam',
  'around', 'venue', 'cal', 'tuple', 'luma', 'lu', 'gather', 'reclaim', 'vowel', 'chorus', 'suit', 'demio', 'preply']);
const BRAND_LABELS: ReadonlyMap<string, string> = brandLabels();

/** Label → the first catalog domain it comes from ("zoom" → "zoom.us"). */
function brandLabels(): Map<string, string> {
  const labels = new Map<string, string>();
  for (const domain of catalogDomains) {
    for (const label of domain.split(/[.-]/)) {
      if (label.length >= 3 && !GENERIC_LABELS.has(label) && !labels.has(label)) labels.set(label, domain);
    }
  }
  return labels;
}

function unknownHostReason(url: URL): string {
  return unknownHostReasonFor(url.hostname, url.pathname);
}

/** Names the brand a look-alike imitates, so IT sees "evil-zoom.us imitates zoom.us" rather than "unknown". */
export function unknownHostReasonFor(host: string, path: string): string {
  const imitated = brandIn(host);
  if (imitated !== undefined) return `look-alike host: ${host} is neither ${imitated} nor a subdomain of it`;
  const firstSegment = path.slice(1, path.indexOf('/', 1) < 0 ? Math.min(path.length, 256) : path.indexOf('/', 1)).toLowerCase();
  if (firstSegment.includes('.') && providerForHost(firstSegment) !== undefined) {
    return `look-alike: ${firstSegment} appears in the path, but the host is ${host}`;
  }
  return `${host} is not a known conferencing service`;
}

/** The catalog domain a host imitates: it names the brand but is not under the brand owner's domain. */
function brandIn(host: string): string | undefined {
  let start = 0;
  for (let i = 0; i <= host.length; i += 1) {
    const code = i < host.length ? host.charCodeAt(i) : 0x2e;
    if (code !== 0x2e && code !== 0x2d) continue;
    const domain = i - start >= 3 ? BRAND_LABELS.get(host.slice(start, i)) : undefined;
    // www.microsoft.com names Teams' owner but is Microsoft's own site: unrelated, not a look-alike.
    if (domain !== undefined) return isUnder(host, ownerDomain(domain)) ? undefined : domain;
    start = i + 1;
  }
  return undefined;
}

/** The registrable part of a catalog domain (`teams.microsoft.com` → `microsoft.com`, `zoom.com.cn` → `zoom.com.cn`). */
function ownerDomain(domain: string): string {
  const labels = domain.split('.');
  const secondLevel = labels[labels.length - 2] ?? '';
  const keep = labels.length >= 3 && ['co', 'com', 'gov', 'ac', 'org', 'net'].includes(secondLevel) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Whether any provider (by domain or self-hosted pattern) could own this host. */
export function mayBeProviderHost(host: string): boolean {
  return providerForHost(host) !== undefined || selfHostedCandidates(host).length > 0;
}
