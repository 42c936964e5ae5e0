/**
 * WIRING — value-imports `electron`; never load from tests. The Electron host's composition root: lifecycle and
 * order only. Decisions live in the plain-TS modules beside it (policy, crash-policy, window-options, cli,
 * app-protocol, safe-storage-vault), which Vitest runs in Node without an Electron binary.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Menu, app, dialog, powerSaveBlocker, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { createRoomdeck, type Roomdeck } from '../app';
import { ConfigError, loadKioskConfig } from '../config/kiosk-config';
import { createFileLogger } from '../health/log-file';
import type { Logger } from '../health/logger';
import { systemClock, type ExternalBrowser } from '../ports';
import { startAutoUpdates } from './auto-update';
import { PolicyService } from '../policy/policy-service';
import { resolvePolicyPath } from '../policy/policy-path';
import { parseElectronCli, resolveConfigPath, type ElectronCli } from './cli';
import { CrashPolicy, DEFAULT_CRASH_POLICY, parseRelaunchHistory } from './crash-policy';
import { bridgeApi } from './ipc';
import { ElectronJoinOpener } from './join-windows';
import { ElectronEditorWindows } from './editor-windows';
import { APP_ENTRY_URL, ScopeRegistry, externalUrlAllowed, urlForLog } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { SafeStorageVault } from './safe-storage-vault';
import { installContentGuards, installPermissionHandlers } from './security';
import { updatePlan } from './update-policy';
import { openKioskWindow } from './windows';

/** Build layout (scripts/build.ts): out/main/electron.js, out/preload/index.cjs, out/renderer/. */
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

interface HostState {
  cli: ElectronCli;
  dataDir: string;
  log: Logger;
  scopes: ScopeRegistry;
  kiosk: BrowserWindow | null;
  quitting: boolean;
}

function focusKiosk(state: HostState): void {
  const window = state.kiosk;
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Checklist item 15: the system browser gets https URLs only (OAuth sign-in), never whatever a page asks for. */
function systemBrowser(log: Logger): ExternalBrowser {
  return {
    open: async (url) => {
      if (!externalUrlAllowed(url)) {
        log.warn('external.refused', { url: urlForLog(url) });
        throw new Error('Only https links open in the system browser.');
      }
      await shell.openExternal(url);
    },
  };
}

function failStart(err: unknown, log: Logger): void {
  const message = err instanceof ConfigError ? err.message : `Roomdeck could not start: ${String(err)}`;
  log.error('electron.start-failed', { error: message });
  process.stderr.write(`${message}\n`);
  // On a room PC nobody reads stderr: say it on the screen so whoever is standing there can tell IT.
  if (app.isPackaged) dialog.showErrorBox('Roomdeck cannot start', message);
  app.exit(err instanceof ConfigError ? 2 : 1);
}

async function startKiosk(state: HostState): Promise<void> {
  const { cli, dataDir, log, scopes } = state;
  const config = await loadKioskConfig(resolveConfigPath(cli.configPath, process.env, process.platform));

  // No application menu: the default one carries Reload and Toggle DevTools accelerators.
  Menu.setApplicationMenu(null);
  installPermissionHandlers(session.defaultSession, { kind: 'app' }, log);
  serveRenderer(RENDERER_DIR, log);
  const vault = await SafeStorageVault.open(join(dataDir, 'vault'), safeStorage, log);
  const opener = new ElectronJoinOpener({ scopes, parent: () => state.kiosk, openApp: (url) => shell.openExternal(url), log });
  const policy = await PolicyService.open({ path: resolvePolicyPath(cli.policyPath, process.env, process.platform), dataDir, clock: systemClock, log });
  const editors = new ElectronEditorWindows({ scopes, parent: () => state.kiosk, joins: opener, log });
  const roomdeck: Roomdeck = createRoomdeck(config, dataDir, { vault, opener, editors, browser: systemBrowser(log), clock: systemClock, log, policy });
  const unbridge = bridgeApi(roomdeck, () => state.kiosk, log);

  const crashPolicy = new CrashPolicy({ ...DEFAULT_CRASH_POLICY, clock: systemClock, relaunchHistory: parseRelaunchHistory(process.argv) });
  state.kiosk = openKioskWindow({ preloadPath: PRELOAD_PATH, windowed: cli.windowed, scopes, crashPolicy, isQuitting: () => state.quitting, log });

  // A room screen that sleeps looks broken. (Opening hours from policy come later.)
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  const stopUpdates = startAutoUpdates(updatePlan(config.updates, app.isPackaged), systemClock, log);
  app.once('will-quit', () => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    stopUpdates();
    roomdeck.stop();
    policy.close();
    unbridge();
  });

  await roomdeck.start();
  log.info('electron.started', { windowed: cli.windowed, packaged: app.isPackaged });
  process.stdout.write(`Roomdeck running at ${APP_ENTRY_URL}\n`);
}

/**
 * Order matters: userData must be settled before the single-instance lock (Chromium keys the lock on the profile
 * folder, so `--data-dir` gives tests and the demo their own instance), the lock comes before any other work, and
 * the scheme, sandbox and content guards are in place before `ready` and before any web contents exists.
 */
export function runElectronHost(): void {
  const cli = parseElectronCli(process.argv.slice(1));
  if (cli.dataDir) app.setPath('userData', cli.dataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  app.enableSandbox();
  registerAppScheme();
  const dataDir = app.getPath('userData');
  const state: HostState = { cli, dataDir, log: createFileLogger(dataDir), scopes: new ScopeRegistry(), kiosk: null, quitting: false };
  installContentGuards(state.scopes, state.log);

  app.on('second-instance', () => focusKiosk(state));
  app.on('before-quit', () => {
    state.quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('child-process-gone', (_event, details) => state.log.warn('child-process.gone', { type: details.type, reason: details.reason }));

  app
    .whenReady()
    .then(() => startKiosk(state))
    .catch((err: unknown) => failStart(err, state.log));
}
