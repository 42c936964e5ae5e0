import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { Logger } from '../health/logger';
import type { TokenVault } from '../ports';

/**
 * The Electron host's token vault: one file per key in `<userData>/vault`, encrypted by the OS through Electron's
 * `safeStorage` (DPAPI on Windows, Keychain on macOS, libsecret/KWallet on Linux). It takes the `safeStorage`
 * object as a parameter so it runs under Vitest with a fake; main.ts passes the real one.
 *
 * Uses the async API: in Electron 45 `encryptString`/`decryptString`/`isEncryptionAvailable` are deprecated in
 * favour of these, and they read the same data.
 */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export type VaultProtection = { persist: true; backend: string } | { persist: false; backend: string; warning: string };

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const LINUX_KEYRINGS: ReadonlySet<string> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/**
 * Tokens are written to disk only under real OS protection. Without it they stay in memory for this run: the room
 * works until the next restart, then asks to sign in again — never a refresh token on disk under a key anyone can
 * look up. On Linux, `basic_text` (no keyring found) "encrypts" with a hard-coded key, so it counts as none.
 */
export function vaultProtection(available: boolean, platform: NodeJS.Platform, linuxBackend: string): VaultProtection {
  const backend = platform === 'linux' ? linuxBackend : platform;
  if (!available) {
    return {
      persist: false,
      backend,
      warning:
        'OS encryption (Electron safeStorage) is not available, so Roomdeck will not store sign-in tokens on disk: ' +
        'they are kept in memory and this room must sign in again after every restart.',
    };
  }
  if (platform === 'linux' && !LINUX_KEYRINGS.has(linuxBackend)) {
    return {
      persist: false,
      backend,
      warning:
        `No OS keyring is available (safeStorage backend "${linuxBackend}"; "basic_text" encrypts with a fixed, public key), ` +
        'so Roomdeck will not store sign-in tokens on disk: they are kept in memory and this room must sign in again after ' +
        'every restart. Run a Secret Service (gnome-keyring) or KWallet for the kiosk user, or start Roomdeck with ' +
        '--password-store=gnome-libsecret.',
    };
  }
  return { persist: true, backend };
}

export class SafeStorageVault implements TokenVault {
  private readonly memory = new Map<string, string>();

  private constructor(
    private readonly dir: string,
    private readonly storage: SafeStorageLike,
    private readonly protection: VaultProtection,
    private readonly log: Logger,
  ) {}

  /** Call after `app.whenReady()`: safeStorage only knows its backend once the app is ready. */
  static async open(dir: string, storage: SafeStorageLike, log: Logger, platform: NodeJS.Platform = process.platform): Promise<SafeStorageVault> {
    const available = await storage.isAsyncEncryptionAvailable();
    const protection = vaultProtection(available, platform, platform === 'linux' ? storage.getSelectedStorageBackend() : '');
    if (protection.persist) log.info('vault.ready', { backend: protection.backend });
    else log.warn('vault.not-persistent', { backend: protection.backend, message: protection.warning });
    return new SafeStorageVault(dir, storage, protection, log);
  }

  get persistent(): boolean {
    return this.protection.persist;
  }

  async read(key: string): Promise<string | null> {
    const path = this.pathFor(key);
    if (!this.protection.persist) return this.memory.get(key) ?? null;
    let blob: Buffer;
    try {
      blob = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return this.decrypt(key, blob);
  }

  async write(key: string, value: string): Promise<void> {
    const path = this.pathFor(key);
    if (!this.protection.persist) {
      this.memory.set(key, value);
      return;
    }
    const blob = await this.storage.encryptStringAsync(value);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${path}.tmp`;
    await writeFile(tmp, blob, { mode: 0o600 });
    await rename(tmp, path);
  }

  async remove(key: string): Promise<void> {
    const path = this.pathFor(key);
    this.memory.delete(key);
    await rm(path, { force: true });
  }

  private pathFor(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`Invalid vault key "${key}"`);
    return join(this.dir, `${key}.bin`);
  }

  /**
   * A blob the OS can no longer decrypt (another user, a reset keyring, a copied profile) reads as absent: the kiosk
   * asks to sign in again instead of failing. A rotated key is re-encrypted on the spot.
   */
  private async decrypt(key: string, blob: Buffer): Promise<string | null> {
    let decrypted: Awaited<ReturnType<SafeStorageLike['decryptStringAsync']>>;
    try {
      decrypted = await this.storage.decryptStringAsync(blob);
    } catch (err) {
      this.log.warn('vault.unreadable', { key, error: String(err) });
      return null;
    }
    if (decrypted.shouldReEncrypt) {
      await this.write(key, decrypted.result).catch((err: unknown) => this.log.warn('vault.re-encrypt-failed', { key, error: String(err) }));
    }
    return decrypted.result;
  }
}
