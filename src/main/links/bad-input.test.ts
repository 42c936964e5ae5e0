import { describe, expect, it } from 'vitest';
import { deeplyNested, INVALID_UTF8, LONE_SURROGATE, MARKUP } from '../bad-input.test-support';
import { detectJoinLink, type LinkSource } from './index';

/**
 * Invitation bodies are written by anyone who can send the room an invitation. Whatever they hold, detection returns
 * (quickly, without throwing), and a real join link in the same body is still found.
 */
const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ2%40thread.v2/0?context=%7b%22Tid%22%3a%221%22%7d';
const asHtml = (content: unknown): LinkSource => ({ source: 'graph', event: { body: { contentType: 'html', content } } });
const withLink = (junk: string) => asHtml(`${junk}<p><a href="${TEAMS}">Join the meeting now</a></p>`);

function timed(input: LinkSource): { ms: number; join: string | null } {
  const start = performance.now();
  const detection = detectJoinLink(input);
  return { ms: performance.now() - start, join: detection.join?.url ?? null };
}

const hostileBodies: [string, string][] = [
  ['200 000 nested <div>s', `${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}`],
  ['200 000 unclosed <table><tr><td>', '<table><tr><td>'.repeat(200_000)],
  ['1 MB of bytes that were not UTF-8', INVALID_UTF8.repeat(80_000)],
  ['unpaired surrogates', LONE_SURROGATE.repeat(50_000)],
  ['NUL and control characters', '\u0000\u0001\u001b[31m\u007f'.repeat(100_000)],
  ['script and event handlers', `${MARKUP}<script>location='https://evil.example/j/1'</script>`.repeat(5_000)],
  ['a 1 MB attribute', `<a href="${'&amp;'.repeat(200_000)}">x</a>`],
  ['entities that never end', '&#x'.repeat(300_000)],
];

describe('bad input: invitation HTML', () => {
  it.each(hostileBodies)('%s: detection returns in time and still finds the real link after it', (_what, junk) => {
    const { ms, join } = timed(withLink(junk));
    expect(join).toBe(TEAMS);
    // Linear-time budget is 50 ms per MB (bench); the margin absorbs a loaded CI machine.
    expect(ms).toBeLessThan(1_000);
  });

  it('an attribute that never closes swallows the rest, as in a browser: no link, no throw, in time', () => {
    const { ms, join } = timed(withLink(`<a href="${'&amp;'.repeat(200_000)}`));
    expect(join).toBeNull();
    expect(ms).toBeLessThan(1_000);
  });

  it('fields of the wrong type are read as no text, never thrown on', () => {
    for (const content of [42, null, ['<a href="x">'], { nested: deeplyNested(5_000) }, true]) {
      expect(() => detectJoinLink(asHtml(content))).not.toThrow();
    }
    expect(() => detectJoinLink({ source: 'google', event: { description: 7, location: { x: 1 }, conferenceData: 'nope' } })).not.toThrow();
    expect(() => detectJoinLink({ source: 'graph', event: deeplyNested(5_000) })).not.toThrow();
  });
});
