import type { JoinLink } from '../shared/model';

/**
 * Host-provided capabilities. Services see only these; the Electron shell and the web host each implement them,
 * so every service runs (and is tested) in plain Node.
 */

/** Secrets at rest (token caches). Electron: safeStorage; web host: an AES-GCM file vault. */
export interface TokenVault {
  read(key: string): Promise<string | null>;
  write(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Opens a join link the way the host can: a join window in Electron, the page's own tab in the web host. */
export interface JoinOpener {
  open(link: JoinLink): Promise<void>;
}

/** Opens a URL in the system browser (interactive OAuth); tests replace it with a headless client. */
export interface ExternalBrowser {
  open(url: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
