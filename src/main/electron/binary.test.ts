import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryAvailable } from './binary';

let pkg: string;
beforeEach(async () => {
  pkg = await mkdtemp(join(tmpdir(), 'roomdeck-electron-pkg-'));
});
afterEach(() => rm(pkg, { recursive: true, force: true }));

describe('electronBinaryAvailable', () => {
  it('says why when the package has never downloaded its binary', () => {
    const result = electronBinaryAvailable({ packageDir: pkg, env: {} });
    expect(result.available).toBe(false);
    expect(result.reason).toMatch(/no Electron binary on this machine.*downloads its binary on first launch.*no internet/);
  });

  it('says why when path.txt points at a missing dist', async () => {
    await writeFile(join(pkg, 'path.txt'), 'electron');
    expect(electronBinaryAvailable({ packageDir: pkg, env: {} })).toMatchObject({ available: false, reason: expect.stringContaining('is missing') });
  });

  it('finds the downloaded binary the way the electron package does', async () => {
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await mkdir(join(pkg, 'dist'));
    await writeFile(join(pkg, 'dist', 'electron'), '');
    expect(electronBinaryAvailable({ packageDir: pkg, env: {} })).toMatchObject({ available: true, executablePath: join(pkg, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dist = join(pkg, 'elsewhere');
    await mkdir(dist);
    await writeFile(join(dist, 'electron'), '');
    expect(electronBinaryAvailable({ packageDir: pkg, env: { ELECTRON_OVERRIDE_DIST_PATH: dist } })).toMatchObject({ available: true, executablePath: join(dist, 'electron') });
    expect(electronBinaryAvailable({ packageDir: pkg, env: { ELECTRON_OVERRIDE_DIST_PATH: join(pkg, 'none') } }).available).toBe(false);
  });

  it('reports a missing electron package', () => {
    expect(electronBinaryAvailable({ packageDir: null, env: {} })).toEqual({ available: false, reason: 'the electron npm package is not installed' });
  });

  it('answers for this machine without loading electron (which would start a download)', () => {
    const result = electronBinaryAvailable();
    expect(typeof result.available).toBe('boolean');
    expect(result.reason.length).toBeGreaterThan(0);
  });
});
