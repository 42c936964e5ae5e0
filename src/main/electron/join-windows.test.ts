import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UserFacingError } from '../bridge/router';
import { silentLogger } from '../health/logger';
import { ScopeRegistry } from './policy';

/**
 * join-windows.ts is wiring; this pins what it promises — a fresh in-memory partition per meeting with meeting
 * permissions, one meeting at a time, storage wiped on close. The factory replaces `electron` entirely, so the
 * real package (which would download a binary) is never loaded.
 */
const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const sessions = new Map<string, { handlers: Map<string, Handler>; wiped: number }>();
  const windows: Array<{ options: Record<string, unknown>; loaded: string[]; closed: boolean; close(): void; emit(event: string): void; webContents: { id: number } }> = [];
  return { sessions, windows };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  let nextId = 100;
  const makeSession = (partition: string) => {
    const record = { handlers: new Map<string, (...args: unknown[]) => unknown>(), wiped: 0 };
    fake.sessions.set(partition, record);
    const setter = (name: string) => (fn: (...args: unknown[]) => unknown) => record.handlers.set(name, fn);
    return {
      setPermissionRequestHandler: setter('request'),
      setPermissionCheckHandler: setter('check'),
      setDevicePermissionHandler: setter('device'),
      setDisplayMediaRequestHandler: setter('display'),
      clearStorageData: async () => void (record.wiped += 1),
      clearCache: async () => {},
      clearAuthCache: async () => {},
    };
  };
  class FakeWindow extends Emitter {
    readonly webContents = Object.assign(new Emitter(), { id: nextId++ });
    readonly loaded: string[] = [];
    closed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this);
    }
    isDestroyed(): boolean {
      return this.closed;
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
    }
    close(): void {
      this.closed = true;
      this.emit('closed');
    }
    focus(): void {}
    maximize(): void {}
    show(): void {}
  }
  return { app: { isPackaged: true }, BrowserWindow: FakeWindow, session: { fromPartition: makeSession }, desktopCapturer: { getSources: async () => [] } };
});

const { ElectronJoinOpener } = await import('./join-windows');

const ZOOM = { via: 'web', provider: 'zoom', url: 'https://acme.zoom.us/j/123?pwd=x' } as const;
const TEAMS = { via: 'web', provider: 'teams', url: 'https://teams.microsoft.com/l/meetup-join/abc' } as const;

let scopes: ScopeRegistry;
const appLinks: string[] = [];
let opener: InstanceType<typeof ElectronJoinOpener>;

beforeEach(() => {
  fake.sessions.clear();
  fake.windows.length = 0;
  appLinks.length = 0;
  scopes = new ScopeRegistry();
  const kiosk = Object.assign(new EventEmitter(), { isDestroyed: () => false, focus: () => {} }) as unknown as BrowserWindow;
  opener = new ElectronJoinOpener({ scopes, parent: () => kiosk, openApp: async (url) => void appLinks.push(url), log: silentLogger });
});

function permission(partition: string, name: string, origin: string): boolean {
  const check = fake.sessions.get(partition)?.handlers.get('check');
  return check?.(null, name, origin, { isMainFrame: true }) === true;
}

describe('ElectronJoinOpener', () => {
  it('opens the link in a window with its own in-memory partition, no preload, and the meeting site as scope', async () => {
    await opener.open(ZOOM);
    const [window] = fake.windows;
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ partition: 'join-1', sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(prefs).not.toHaveProperty('preload');
    expect(window?.loaded).toEqual([ZOOM.url]);
    expect(scopes.get(window?.webContents.id ?? -1)).toEqual({ kind: 'join', site: 'zoom.us', origin: 'https://acme.zoom.us' });
  });

  it('gives the meeting site camera and microphone, and nothing to anyone else', async () => {
    await opener.open(ZOOM);
    expect(permission('join-1', 'media', 'https://app.zoom.us')).toBe(true);
    expect(permission('join-1', 'media', 'https://tracker.example')).toBe(false);
    expect(permission('join-1', 'geolocation', 'https://app.zoom.us')).toBe(false);
    expect(fake.sessions.get('join-1')?.handlers.get('device')?.({})).toBe(false);
  });

  it('keeps one meeting at a time and wipes each meeting’s storage when its window closes', async () => {
    await opener.open(ZOOM);
    await opener.open(TEAMS);
    expect(fake.windows.map((w) => w.closed)).toEqual([true, false]);
    expect(fake.windows[1]?.options.webPreferences).toMatchObject({ partition: 'join-2' });
    await vi.waitFor(() => expect(fake.sessions.get('join-1')?.wiped).toBe(1));

    fake.windows[1]?.close();
    await vi.waitFor(() => expect(fake.sessions.get('join-2')?.wiped).toBe(1));
  });

  it('closes a meeting whose page crashed', async () => {
    await opener.open(TEAMS);
    (fake.windows[0]?.webContents as unknown as EventEmitter).emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(fake.windows[0]?.closed).toBe(true);
  });

  it('refuses links that are not plain https, with a message for the screen', async () => {
    for (const url of ['zoommtg://zoom.us/join?confno=1', 'http://zoom.us/j/1']) {
      await expect(opener.open({ ...ZOOM, url })).rejects.toBeInstanceOf(UserFacingError);
    }
    expect(fake.windows).toEqual([]);
  });

  it('hands allow-listed app links to the OS and opens no window for them', async () => {
    await opener.open({ via: 'app', provider: 'zoom', url: 'zoommtg://acme.zoom.us/join?action=join&confno=123' });
    expect(appLinks).toEqual(['zoommtg://acme.zoom.us/join?action=join&confno=123']);
    expect(fake.windows).toHaveLength(0);
  });

  it('refuses an app target with a scheme Roomdeck does not produce', async () => {
    await expect(opener.open({ via: 'app', provider: 'zoom', url: 'file:///etc/passwd' })).rejects.toThrow(/cannot be opened/);
    expect(appLinks).toEqual([]);
  });
});
