import { describe, expect, it } from 'vitest';
import { corpusCases } from './corpus';
import { detectJoinLink, joinProviderIds } from './index';

const cases = corpusCases();

describe('invitation corpus', () => {
  it('has at least 150 realistic cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it('exercises every research §3 failure mode (fm:1 … fm:15)', () => {
    const covered = new Set(cases.flatMap((c) => c.tags.filter((t) => t.startsWith('fm:'))));
    for (let mode = 1; mode <= 15; mode += 1) expect(covered, `failure mode ${mode}`).toContain(`fm:${mode}`);
  });

  it('covers at least 40 providers with a detected join link', () => {
    const providers = new Set(cases.flatMap((c) => (c.expect === null ? [] : [c.expect.provider])));
    expect(providers.size).toBeGreaterThanOrEqual(40);
    for (const id of providers) expect(joinProviderIds).toContain(id);
  });

  it('covers every category the issue asks for', () => {
    const tags = new Set(cases.flatMap((c) => c.tags));
    for (const tag of ['teams', 'zoom', 'webex', 'meet', 'gotomeeting', 'html', 'text', 'wrapped', 'hostile', 'vanity',
      'non-join', 'lookalike', 'location', 'multi', 'dial', 'stripped', 'unsafe', 'junk']) {
      expect(tags, tag).toContain(tag);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const detection = detectJoinLink(c.input);
    expect(detection.join).toEqual(c.expect);
    if (c.expect !== null) {
      const first = detection.candidates[0];
      expect(first).toMatchObject({ kind: 'join', rank: 1, provider: c.expect.provider, url: c.expect.url });
      expect(first?.reason).toMatch(/^chosen: /);
    }
    for (const candidate of detection.candidates) expect(candidate.reason.length).toBeGreaterThan(10);
  });
});
