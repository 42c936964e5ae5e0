import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { TokenVault } from '../ports';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SAFE_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * The web host's vault: AES-256-GCM with a random key kept in its own 0600 file. Threat model in README
 * ("Token storage"): it stops tokens leaking through a copied data folder, a backup or a support bundle that
 * lacks the key file; it does not stop someone who can already read every file as the kiosk user — that is
 * what the Electron host's safeStorage (DPAPI/Keychain/libsecret) is for.
 */
export class FileVault implements TokenVault {
  private keyPromise: Promise<Buffer> | null = null;

  constructor(
    private readonly dir: string,
    private readonly keyFile: string = join(dir, 'vault.key'),
  ) {}

  async read(key: string): Promise<string | null> {
    let blob: Buffer;
    try {
      blob = await readFile(this.pathFor(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return this.decrypt(blob, await this.key());
  }

  async write(key: string, value: string): Promise<void> {
    const path = this.pathFor(key);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${path}.tmp`;
    await writeFile(tmp, this.encrypt(value, await this.key()), { mode: 0o600 });
    await rename(tmp, path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  private pathFor(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`Invalid vault key "${key}"`);
    return join(this.dir, `${key}.bin`);
  }

  private key(): Promise<Buffer> {
    this.keyPromise ??= this.loadOrCreateKey();
    return this.keyPromise;
  }

  private async loadOrCreateKey(): Promise<Buffer> {
    try {
      const existing = await readFile(this.keyFile);
      if (existing.length === KEY_BYTES) return existing;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const fresh = randomBytes(KEY_BYTES);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFile(this.keyFile, fresh, { mode: 0o600 });
    return fresh;
  }

  private encrypt(plain: string, key: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** A blob that fails authentication (tampered, or another key) reads as absent: the kiosk asks to sign in again. */
  private decrypt(blob: Buffer, key: Buffer): string | null {
    if (blob.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, IV_BYTES));
      decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
