import type { JoinLink } from '../../shared/model';

/** How IT wants a service opened on the room PC: its installed app, or its web client in a join window. */
export type JoinPreference = 'web' | 'app';

export interface JoinTarget {
  via: JoinPreference;
  url: string;
  provider: string;
}

/** Schemes of native apps Roomdeck may hand a meeting to; nothing else leaves through the OS. */
export const APP_SCHEMES: readonly string[] = ['zoommtg:', 'msteams:'];

/**
 * Zoom's desktop client joins from `zoommtg://<host>/join?action=join&confno=<id>&pwd=<passcode>`, keeping the
 * vanity host (company SSO) and the passcode, so nobody types it on the wall. Only `/j/<id>` links map: webinar
 * registration, personal rooms (`/my/`) and others open on the web.
 */
function zoomAppUrl(url: URL): string | null {
  const id = /^\/j\/(\d{9,12})\/?$/.exec(url.pathname)?.[1];
  if (!id) return null;
  const params = new URLSearchParams({ action: 'join', confno: id });
  const pwd = url.searchParams.get('pwd');
  if (pwd) params.set('pwd', pwd);
  return `zoommtg://${url.hostname}/join?${params.toString()}`;
}

/** Teams registers `msteams:` for the same path as its https meeting links. */
function teamsAppUrl(url: URL): string | null {
  if (url.hostname !== 'teams.microsoft.com' || !url.pathname.startsWith('/l/meetup-join/')) return null;
  return `msteams:${url.pathname}${url.search}${url.hash}`;
}

const APP_URL: Record<string, (url: URL) => string | null> = { zoom: zoomAppUrl, teams: teamsAppUrl };

/** The app where IT asked for it and the link has an app form; the web client otherwise (it always works). */
export function joinTargetFor(link: JoinLink, preference: JoinPreference): JoinTarget {
  const toApp = preference === 'app' ? APP_URL[link.provider] : undefined;
  const appUrl = toApp ? toApp(new URL(link.url)) : null;
  return appUrl ? { via: 'app', url: appUrl, provider: link.provider } : { via: 'web', url: link.url, provider: link.provider };
}
