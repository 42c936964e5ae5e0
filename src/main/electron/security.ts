/**
 * WIRING — value-imports `electron`; never load from tests. Every decision is made in policy.ts; this file only
 * attaches the guards to Electron's events.
 */
import { app, desktopCapturer, type Session, type WebContents } from 'electron';
import type { Logger } from '../health/logger';
import { navigationAllowed, permissionAllowed, urlForLog, type ScopeRegistry, type WindowScope } from './policy';

type NavigationDetails = { url: string; isMainFrame: boolean; preventDefault: () => void };

/**
 * Checklist items 11–14 for every web contents the app ever creates (kiosk window, join windows, anything a page
 * might spawn): no new windows, no navigation or redirect outside the window's scope, no <webview>.
 */
export function installContentGuards(scopes: ScopeRegistry, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, scopes, log));
}

function guardContents(contents: WebContents, scopes: ScopeRegistry, log: Logger): void {
  const id = contents.id;
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open-denied', { url: urlForLog(url) });
    return { action: 'deny' };
  });
  const guard = (kind: string) => (details: NavigationDetails) => {
    if (navigationAllowed(scopes.get(id), details.url, details.isMainFrame)) return;
    details.preventDefault();
    log.warn('navigation.blocked', { kind, url: urlForLog(details.url), mainFrame: details.isMainFrame });
  };
  contents.on('will-navigate', guard('navigate'));
  contents.on('will-frame-navigate', guard('frame-navigate'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview.denied');
  });
  contents.once('destroyed', () => scopes.delete(id));
}

/**
 * Checklist item 5 for one session. `scope` is what the session's only window is for: the kiosk session gets no
 * permission at all, a join session gets meeting media for its meeting's site (policy.ts). Device pickers
 * (HID/serial/USB) are refused everywhere.
 */
export function installPermissionHandlers(ses: Session, scope: WindowScope, log: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
    const allowed = permissionAllowed(scope, { permission, securityOrigin, requestingUrl: details.requestingUrl });
    if (!allowed) log.info('permission.denied', { permission, url: urlForLog(securityOrigin ?? details.requestingUrl) });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(scope, { permission, securityOrigin: details.securityOrigin ?? requestingOrigin, requestingUrl: details.requestingUrl }),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((request, callback) => {
    if (!permissionAllowed(scope, { permission: 'display-capture', securityOrigin: request.securityOrigin })) {
      callback(null);
      return;
    }
    // The room PC has one screen worth sharing (whiteboard, slides on the room display): offer the primary one.
    desktopCapturer
      .getSources({ types: ['screen'] })
      .then((sources) => callback(sources[0] ? { video: sources[0] } : null))
      .catch((err: unknown) => {
        log.warn('display-capture.failed', { error: String(err) });
        callback(null);
      });
  });
}
