/**
 * The Electron shell's security decisions, as plain functions over strings: which URLs a window may navigate to,
 * which IPC senders are ours, which permissions a page gets, which URLs may leave for the system browser.
 * No value import of `electron` here (the binary is not installed on build machines), so Vitest runs it in Node;
 * the wiring files (security.ts, ipc.ts, join-windows.ts) only translate Electron events into these calls.
 */
import { APP_SCHEMES } from '../join/join-target';

/** The renderer is served from `app://roomdeck/` (a standard, secure custom scheme) instead of `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'roomdeck';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What a window is for decides where it may go. Unknown web contents get nothing. */
export type WindowScope = { kind: 'app' } | { kind: 'join'; site: string; origin: string };

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Node's URL gives `origin === 'null'` for non-special schemes such as `app:`, so our origin is compared by
 * scheme and host. Credentials or a port in an app URL are never ours.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** Second-level labels that ccTLD registries sell under (co.uk, com.au, co.jp …). */
const CC_SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'go', 'gob', 'gov', 'ltd', 'mil', 'ne', 'net', 'nic', 'or', 'org', 'plc', 'sch']);

/**
 * The registrable domain ("site") of a host: `teams.microsoft.com` → `microsoft.com`, `acme.zoom.us` → `zoom.us`,
 * `meet.example.co.uk` → `example.co.uk`. A heuristic rather than the full Public Suffix List (which we don't ship):
 * a wrong guess only widens or narrows a join window's navigation within one ccTLD zone, it never reaches our
 * app:// origin or grants the main window anything. IP literals and single-label hosts are their own site.
 */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || IPV4.test(host)) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const [second, tld] = labels.slice(-2) as [string, string];
  const keep = tld.length === 2 && CC_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function isHttpsOnSite(url: URL, site: string): boolean {
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && url.username === '' && url.password === '' && (host === site || host.endsWith(`.${site}`));
}

/**
 * A meeting link opens in a join window only if it is plain https without credentials; its window may then move
 * around the meeting's site (Zoom sends `zoom.us/j/…` on to `app.zoom.us`, Meet signs in on `accounts.google.com`).
 */
export function joinScopeFor(link: string): Extract<WindowScope, { kind: 'join' }> | null {
  const url = parseUrl(link);
  if (!url || url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  return { kind: 'join', site: registrableDomain(url.hostname), origin: url.origin };
}

/** Subframes of a meeting page may be any https page (sign-in and media helpers); the document itself stays on site. */
const JOIN_SUBFRAME_BLANKS = new Set(['about:blank', 'about:srcdoc']);

/**
 * `will-navigate`, `will-frame-navigate` and `will-redirect` all ask this. The kiosk window never leaves app://;
 * a join window's main frame never leaves the meeting's site over https; anything we did not open goes nowhere.
 */
export function navigationAllowed(scope: WindowScope | undefined, target: string, isMainFrame: boolean): boolean {
  if (!scope) return false;
  if (scope.kind === 'app') return isAppUrl(target);
  if (!isMainFrame && JOIN_SUBFRAME_BLANKS.has(target)) return true;
  const url = parseUrl(target);
  if (!url) return false;
  return isMainFrame ? isHttpsOnSite(url, scope.site) : url.protocol === 'https:';
}

/** What Electron tells us about the frame behind an `ipcMain.handle` call. */
export interface IpcSender {
  webContentsId: number;
  /** `event.senderFrame`; null once the frame navigated away or was destroyed. */
  frame: { url: string; isMainFrame: boolean } | null;
}

/**
 * Checklist item 17: only the main frame of the kiosk window, showing our own app:// page, may call the api. A
 * join window has no preload, but a compromised or iframe-embedded page must not reach main even if it finds a way.
 */
export function isTrustedSender(sender: IpcSender, kioskWebContentsId: number | null): boolean {
  return (
    kioskWebContentsId !== null &&
    sender.webContentsId === kioskWebContentsId &&
    sender.frame !== null &&
    sender.frame.isMainFrame &&
    isAppUrl(sender.frame.url)
  );
}

/** Camera and microphone (`media`) and screen sharing (`display-capture`): what a meeting page needs, nothing more. */
const MEETING_PERMISSIONS: ReadonlySet<string> = new Set(['media', 'display-capture']);

export interface PermissionAsk {
  permission: string;
  /** The requesting frame's origin when Electron gives one (media requests and checks), else its last URL. */
  securityOrigin?: string | undefined;
  requestingUrl?: string | undefined;
}

/**
 * Electron grants every permission unless told otherwise (checklist item 5). Deny all, except meeting media in a
 * join window for frames on the meeting link's site: Zoom's web client asks for the camera from `app.zoom.us`
 * after a `zoom.us` link, so the exact link origin would break the one thing the window exists for, while the
 * site is exactly where the window is allowed to navigate anyway. The kiosk window itself gets nothing.
 */
export function permissionAllowed(scope: WindowScope | undefined, ask: PermissionAsk): boolean {
  if (scope?.kind !== 'join' || !MEETING_PERMISSIONS.has(ask.permission)) return false;
  const from = parseUrl(ask.securityOrigin || ask.requestingUrl || '');
  return from !== null && isHttpsOnSite(from, scope.site);
}

/** Checklist item 15: only https leaves for the system browser (OAuth sign-in pages, device-code hints). */
/** Only the native-app schemes Roomdeck itself produces (join/join-target.ts) may go to the OS handler. */
export function appLinkAllowed(raw: string): boolean {
  return APP_SCHEMES.some((scheme) => raw.startsWith(scheme)) && raw.length <= 4096 && !/[\s"'<>]/.test(raw);
}

export function externalUrlAllowed(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && url.protocol === 'https:' && url.username === '' && url.password === '';
}

/** For logs: scheme and host only. Meeting links carry passcodes (`?pwd=`) and OAuth URLs carry codes. */
export function urlForLog(raw: string): string {
  const url = parseUrl(raw);
  if (!url) return '(not a URL)';
  return url.host ? `${url.protocol}//${url.host}` : url.protocol;
}

/** Which window each web contents belongs to, filled in when we create a window and read by every guard. */
export class ScopeRegistry {
  private readonly scopes = new Map<number, WindowScope>();

  set(webContentsId: number, scope: WindowScope): void {
    this.scopes.set(webContentsId, scope);
  }

  get(webContentsId: number): WindowScope | undefined {
    return this.scopes.get(webContentsId);
  }

  delete(webContentsId: number): void {
    this.scopes.delete(webContentsId);
  }
}
