import { describe, expect, it } from 'vitest';
import { LoopbackError, LoopbackReceiver } from './loopback';

async function receiver(state = 'expected-state'): Promise<LoopbackReceiver> {
  const r = new LoopbackReceiver(state);
  await r.listen();
  return r;
}

describe('LoopbackReceiver', () => {
  it('returns the code of the answer that carries our state', async () => {
    const r = await receiver();
    const result = r.wait(new AbortController().signal);
    const page = await fetch(`${r.redirectUri}?code=abc&state=expected-state`);
    expect(page.status).toBe(200);
    await expect(result).resolves.toEqual({ code: 'abc' });
  });

  it('refuses a wrong state and keeps waiting for the real answer', async () => {
    const r = await receiver();
    const result = r.wait(new AbortController().signal);
    expect((await fetch(`${r.redirectUri}?code=stolen&state=forged`)).status).toBe(400);
    await fetch(`${r.redirectUri}?code=real&state=expected-state`);
    await expect(result).resolves.toEqual({ code: 'real' });
  });

  it('turns a refusal on the consent page into a LoopbackError with the provider’s reason', async () => {
    const r = await receiver();
    // Settle into a value at once: the rejection lands while fetch is still running.
    const result = r.wait(new AbortController().signal).catch((err: unknown) => err);
    await fetch(`${r.redirectUri}?error=access_denied&error_description=The+user+cancelled&state=expected-state`);
    expect(await result).toMatchObject({ error: 'access_denied', description: 'The user cancelled' });
  });

  it('stops listening when the room screen cancels', async () => {
    const r = await receiver();
    const controller = new AbortController();
    const result = r.wait(controller.signal).catch((err: unknown) => err);
    const uri = r.redirectUri;
    controller.abort();
    expect(await result).toBeInstanceOf(LoopbackError);
    await expect(fetch(`${uri}?code=late&state=expected-state`)).rejects.toThrow();
  });
});
