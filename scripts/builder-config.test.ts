import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidateBuilderConfig } from './builder-config';

const ROOT = process.cwd();
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** electron-builder.yml with one line replaced, validated as electron-builder would. */
async function validateEdited(from: string, to: string): Promise<void> {
  const original = await readFile(join(ROOT, 'electron-builder.yml'), 'utf8');
  expect(original).toContain(from);
  const dir = await mkdtemp(join(tmpdir(), 'roomdeck-builder-'));
  dirs.push(dir);
  await writeFile(join(dir, 'package.json'), await readFile(join(ROOT, 'package.json')));
  const path = join(dir, 'electron-builder.yml');
  await writeFile(path, original.replace(from, to));
  await loadAndValidateBuilderConfig(dir, path);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation, offline', async () => {
    await expect(loadAndValidateBuilderConfig(ROOT)).resolves.toBeTruthy();
  });

  it('builds what IT deploys: silent per-machine NSIS, an MSI with a fixed upgrade code, AppImage, deb, dmg', async () => {
    const config = await loadAndValidateBuilderConfig(ROOT);
    expect(config.appId).toBe('com.roomdeck.kiosk');
    expect(config.win?.target).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: true, runAfterFinish: false, include: 'assets/installer.nsh' });
    // The upgrade code is what makes a new MSI replace the old one: it must be this GUID forever.
    expect(config.msi).toMatchObject({ oneClick: true, perMachine: true, upgradeCode: '26558745-EF29-4E88-AF8B-9B34D16FE686' });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.deb?.fpm).toContain('assets/linux/roomdeck-autostart.desktop=/etc/xdg/autostart/roomdeck.desktop');
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.publish).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });

  it('rejects a misspelt option with electron-builder’s message', async () => {
    await expect(validateEdited('  deleteAppDataOnUninstall: false', '  deleteAppdataOnUninstall: false')).rejects.toThrow(/configuration\.nsis/);
  });

  it('rejects a value of the wrong type', async () => {
    await expect(validateEdited('  perMachine: true\n  upgradeCode', '  perMachine: "yes"\n  upgradeCode')).rejects.toThrow(/configuration\.msi/);
  });
});
