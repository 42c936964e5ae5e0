import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { wire } from '../../shared/api';
import type { Roomdeck } from '../app';
import { ApiRouter, EventBus } from '../bridge/router';
import { silentLogger } from '../health/logger';

/**
 * ipc.ts is wiring, but its one job — check the sender, then hand over to the router — is worth a test. The
 * factory below replaces the `electron` module entirely, so the real package (which would download a binary)
 * is never loaded.
 */
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => electron.handlers.set(channel, fn),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { bridgeApi } = await import('./ipc');

interface FakeWindow {
  destroyed: boolean;
  sent: unknown[][];
  window: BrowserWindow;
}

function fakeWindow(id: number): FakeWindow {
  const fake: FakeWindow = { destroyed: false, sent: [], window: null as unknown as BrowserWindow };
  const contents = { id, isDestroyed: () => fake.destroyed, send: (...args: unknown[]) => fake.sent.push(args) };
  fake.window = { isDestroyed: () => fake.destroyed, webContents: contents } as unknown as BrowserWindow;
  return fake;
}

function invokeEvent(webContentsId: number, url: string | null, isMainFrame = true): IpcMainInvokeEvent {
  const frame = url === null ? null : { url, parent: isMainFrame ? null : {} };
  return { sender: { id: webContentsId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

let kiosk: FakeWindow;
let dispatched: Array<[string, unknown]>;
let roomdeck: Roomdeck;

beforeEach(() => {
  electron.handlers.clear();
  kiosk = fakeWindow(1);
  dispatched = [];
  const router = new ApiRouter({} as never, silentLogger);
  router.dispatch = async (name, input) => {
    dispatched.push([name, input]);
    return { ok: true, output: {} } as never;
  };
  roomdeck = { router, bus: new EventBus(), start: async () => {}, stop: () => {} };
});

function call(event: IpcMainInvokeEvent, name: unknown, input: unknown): unknown {
  const handler = electron.handlers.get(wire.ipcCallChannel);
  if (!handler) throw new Error('no handler registered');
  return handler(event, name, input);
}

describe('bridgeApi', () => {
  it('dispatches calls from the kiosk window’s own page', async () => {
    bridgeApi(roomdeck, () => kiosk.window, silentLogger);
    expect(await call(invokeEvent(1, 'app://roomdeck/index.html'), 'agenda.get', {})).toEqual({ ok: true, output: {} });
    expect(dispatched).toEqual([['agenda.get', {}]]);
  });

  it('refuses other windows, subframes, foreign pages and vanished frames without reaching the router', async () => {
    bridgeApi(roomdeck, () => kiosk.window, silentLogger);
    for (const event of [
      invokeEvent(2, 'app://roomdeck/index.html'),
      invokeEvent(1, 'app://roomdeck/index.html', false),
      invokeEvent(1, 'https://evil.example/'),
      invokeEvent(1, null),
    ]) {
      expect(await call(event, 'agenda.get', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    kiosk.destroyed = true;
    expect(await call(invokeEvent(1, 'app://roomdeck/index.html'), 'agenda.get', {})).toMatchObject({ ok: false });
    expect(dispatched).toEqual([]);
  });

  it('passes a non-string call name on as an unknown call', async () => {
    bridgeApi(roomdeck, () => kiosk.window, silentLogger);
    await call(invokeEvent(1, 'app://roomdeck/index.html'), { toString: () => 'app.state' }, {});
    expect(dispatched).toEqual([['', {}]]);
  });

  it('pushes bus events to the live kiosk window only, and undoes itself', () => {
    const unbridge = bridgeApi(roomdeck, () => kiosk.window, silentLogger);
    roomdeck.bus.emit('open-url', { url: 'https://example.com/' });
    expect(kiosk.sent).toEqual([[wire.ipcEventChannel, 'open-url', { url: 'https://example.com/' }]]);

    kiosk.destroyed = true;
    roomdeck.bus.emit('open-url', { url: 'https://example.com/2' });
    expect(kiosk.sent).toHaveLength(1);

    unbridge();
    expect(electron.handlers.has(wire.ipcCallChannel)).toBe(false);
  });
});
