import type { JoinTarget } from './join/join-target';

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

/**
 * Opens a meeting the way the host can: web targets in a join window (Electron) or a new tab (web host); app targets
 * through the OS's handler for the allow-listed app scheme.
 */
export interface JoinOpener {
  open(target: JoinTarget): Promise<void>;
}

/** Opens a URL in the system browser (interactive OAuth); tests replace it with a headless client. */
export interface ExternalBrowser {
  open(url: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Runs `task` once, `ms` from now; the returned function cancels it. Services that wait (the agenda's poll loop) wait
 * through this port, so the soak and the long-outage tests can run days of kiosk life on a virtual timeline.
 */
export interface Scheduler {
  after(ms: number, task: () => Promise<void>): () => void;
}

export const systemScheduler: Scheduler = {
  after(ms, task) {
    const timer = setTimeout(() => void task(), ms);
    // A pending poll must not keep a stopping process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
