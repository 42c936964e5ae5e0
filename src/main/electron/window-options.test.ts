import { describe, expect, it } from 'vitest';
import { KIOSK_BACKGROUND, hardenedWebPreferences, joinWindowOptions, kioskWindowOptions } from './window-options';

/** Checklist items 2–4, 6, 8–11: the values a release must never ship without. */
const HARDENED = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
};

describe('kiosk window', () => {
  it('is kiosk + fullscreen on a dark background, hardened, with our preload, DevTools only unpackaged', () => {
    const packaged = kioskWindowOptions({ preloadPath: '/app/out/preload/index.cjs', windowed: false, isPackaged: true });
    expect(packaged).toMatchObject({ kiosk: true, fullscreen: true, show: false, backgroundColor: KIOSK_BACKGROUND });
    expect(packaged.webPreferences).toMatchObject({ ...HARDENED, preload: '/app/out/preload/index.cjs', devTools: false });
    expect(packaged.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(packaged.webPreferences).not.toHaveProperty('partition');

    const dev = kioskWindowOptions({ preloadPath: 'p.cjs', windowed: true, isPackaged: false });
    expect(dev).toMatchObject({ kiosk: false, fullscreen: false });
    expect(dev.webPreferences?.devTools).toBe(true);
  });
});

describe('join window', () => {
  it('has no preload, its own in-memory partition and the same hardening', () => {
    const options = joinWindowOptions({ partition: 'join-3', isPackaged: true });
    expect(options.webPreferences).toMatchObject({ ...HARDENED, partition: 'join-3', devTools: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(options.webPreferences?.partition?.startsWith('persist:')).toBe(false);
    expect(options).not.toHaveProperty('kiosk');
  });
});

describe('hardenedWebPreferences', () => {
  it('cannot be talked out of the sandbox by its inputs', () => {
    expect(hardenedWebPreferences({ devTools: true })).toMatchObject(HARDENED);
  });
});
