/**
 * WIRING — value-imports `electron`; never load from tests. Where an editor window may go is decided in policy.ts
 * (`joinScopeFor`, `navigationAllowed`): the document's site over https, as for a join window.
 */
import { app, BrowserWindow, session, type Session } from 'electron';
import { UserFacingError } from '../bridge/router';
import type { EditorWindows } from '../files/files-service';
import type { Logger } from '../health/logger';
import { joinScopeFor, urlForLog, type ScopeRegistry } from './policy';
import { installPermissionHandlers } from './security';
import { wipeSession } from './join-windows';
import { joinWindowOptions } from './window-options';

/**
 * The providers' web editors (Office for the web, Google Docs), each in its own in-memory partition (`editor-<n>`):
 * whoever signs in there to edit is signed out again when the session ends, and nothing is ever written to disk.
 */
export class ElectronEditorWindows implements EditorWindows {
  private opened = 0;
  private readonly open_ = new Map<BrowserWindow, { ses: Session; partition: string }>();

  constructor(private readonly deps: { scopes: ScopeRegistry; parent: () => BrowserWindow | null; joins: { closeAll(): number }; log: Logger }) {}

  async open(url: string): Promise<void> {
    const scope = joinScopeFor(url);
    if (!scope) throw new UserFacingError('cannot-edit', 'This file has no web editor.');
    const partition = `editor-${++this.opened}`;
    const ses = session.fromPartition(partition);
    // Editors need no camera, microphone or notifications: the app scope grants nothing.
    installPermissionHandlers(ses, { kind: 'app' }, this.deps.log);
    const parent = this.deps.parent();
    const window = new BrowserWindow(joinWindowOptions({ partition, isPackaged: app.isPackaged, ...(parent && !parent.isDestroyed() ? { parent } : {}) }));
    this.open_.set(window, { ses, partition });
    this.deps.scopes.set(window.webContents.id, scope);
    window.once('ready-to-show', () => {
      window.maximize();
      window.show();
    });
    window.once('closed', () => wipeSession(ses, partition, this.deps.log));
    await window.loadURL(url).catch((err: unknown) => this.deps.log.warn('editor.load-failed', { url: urlForLog(url), error: String(err) }));
    this.deps.log.info('editor.opened', { site: scope.site, partition });
  }

  /** Closes every editor window and clears its partition (cookies, storage, cache, HTTP auth), and the meeting window. */
  async wipeAll(): Promise<number> {
    const joins = this.deps.joins.closeAll();
    const windows = [...this.open_.entries()];
    this.open_.clear();
    await Promise.all(
      windows.map(async ([window, { ses }]) => {
        if (!window.isDestroyed()) window.destroy();
        await Promise.all([ses.clearStorageData(), ses.clearCache(), ses.clearAuthCache()]);
      }),
    );
    return windows.length + joins;
  }
}
