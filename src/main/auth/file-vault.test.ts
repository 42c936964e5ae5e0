import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileVault } from './file-vault';

async function vaultDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rd-vault-'));
}

describe('FileVault', () => {
  it('round-trips a secret and keeps no plaintext on disk', async () => {
    const dir = await vaultDir();
    const vault = new FileVault(dir);
    await vault.write('microsoft.msal-cache', '{"refresh":"super-secret-refresh-token"}');
    expect(await new FileVault(dir).read('microsoft.msal-cache')).toBe('{"refresh":"super-secret-refresh-token"}');
    for (const name of await readdir(dir)) {
      expect((await readFile(join(dir, name))).toString('latin1')).not.toContain('super-secret');
    }
  });

  it('keeps the key and blobs readable by the owner only', async () => {
    const dir = await vaultDir();
    await new FileVault(dir).write('k', 'v');
    expect((await stat(join(dir, 'vault.key'))).mode & 0o077).toBe(0);
    expect((await stat(join(dir, 'k.bin'))).mode & 0o077).toBe(0);
  });

  it('reads a tampered blob or one written under another key as absent (sign in again, no crash)', async () => {
    const dir = await vaultDir();
    await new FileVault(dir).write('k', 'value');
    const blob = await readFile(join(dir, 'k.bin'));
    blob[blob.length - 1] = (blob[blob.length - 1] ?? 0) ^ 0xff;
    await writeFile(join(dir, 'k.bin'), blob);
    expect(await new FileVault(dir).read('k')).toBeNull();

    const other = await vaultDir();
    await new FileVault(other).write('k', 'value');
    await writeFile(join(dir, 'k.bin'), await readFile(join(other, 'k.bin')));
    expect(await new FileVault(dir).read('k')).toBeNull();
  });

  it('returns null for missing entries and rejects path-like keys', async () => {
    const vault = new FileVault(await vaultDir());
    expect(await vault.read('missing')).toBeNull();
    await expect(vault.write('../escape', 'x')).rejects.toThrow(/Invalid vault key/);
    await vault.remove('missing');
  });
});
