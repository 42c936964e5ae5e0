import { describe, expect, it } from 'vitest';
import { hostileBody } from './corpus';
import { detectJoinLink, type LinkSource } from './index';
import { clearResolveMemo } from './resolve';

/** Best of several runs: the algorithmic cost, robust to other test files sharing the CPU. */
function bestMs(input: LinkSource, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    clearResolveMemo();
    const start = performance.now();
    detectJoinLink(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const asText = (text: string): LinkSource => ({ source: 'text', event: { text } });
const asHtml = (content: string): LinkSource => ({ source: 'graph', event: { body: { contentType: 'html', content } } });

describe('linear time on hostile input (research §3.15)', () => {
  it('handles a 1 MB hostile body well under 50 ms', () => {
    const body = hostileBody(1024 * 1024);
    expect(body.length).toBeGreaterThanOrEqual(1024 * 1024);
    for (const input of [asText(body), asHtml(body)]) expect(bestMs(input, 7)).toBeLessThan(50);
  });

  it('still finds the real link after the hostile part', () => {
    const d = detectJoinLink(asHtml(hostileBody(1024 * 1024, '<p><a href="https://acme.zoom.us/j/81234567890">Join</a></p>')));
    expect(d.join).toEqual({ provider: 'zoom', url: 'https://acme.zoom.us/j/81234567890' });
  });

  it('scales linearly: twice the input costs about twice the time', () => {
    const one = bestMs(asHtml(hostileBody(512 * 1024)), 5);
    const two = bestMs(asHtml(hostileBody(1024 * 1024)), 5);
    expect(two / one).toBeLessThan(3.5);
  });

  // Quadratic behaviour would cost seconds here; the margin only absorbs other test files sharing the CPU.
  it('handles pathological single constructs quickly', () => {
    const cases = [
      `https://${'a.'.repeat(20_000)}com/`, `<a href="${'x'.repeat(500_000)}`, '<'.repeat(300_000), '&#'.repeat(300_000),
      `${'('.repeat(200_000)}https://x.example/${')'.repeat(200_000)}`, '@'.repeat(500_000), '#'.repeat(500_000),
      `https://x.example/?${'%'.repeat(300_000)}`, 'sip:'.repeat(100_000), `<!--${'-'.repeat(300_000)}`,
    ];
    for (const text of cases) {
      expect(bestMs(asText(text), 3), text.slice(0, 20)).toBeLessThan(100);
      expect(bestMs(asHtml(text), 3), text.slice(0, 20)).toBeLessThan(100);
    }
  });
});
