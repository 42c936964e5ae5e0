import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../health/logger';
import { SafeStorageVault, vaultProtection, type SafeStorageLike } from './safe-storage-vault';

/** Stands in for Electron's safeStorage: reversible, but never the plaintext on disk. */
function fakeSafeStorage(options: { available?: boolean; backend?: ReturnType<SafeStorageLike['getSelectedStorageBackend']>; reEncrypt?: boolean } = {}): SafeStorageLike & { encrypted: number } {
  const fake = {
    encrypted: 0,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (plain: string) => {
      fake.encrypted += 1;
      return Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`);
    },
    decryptStringAsync: async (blob: Buffer) => {
      const text = blob.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(text.slice(4), 'base64').toString(), shouldReEncrypt: options.reEncrypt ?? false };
    },
  };
  return fake;
}

function recordingLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return Object.assign(createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>)), { lines });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roomdeck-vault-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('SafeStorageVault', () => {
  it('stores OS-encrypted files and reads them back', async () => {
    const vault = await SafeStorageVault.open(dir, fakeSafeStorage(), recordingLogger(), 'linux');
    expect(vault.persistent).toBe(true);
    await vault.write('msal-cache', '{"refresh":"secret-token"}');
    expect(await vault.read('msal-cache')).toBe('{"refresh":"secret-token"}');
    const onDisk = await readFile(join(dir, 'msal-cache.bin'), 'utf8');
    expect(onDisk).not.toContain('secret-token');
    expect(await readdir(dir)).toEqual(['msal-cache.bin']);

    await vault.remove('msal-cache');
    expect(await vault.read('msal-cache')).toBeNull();
  });

  it('reads an absent key as null and a blob the OS cannot decrypt as null, with a warning', async () => {
    const log = recordingLogger();
    const vault = await SafeStorageVault.open(dir, fakeSafeStorage(), log, 'win32');
    expect(await vault.read('missing')).toBeNull();
    await writeFile(join(dir, 'other-user.bin'), 'garbage');
    expect(await vault.read('other-user')).toBeNull();
    expect(log.lines.some((l) => l.event === 'vault.unreadable')).toBe(true);
  });

  it('re-encrypts when the OS rotated its key', async () => {
    const storage = fakeSafeStorage({ reEncrypt: true });
    const vault = await SafeStorageVault.open(dir, storage, recordingLogger(), 'darwin');
    await vault.write('k', 'v');
    expect(await vault.read('k')).toBe('v');
    expect(storage.encrypted).toBe(2);
  });

  it('refuses to put tokens on disk without OS encryption, keeps them for this run and says why', async () => {
    const log = recordingLogger();
    const vault = await SafeStorageVault.open(dir, fakeSafeStorage({ available: false }), log, 'win32');
    expect(vault.persistent).toBe(false);
    await vault.write('msal-cache', 'token');
    expect(await vault.read('msal-cache')).toBe('token');
    expect(await readdir(dir)).toEqual([]);
    const warning = log.lines.find((l) => l.event === 'vault.not-persistent');
    expect(String(warning?.message)).toMatch(/not available.*sign in again after every restart/);
  });

  it('treats the Linux basic_text backend as no protection and names the fix', async () => {
    const log = recordingLogger();
    const vault = await SafeStorageVault.open(dir, fakeSafeStorage({ backend: 'basic_text' }), log, 'linux');
    await vault.write('msal-cache', 'token');
    expect(await readdir(dir)).toEqual([]);
    const warning = log.lines.find((l) => l.event === 'vault.not-persistent');
    expect(warning).toMatchObject({ level: 'warn', backend: 'basic_text' });
    expect(String(warning?.message)).toMatch(/basic_text.*fixed, public key.*--password-store=gnome-libsecret/);
  });

  it('rejects keys that could escape the vault folder', async () => {
    const vault = await SafeStorageVault.open(dir, fakeSafeStorage(), recordingLogger(), 'linux');
    await expect(vault.write('../evil', 'x')).rejects.toThrow(/Invalid vault key/);
    await expect(vault.read('a/b')).rejects.toThrow(/Invalid vault key/);
  });
});

describe('vaultProtection', () => {
  it('persists only under real OS protection', () => {
    expect(vaultProtection(true, 'win32', '').persist).toBe(true);
    expect(vaultProtection(true, 'darwin', '').persist).toBe(true);
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) expect(vaultProtection(true, 'linux', backend).persist).toBe(true);
    for (const backend of ['basic_text', 'unknown']) expect(vaultProtection(true, 'linux', backend).persist).toBe(false);
    expect(vaultProtection(false, 'win32', '').persist).toBe(false);
  });
});
