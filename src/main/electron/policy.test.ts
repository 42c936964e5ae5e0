import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  ScopeRegistry,
  externalUrlAllowed,
  isAppUrl,
  isTrustedSender,
  joinScopeFor,
  navigationAllowed,
  permissionAllowed,
  registrableDomain,
  urlForLog,
  type WindowScope,
} from './policy';

const APP: WindowScope = { kind: 'app' };
function scopeOf(link: string): WindowScope {
  const scope = joinScopeFor(link);
  if (!scope) throw new Error(`not a join link: ${link}`);
  return scope;
}
const teams = scopeOf('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d');
const zoom = scopeOf('https://acme.zoom.us/j/123456789?pwd=secret');

describe('app origin', () => {
  it('accepts only app://roomdeck pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://roomdeck/assets/index-abc.js')).toBe(true);
    for (const url of ['app://evil/index.html', 'app://roomdeck:8080/', 'app://user@roomdeck/', 'https://roomdeck/', 'file:///index.html', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('registrableDomain', () => {
  it.each([
    ['teams.microsoft.com', 'microsoft.com'],
    ['acme.zoom.us', 'zoom.us'],
    ['zoom.us', 'zoom.us'],
    ['meet.google.com', 'google.com'],
    ['company.webex.com', 'webex.com'],
    ['meet.example.co.uk', 'example.co.uk'],
    ['video.firma.com.au', 'firma.com.au'],
    ['Teams.Microsoft.COM.', 'microsoft.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, site) => expect(registrableDomain(host)).toBe(site));
});

describe('joinScopeFor', () => {
  it('scopes an https meeting link to its site', () => {
    expect(teams).toEqual({ kind: 'join', site: 'microsoft.com', origin: 'https://teams.microsoft.com' });
    expect(zoom).toEqual({ kind: 'join', site: 'zoom.us', origin: 'https://acme.zoom.us' });
  });

  it('refuses links that are not plain https', () => {
    for (const url of ['http://zoom.us/j/1', 'zoommtg://zoom.us/join?confno=1', 'msteams:/l/meetup-join/x', 'https://user:pw@zoom.us/j/1', 'javascript:alert(1)', '']) {
      expect(joinScopeFor(url), url).toBeNull();
    }
  });
});

describe('navigationAllowed', () => {
  it('keeps the kiosk window on app://roomdeck, main frame and subframes alike', () => {
    expect(navigationAllowed(APP, 'app://roomdeck/index.html', true)).toBe(true);
    expect(navigationAllowed(APP, 'https://evil.example/', true)).toBe(false);
    expect(navigationAllowed(APP, 'https://evil.example/', false)).toBe(false);
    expect(navigationAllowed(APP, 'file:///etc/passwd', true)).toBe(false);
    expect(navigationAllowed(APP, 'about:blank', false)).toBe(false);
  });

  it('lets a join window move around the meeting site over https, and nowhere else', () => {
    expect(navigationAllowed(zoom, 'https://app.zoom.us/wc/123/join', true)).toBe(true);
    expect(navigationAllowed(zoom, 'https://zoom.us/signin', true)).toBe(true);
    expect(navigationAllowed(zoom, 'http://app.zoom.us/wc/123/join', true)).toBe(false);
    expect(navigationAllowed(zoom, 'https://zoom.us.evil.example/', true)).toBe(false);
    expect(navigationAllowed(zoom, 'https://evilzoom.us/', true)).toBe(false);
    expect(navigationAllowed(zoom, 'zoommtg://zoom.us/join', true)).toBe(false);
    expect(navigationAllowed(zoom, 'app://roomdeck/index.html', true)).toBe(false);
  });

  it('lets a meeting page embed https and blank frames but not other schemes', () => {
    expect(navigationAllowed(teams, 'https://login.microsoftonline.com/common/oauth2', false)).toBe(true);
    expect(navigationAllowed(teams, 'about:blank', false)).toBe(true);
    expect(navigationAllowed(teams, 'about:blank', true)).toBe(false);
    expect(navigationAllowed(teams, 'app://roomdeck/index.html', false)).toBe(false);
    expect(navigationAllowed(teams, 'file:///C:/Windows/', false)).toBe(false);
  });

  it('lets web contents we did not create go nowhere', () => {
    expect(navigationAllowed(undefined, 'app://roomdeck/index.html', true)).toBe(false);
    expect(navigationAllowed(undefined, 'https://zoom.us/', true)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const kioskId = 7;
  const main = { url: 'app://roomdeck/index.html', isMainFrame: true };

  it('trusts the main frame of the kiosk window showing our page', () => {
    expect(isTrustedSender({ webContentsId: kioskId, frame: main }, kioskId)).toBe(true);
  });

  it('rejects other windows, subframes, foreign pages, vanished frames and a missing kiosk window', () => {
    expect(isTrustedSender({ webContentsId: 8, frame: main }, kioskId)).toBe(false);
    expect(isTrustedSender({ webContentsId: kioskId, frame: { ...main, isMainFrame: false } }, kioskId)).toBe(false);
    expect(isTrustedSender({ webContentsId: kioskId, frame: { url: 'https://evil.example/', isMainFrame: true } }, kioskId)).toBe(false);
    expect(isTrustedSender({ webContentsId: kioskId, frame: null }, kioskId)).toBe(false);
    expect(isTrustedSender({ webContentsId: kioskId, frame: main }, null)).toBe(false);
  });
});

describe('permissionAllowed', () => {
  it('denies the kiosk window and unknown contents everything', () => {
    for (const permission of ['media', 'display-capture', 'notifications', 'geolocation', 'openExternal', 'clipboard-read']) {
      expect(permissionAllowed(APP, { permission, securityOrigin: 'app://roomdeck' }), permission).toBe(false);
      expect(permissionAllowed(undefined, { permission, securityOrigin: 'https://zoom.us' }), permission).toBe(false);
    }
  });

  it('gives a join window camera, microphone and screen share for its meeting site only', () => {
    expect(permissionAllowed(zoom, { permission: 'media', securityOrigin: 'https://app.zoom.us' })).toBe(true);
    expect(permissionAllowed(zoom, { permission: 'display-capture', requestingUrl: 'https://app.zoom.us/wc/1/join' })).toBe(true);
    expect(permissionAllowed(teams, { permission: 'media', securityOrigin: 'https://teams.microsoft.com' })).toBe(true);
    expect(permissionAllowed(zoom, { permission: 'media', securityOrigin: 'https://ads.example' })).toBe(false);
    expect(permissionAllowed(zoom, { permission: 'media', securityOrigin: 'http://app.zoom.us' })).toBe(false);
    expect(permissionAllowed(zoom, { permission: 'media' })).toBe(false);
  });

  it('denies a join window everything else, even on its own site', () => {
    for (const permission of ['notifications', 'geolocation', 'openExternal', 'clipboard-read', 'hid', 'usb', 'fullscreen']) {
      expect(permissionAllowed(zoom, { permission, securityOrigin: 'https://app.zoom.us' }), permission).toBe(false);
    }
  });
});

describe('externalUrlAllowed', () => {
  it('opens only https in the system browser', () => {
    expect(externalUrlAllowed('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?x=1')).toBe(true);
    for (const url of ['http://example.com', 'file:///C:/Windows/System32/calc.exe', 'ms-settings:', 'smb://host/share', 'https://u:p@example.com', 'nope']) {
      expect(externalUrlAllowed(url), url).toBe(false);
    }
  });
});

describe('urlForLog', () => {
  it('keeps passcodes and codes out of the log', () => {
    expect(urlForLog('https://acme.zoom.us/j/123?pwd=secret')).toBe('https://acme.zoom.us');
    expect(urlForLog('msteams:/l/meetup-join/x')).toBe('msteams:');
    expect(urlForLog('garbage')).toBe('(not a URL)');
  });
});

describe('ScopeRegistry', () => {
  it('forgets a window when its contents go away', () => {
    const scopes = new ScopeRegistry();
    scopes.set(1, APP);
    expect(scopes.get(1)).toBe(APP);
    scopes.delete(1);
    expect(scopes.get(1)).toBeUndefined();
  });
});
