/**
 * WIRING — value-imports `electron`; never load from tests. Which links open and where a join window may go is
 * decided in policy.ts (`joinScopeFor`, `navigationAllowed`, `permissionAllowed`).
 */
import { app, BrowserWindow, session, type Session } from 'electron';
import { UserFacingError } from '../bridge/router';
import type { Logger } from '../health/logger';
import type { JoinTarget } from '../join/join-target';
import type { JoinOpener } from '../ports';
import { appLinkAllowed, joinScopeFor, urlForLog, type ScopeRegistry } from './policy';
import { installPermissionHandlers } from './security';
import { joinWindowOptions } from './window-options';

export interface JoinOpenerDeps {
  scopes: ScopeRegistry;
  /** The kiosk window: join windows are its children, so they stay above it and focus returns to it. */
  parent: () => BrowserWindow | null;
  /** Hands an app-scheme link (zoommtg:, msteams:) to the OS; policy.appLinkAllowed has checked it. */
  openApp: (url: string) => Promise<void>;
  log: Logger;
}

/**
 * Opens a meeting in its own window with its own in-memory session (`join-<n>`): whatever the meeting site
 * stores — cookies, a guest name, a signed-in account — is wiped when the window closes, so the next meeting in
 * this room starts clean. One meeting at a time: a new Join closes the previous window.
 */
export class ElectronJoinOpener implements JoinOpener {
  private opened = 0;
  private current: BrowserWindow | null = null;

  constructor(private readonly deps: JoinOpenerDeps) {}

  async open(target: JoinTarget): Promise<void> {
    if (target.via === 'app') return this.openApp(target);
    const link = target;
    const scope = joinScopeFor(link.url);
    if (!scope) {
      this.deps.log.warn('join.refused', { provider: link.provider, url: urlForLog(link.url) });
      throw new UserFacingError('join-link-not-supported', 'This meeting link cannot be opened on this screen.');
    }
    this.closeCurrent();
    const partition = `join-${++this.opened}`;
    const ses = session.fromPartition(partition);
    installPermissionHandlers(ses, scope, this.deps.log);

    const parent = this.deps.parent();
    const window = new BrowserWindow(
      joinWindowOptions({ partition, isPackaged: app.isPackaged, ...(parent && !parent.isDestroyed() ? { parent } : {}) }),
    );
    this.current = window;
    this.deps.scopes.set(window.webContents.id, scope);
    window.once('ready-to-show', () => {
      window.maximize();
      window.show();
    });
    // A crashed meeting page is not worth recovering in place: close it; Join on the room screen opens it afresh.
    window.webContents.on('render-process-gone', (_event, details) => {
      this.deps.log.warn('join.renderer-gone', { reason: details.reason });
      if (!window.isDestroyed()) window.close();
    });
    window.once('closed', () => this.onClosed(window, ses, partition));
    window.loadURL(link.url).catch((err: unknown) => this.deps.log.warn('join.load-failed', { provider: link.provider, error: String(err) }));
    this.deps.log.info('join.opened', { provider: link.provider, site: scope.site, partition });
  }

  private async openApp(target: JoinTarget): Promise<void> {
    if (!appLinkAllowed(target.url)) {
      this.deps.log.warn('join.refused', { provider: target.provider, url: urlForLog(target.url) });
      throw new UserFacingError('join-link-not-supported', 'This meeting link cannot be opened on this screen.');
    }
    await this.deps.openApp(target.url);
    this.deps.log.info('join.opened-app', { provider: target.provider });
  }

  /** Session end: closes the meeting window, if one is open (its partition is wiped as it closes); how many closed. */
  closeAll(): number {
    const open = this.current !== null && !this.current.isDestroyed();
    this.closeCurrent();
    return open ? 1 : 0;
  }

  private closeCurrent(): void {
    if (this.current && !this.current.isDestroyed()) this.current.close();
    this.current = null;
  }

  private onClosed(window: BrowserWindow, ses: Session, partition: string): void {
    if (this.current === window) this.current = null;
    wipeSession(ses, partition, this.deps.log);
    const parent = this.deps.parent();
    if (parent && !parent.isDestroyed()) parent.focus();
  }
}

/** In-memory partitions die with the process anyway; clearing now frees them and ends any sign-in at once. */
export function wipeSession(ses: Session, partition: string, log: Logger): void {
  Promise.all([ses.clearStorageData(), ses.clearCache(), ses.clearAuthCache()])
    .then(() => log.info('join.session-wiped', { partition }))
    .catch((err: unknown) => log.warn('join.session-wipe-failed', { partition, error: String(err) }));
}
