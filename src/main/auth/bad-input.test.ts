import { describe, expect, it } from 'vitest';
import { LoopbackReceiver } from './loopback';

/**
 * OAuth redirects that do not belong to the sign-in Roomdeck started: another tab, a replay, a crafted link. Each is
 * refused with a page that says so, none cancels or completes the sign-in, and the real answer still gets through.
 */
const STATE = 'Zm9yLXRoaXMtc2lnbi1pbi1vbmx5';

const forged: [string, string][] = [
  ['no state', '?code=stolen'],
  ['an empty state', '?code=stolen&state='],
  ['another state', '?code=stolen&state=someone-elses'],
  ['the state in another case', `?code=stolen&state=${STATE.toLowerCase()}`],
  ['a forged state before the real one', `?code=stolen&state=forged&state=${STATE}`],
  ['an error with a forged state (would cancel the sign-in)', '?error=access_denied&state=forged'],
  ['markup in the state', `?code=stolen&state=${encodeURIComponent('<script>alert(1)</script>')}`],
];

describe('bad input: OAuth redirects', () => {
  it('refuses every redirect without our state, then takes the real one', async () => {
    const receiver = new LoopbackReceiver(STATE);
    await receiver.listen();
    const result = receiver.wait(new AbortController().signal);
    for (const [what, query] of forged) {
      const reply = await fetch(`${receiver.redirectUri}${query}`);
      expect(reply.status, what).toBe(400);
      const page = await reply.text();
      expect(page, what).toContain('does not belong to the sign-in');
      expect(page, what).not.toContain('<script>alert');
    }
    expect((await fetch(`${receiver.redirectUri.replace('/callback', '/../callback/../admin')}?code=x&state=${STATE}`)).status).toBe(404);
    await fetch(`${receiver.redirectUri}?code=the-real-one&state=${STATE}`);
    await expect(result).resolves.toEqual({ code: 'the-real-one' });
  });
});
