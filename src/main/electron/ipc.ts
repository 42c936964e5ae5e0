/**
 * WIRING — value-imports `electron`; never load from tests. Sender validation is policy.ts's `isTrustedSender`;
 * input validation is the router's (the same one the web host feeds).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { wire, type CallName, type CallResult } from '../../shared/api';
import type { Roomdeck } from '../app';
import type { Logger } from '../health/logger';
import { isTrustedSender, urlForLog, type IpcSender } from './policy';

const FORBIDDEN: CallResult<CallName> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page may not use the Roomdeck api.' },
};

function describeSender(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
  };
}

function isLive(window: BrowserWindow | null): window is BrowserWindow {
  return window !== null && !window.isDestroyed() && !window.webContents.isDestroyed();
}

/**
 * One invoke channel for every call (the preload passes the call name) and one send channel for every event.
 * Results are always a CallResult, never a thrown error, so nothing from main's internals crosses the boundary.
 * Returns the undo, for shutdown.
 */
export function bridgeApi(roomdeck: Roomdeck, kioskWindow: () => BrowserWindow | null, log: Logger): () => void {
  ipcMain.handle(wire.ipcCallChannel, async (event, name: unknown, input: unknown): Promise<CallResult<CallName>> => {
    const window = kioskWindow();
    const sender = describeSender(event);
    if (!isTrustedSender(sender, isLive(window) ? window.webContents.id : null)) {
      log.warn('ipc.untrusted-sender', { webContentsId: sender.webContentsId, url: urlForLog(sender.frame?.url ?? '') });
      return FORBIDDEN;
    }
    return roomdeck.router.dispatch(typeof name === 'string' ? name : '', input);
  });

  const unsubscribe = roomdeck.bus.subscribe((event, payload) => {
    const window = kioskWindow();
    if (isLive(window)) window.webContents.send(wire.ipcEventChannel, event, payload);
  });

  return () => {
    ipcMain.removeHandler(wire.ipcCallChannel);
    unsubscribe();
  };
}
