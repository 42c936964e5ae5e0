import { beforeAll, describe, expect, it, vi } from 'vitest';
import { events, wire } from '../shared/api';

/** The factory replaces `electron` entirely: the real package (which would download a binary) is never loaded. */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcListeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  invoked: [] as unknown[][],
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => electron.ipcListeners.set(channel, listener),
    invoke: async (...args: unknown[]) => {
      electron.invoked.push(args);
      return { ok: true, output: {} };
    },
  },
}));

interface Bridge {
  call(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

let bridge: Bridge;
const fakeIpcEvent = { sender: 'ipcRenderer itself', senderFrame: null };

function push(name: unknown, payload: unknown): void {
  electron.ipcListeners.get(wire.ipcEventChannel)?.(fakeIpcEvent, name, payload);
}

beforeAll(async () => {
  await import('./index');
  bridge = electron.exposed.get('roomdeck') as Bridge;
});

describe('preload', () => {
  it('exposes window.roomdeck with exactly call and on, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['roomdeck']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
  });

  it('sends calls over the one invoke channel', async () => {
    expect(await bridge.call('agenda.get', {})).toEqual({ ok: true, output: {} });
    expect(electron.invoked).toEqual([[wire.ipcCallChannel, 'agenda.get', {}]]);
    await expect(bridge.call(42 as unknown as string, {})).rejects.toThrow(TypeError);
  });

  it('hands listeners the payload only — never the IpcRendererEvent — and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = bridge.on('open-url', (...args: unknown[]) => received.push(args));
    push('open-url', { url: 'https://example.com/' });
    push('agenda', { other: true });
    off();
    push('open-url', { url: 'https://example.com/late' });
    expect(received).toEqual([[{ url: 'https://example.com/' }]]);
  });

  it('keeps delivering when one listener throws', () => {
    const received: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const offBad = bridge.on('state', () => {
      throw new Error('boom');
    });
    const offGood = bridge.on('state', (p) => received.push(p));
    push('state', { phase: 'starting' });
    expect(received).toEqual([{ phase: 'starting' }]);
    offBad();
    offGood();
    spy.mockRestore();
  });

  it('accepts only the contract’s event names', () => {
    for (const name of Object.keys(events)) expect(() => bridge.on(name, () => {})()).not.toThrow();
    expect(() => bridge.on('roomdeck:call', () => {})).toThrow(/unknown event/);
    expect(() => bridge.on('state', 'nope' as unknown as () => void)).toThrow(TypeError);
  });
});
