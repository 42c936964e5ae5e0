import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The options every Roomdeck window is created with, as plain data so a unit test can pin the hardening
 * (Electron security checklist items 2–4, 6, 8–11) without an Electron binary.
 */

/** Matches `--bg` in the renderer's stylesheet: no white flash on a dark room screen while the page loads. */
export const KIOSK_BACKGROUND = '#0d1014';

/**
 * Hardened for any content: no Node, isolated and sandboxed renderer, same-origin policy on, no insecure content,
 * no experimental or Blink features (and no auxclick), no <webview>, no navigation by dropping a file. DevTools only in development.
 */
export function hardenedWebPreferences(options: { preload?: string; partition?: string; devTools: boolean }): WebPreferences {
  return {
    ...(options.preload ? { preload: options.preload } : {}),
    ...(options.partition ? { partition: options.partition } : {}),
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
    safeDialogs: true,
    spellcheck: false,
    // A middle click would ask for a new window; the open handler denies it, and this stops the event at the source.
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools,
  };
}

export interface KioskWindowInput {
  preloadPath: string;
  /** `--windowed`: a normal window for development and the demo; production is kiosk + fullscreen. */
  windowed: boolean;
  isPackaged: boolean;
}

export function kioskWindowOptions(input: KioskWindowInput): BrowserWindowConstructorOptions {
  return {
    title: 'Roomdeck',
    width: 1920,
    height: 1080,
    show: false,
    kiosk: !input.windowed,
    fullscreen: !input.windowed,
    autoHideMenuBar: true,
    backgroundColor: KIOSK_BACKGROUND,
    webPreferences: {
      ...hardenedWebPreferences({ preload: input.preloadPath, devTools: !input.isPackaged }),
      // Chromium's built-in PDF viewer shows an imported PDF in a blob: frame (the CSP allows no other frames).
      plugins: true,
    },
  };
}

export interface JoinWindowInput {
  /** `join-<n>`: no `persist:` prefix, so cookies and storage live in memory and die with the window. */
  partition: string;
  isPackaged: boolean;
  parent?: BrowserWindowConstructorOptions['parent'];
}

/**
 * A meeting page is third-party content: no preload (so no bridge to main), its own throw-away session, and a
 * title bar with a close button so people can leave the meeting and get back to the room screen. Media may
 * start without a tap inside the page because the tap on Join already happened in the kiosk window.
 */
export function joinWindowOptions(input: JoinWindowInput): BrowserWindowConstructorOptions {
  return {
    title: 'Roomdeck meeting',
    width: 1920,
    height: 1080,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: KIOSK_BACKGROUND,
    ...(input.parent ? { parent: input.parent } : {}),
    webPreferences: {
      ...hardenedWebPreferences({ partition: input.partition, devTools: !input.isPackaged }),
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
