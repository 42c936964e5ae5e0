/**
 * WIRING — value-imports `electron`; never load from tests. Window options come from window-options.ts, the
 * crash/hang recovery policy from crash-policy.ts.
 */
import { app, BrowserWindow } from 'electron';
import type { Logger } from '../health/logger';
import { CRASH_LOOP_EXIT_CODE, withRelaunchHistory, type CrashPolicy, type Recovery } from './crash-policy';
import { APP_ENTRY_URL, type ScopeRegistry } from './policy';
import { kioskWindowOptions } from './window-options';

export interface KioskWindowDeps {
  preloadPath: string;
  windowed: boolean;
  scopes: ScopeRegistry;
  crashPolicy: CrashPolicy;
  isQuitting: () => boolean;
  log: Logger;
}

function loadApp(window: BrowserWindow, log: Logger): void {
  if (window.isDestroyed()) return;
  window.loadURL(APP_ENTRY_URL).catch((err: unknown) => log.error('kiosk.load-failed', { error: String(err) }));
}

/** The room screen: kiosk + fullscreen (unless --windowed), shown once painted so there is no blank flash. */
export function openKioskWindow(deps: KioskWindowDeps): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions({ preloadPath: deps.preloadPath, windowed: deps.windowed, isPackaged: app.isPackaged }));
  deps.scopes.set(window.webContents.id, { kind: 'app' });
  window.once('ready-to-show', () => window.show());
  // In kiosk mode Alt+F4 must not leave the room with a desktop; quitting (installer, Windows shutdown or
  // log-off, which announce themselves with query-session-end) still closes it.
  let sessionEnding = false;
  window.on('query-session-end', () => {
    sessionEnding = true;
  });
  window.on('close', (event) => {
    if (!deps.windowed && !deps.isQuitting() && !sessionEnding) event.preventDefault();
  });
  window.webContents.on('preload-error', (_event, _path, error) => deps.log.error('preload.failed', { error: String(error) }));
  watchRenderer(window, deps);
  loadApp(window, deps.log);
  return window;
}

/** Render-process-gone → reload with backoff / relaunch / give up; unresponsive past the grace → kill, which recovers the same way. */
function watchRenderer(window: BrowserWindow, deps: KioskWindowDeps): void {
  const contents = window.webContents;
  let hangTimer: NodeJS.Timeout | null = null;
  const clearHang = (): void => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  };

  contents.on('render-process-gone', (_event, details) => {
    clearHang();
    if (deps.isQuitting()) return;
    const recovery = deps.crashPolicy.onRendererGone(details.reason);
    deps.log.error('renderer.gone', { reason: details.reason, exitCode: details.exitCode, action: recovery.action });
    applyRecovery(window, recovery, deps.log);
  });
  contents.on('unresponsive', () => {
    deps.log.warn('renderer.unresponsive', { graceMs: deps.crashPolicy.unresponsiveGraceMs });
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      if (contents.isDestroyed()) return;
      deps.log.error('renderer.killed-hung');
      contents.forcefullyCrashRenderer();
    }, deps.crashPolicy.unresponsiveGraceMs);
  });
  contents.on('responsive', clearHang);
  window.once('closed', clearHang);
}

function applyRecovery(window: BrowserWindow, recovery: Recovery, log: Logger): void {
  switch (recovery.action) {
    case 'reload':
      setTimeout(() => loadApp(window, log), recovery.delayMs);
      return;
    case 'relaunch':
      app.relaunch({ args: withRelaunchHistory(process.argv.slice(1), recovery.relaunchHistory) });
      app.exit(0);
      return;
    case 'give-up':
      log.error('renderer.crash-loop', { message: recovery.message });
      process.stderr.write(`${recovery.message}\n`);
      app.exit(CRASH_LOOP_EXIT_CODE);
      return;
  }
}
