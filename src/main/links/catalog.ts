import { majorProviders } from './catalog-major';
import { moreProviders } from './catalog-more';
import type { ProviderSpec } from './provider-types';

/** Every provider, in the order used to explain ties; ids are unique (checked by the catalog test). */
export const providers: readonly ProviderSpec[] = [...majorProviders, ...moreProviders];

/** Ids usable for dial strings only (no web join link): generic SIP and H.323 addresses. */
const DIAL_ONLY_NAMES: Readonly<Record<string, string>> = { sip: 'SIP video address', h323: 'H.323 video address' };

const byId = new Map(providers.map((spec) => [spec.id, spec]));

interface DomainClaim {
  spec: ProviderSpec;
  subdomains: boolean;
}

/** Registered domain → providers claiming it. Lookup walks the host's own suffixes, so matching is never a substring test. */
const byDomain = buildDomainIndex(providers);
const selfHosted = providers.filter((spec) => spec.selfHosted !== undefined);

function buildDomainIndex(specs: readonly ProviderSpec[]): Map<string, DomainClaim[]> {
  const index = new Map<string, DomainClaim[]>();
  for (const spec of specs) {
    for (const domain of spec.domains) {
      const subdomains = domain.startsWith('.');
      const bare = subdomains ? domain.slice(1) : domain;
      const claims = index.get(bare) ?? [];
      claims.push({ spec, subdomains });
      index.set(bare, claims);
    }
  }
  return index;
}

/**
 * The provider owning a (lower-case, already parsed) host: exact host, or a `.domain` claim on one of its parent
 * domains, most specific first. `evil-zoom.us` or `zoom.us.evil.example` therefore never match `.zoom.us`.
 */
export function providerForHost(host: string): ProviderSpec | undefined {
  const cached = hostMemo.get(host);
  if (cached !== undefined) return cached ?? undefined;
  const spec = lookupHost(host);
  // Bounded memo: invitations repeat the same few hosts (teams.microsoft.com, aka.ms, zoom.us) over and over.
  if (hostMemo.size >= HOST_MEMO_SIZE) hostMemo.clear();
  hostMemo.set(host, spec ?? null);
  return spec;
}

const HOST_MEMO_SIZE = 2048;
const hostMemo = new Map<string, ProviderSpec | null>();

function lookupHost(host: string): ProviderSpec | undefined {
  let at = 0;
  while (at >= 0) {
    const suffix = at === 0 ? host : host.slice(at);
    const claim = byDomain.get(suffix)?.find((c) => c.subdomains || suffix === host);
    if (claim !== undefined) return claim.spec;
    const dot = host.indexOf('.', at);
    at = dot < 0 ? -1 : dot + 1;
  }
  return undefined;
}

/** Providers that may run on a customer's own host, recognised by host pattern plus a distinctive path. */
export function selfHostedCandidates(host: string): ProviderSpec[] {
  return selfHosted.filter((spec) => spec.selfHosted?.test(host) === true);
}

/** Bare registered domains, for explaining look-alike hosts ("zoom.us.evil.example is not zoom.us"). */
export const catalogDomains: readonly string[] = [...byDomain.keys()].filter((d) => d.includes('.') && d.length >= 6);

export function providerSpec(id: string): ProviderSpec | undefined {
  return byId.get(id);
}

/** Display name for a provider id ("Zoom", "Microsoft Teams"); unknown ids are returned as given. */
export function providerName(id: string): string {
  return byId.get(id)?.name ?? DIAL_ONLY_NAMES[id] ?? id;
}

export const joinProviderIds: readonly string[] = Object.freeze(providers.map((spec) => spec.id));
