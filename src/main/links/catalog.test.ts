import { describe, expect, it } from 'vitest';
import { JoinProviderIdSchema } from '../../shared/model';
import { providers } from './catalog';
import { href, providerExamples } from './corpus';
import { detectJoinLink, joinProviderIds, providerName } from './index';

/** Detection of one link written alone in a plain-text body. */
function detectAlone(url: string): ReturnType<typeof detectJoinLink> {
  return detectJoinLink({ source: 'text', event: { text: `Join: ${url}` } });
}

/** The catalog domain a host is claimed through (`contoso.zoom.us` → `zoom.us`); undefined for self-hosted guesses. */
function claimedDomain(host: string): string | undefined {
  const spec = providers.find((p) => p.domains.some((d) => host === d.replace(/^\./, '') || (d.startsWith('.') && host.endsWith(d))));
  return spec?.domains.map((d) => d.replace(/^\./, '')).filter((d) => host === d || host.endsWith(`.${d}`)).sort((a, b) => b.length - a.length)[0];
}

/** Ways attackers and sloppy rewriters imitate a provider's domain (research §3.9). */
function lookalikes(url: string): string[] {
  const u = new URL(url);
  const domain = claimedDomain(u.hostname);
  if (domain === undefined) return [];
  const sub = u.hostname.slice(0, u.hostname.length - domain.length);
  const rest = `${u.pathname}${u.search}${u.hash}`;
  return [
    `https://${sub}evil-${domain}${rest}`,
    `https://${sub}${domain.replace('.', 'x.')}${rest}`,
    `https://${u.hostname}.evil.example${rest}`,
    `https://evil.example/${u.hostname}${rest}`,
    `https://${u.hostname}@evil.example${rest}`,
  ];
}

describe('provider catalog', () => {
  it('has at least 40 providers with unique, model-valid ids and display names', () => {
    expect(providers.length).toBeGreaterThanOrEqual(40);
    expect(new Set(joinProviderIds).size).toBe(joinProviderIds.length);
    for (const id of joinProviderIds) {
      expect(JoinProviderIdSchema.safeParse(id).success, id).toBe(true);
      expect(providerName(id).length).toBeGreaterThan(1);
    }
    expect(providerName('teams')).toBe('Microsoft Teams');
    expect(providerName('zoom')).toBe('Zoom');
    expect(providerName('unknown-thing')).toBe('unknown-thing');
  });

  it('declares `.domain` claims and exact hosts in lower case', () => {
    for (const spec of providers) for (const domain of spec.domains) expect(domain).toBe(domain.toLowerCase());
  });

  it('has join and non-join examples for every provider, and look-alikes for every claimed domain', () => {
    for (const id of joinProviderIds) {
      expect(providerExamples[id]?.join.length ?? 0, id).toBeGreaterThan(0);
      expect(providerExamples[id]?.notJoin.length ?? 0, id).toBeGreaterThan(0);
    }
  });

  describe.each(Object.entries(providerExamples))('%s', (id, examples) => {
    it.each(examples.join)('detects %s', (url) => {
      expect(detectAlone(url).join).toEqual({ provider: id, url: href(url) });
    });
    it.each(examples.notJoin)('rejects the same-host non-join %s', (url) => {
      const detection = detectAlone(url);
      expect(detection.join).toBeNull();
      expect(detection.rejected.length).toBeGreaterThan(0);
    });
    it.each(examples.join.flatMap(lookalikes))('rejects the look-alike %s', (url) => {
      expect(detectAlone(url).join).toBeNull();
    });
  });
});
