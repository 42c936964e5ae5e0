/**
 * The kiosk window's preload (bundled to out/preload/index.cjs: a sandboxed preload cannot load ESM or packages).
 * It exposes exactly `window.roomdeck = { call, on }` — the transport src/renderer/api/transport.ts expects — and
 * nothing of Electron: no ipcRenderer, no channel names, no IpcRendererEvent (checklist item 20). Main checks the
 * sender and validates every input; the renderer validates every result and event payload.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, wire } from '../shared/api';

type Listener = (payload: unknown) => void;

/*
 * Type-only use of the contract: a value import of shared/api would bundle zod and every schema (~750 kB) into a
 * script that runs before each page load and needs none of it. The annotations make any drift from the contract
 * a compile error: the channel literals must equal `wire`'s, and the event table must name every event, no more.
 */
const CALL_CHANNEL: (typeof wire)['ipcCallChannel'] = 'roomdeck:call';
const EVENT_CHANNEL: (typeof wire)['ipcEventChannel'] = 'roomdeck:event';
const EVENT_TABLE = { state: true, agenda: true, settings: true, 'open-url': true, 'files.progress': true, 'files.personal': true, 'files.ended': true } satisfies Record<EventName, true>;

const EVENT_NAMES: ReadonlySet<string> = new Set(Object.keys(EVENT_TABLE));
const listeners = new Map<string, Set<Listener>>();

/** One IPC listener for all events, so subscriptions never pile up on the ipcRenderer emitter. */
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (err) {
      console.error(`Roomdeck: a listener for "${name}" failed`, err);
    }
  }
});

function call(name: string, input: unknown): Promise<unknown> {
  if (typeof name !== 'string') return Promise.reject(new TypeError('Roomdeck: the call name must be a string.'));
  return ipcRenderer.invoke(CALL_CHANNEL, name, input);
}

function on(event: string, listener: Listener): () => void {
  if (typeof event !== 'string' || !EVENT_NAMES.has(event)) throw new TypeError(`Roomdeck: unknown event "${String(event)}".`);
  if (typeof listener !== 'function') throw new TypeError('Roomdeck: the listener must be a function.');
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set.add(listener));
  return () => {
    set.delete(listener);
  };
}

contextBridge.exposeInMainWorld('roomdeck', { call, on });
