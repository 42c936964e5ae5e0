import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../health/logger';
import { ConfigError, loadKioskConfig, parseKioskConfig } from './kiosk-config';
import { SettingsStore } from './settings-store';

async function file(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rd-config-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('kiosk config', () => {
  it('fills production defaults: the real Microsoft cloud, device code, 25 s polling (a change shows within 30 s)', () => {
    const config = parseKioskConfig({ microsoft: { clientId: 'abc' } }, 'test');
    expect(config.microsoft.authority).toBe('https://login.microsoftonline.com/organizations');
    expect(config.microsoft.graphBaseUrl).toBe('https://graph.microsoft.com');
    expect(config.signInMethod).toBe('device-code');
    expect(config.pollSeconds).toBe(25);
  });

  it('names every bad field in one message', () => {
    const attempt = () => parseKioskConfig({ microsoft: { clientId: '', authority: 'http://login.example' }, pollSeconds: 0, typo: true }, 'policy.json');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/policy\.json[\s\S]*microsoft\.clientId[\s\S]*microsoft\.authority[\s\S]*pollSeconds/);
    expect(attempt).toThrow(/typo/);
  });

  it('explains a missing file and a file that is not JSON', async () => {
    await expect(loadKioskConfig('/nonexistent/roomdeck.json')).rejects.toThrow(/Cannot read the configuration file/);
    await expect(loadKioskConfig(await file('c.json', '{ "microsoft": '))).rejects.toThrow(/not valid JSON/);
  });
});

describe('settings store', () => {
  it('sets a damaged settings file aside (not deleted) and reports it', async () => {
    const path = await file('settings.json', '{"version":1,"microsoft":{"homeAccountId":42}}');
    const dir = join(path, '..');
    const store = new SettingsStore(dir, silentLogger);
    expect(await store.load()).toEqual({ damaged: true });
    expect(store.get()).toEqual({ version: 1, room: null, features: {}, connections: {}, local: {}, firstConfig: 'pending', bookings: [] });
    expect((await readdir(dir)).some((n) => n.startsWith('settings.json.damaged-'))).toBe(true);
  });

  it('writes atomically and reads back what it wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rd-settings-'));
    const store = new SettingsStore(dir, silentLogger);
    await store.load();
    await store.update((s) => ({ ...s, room: { provider: 'microsoft', key: 'u.t', calendar: null } }));
    const again = new SettingsStore(dir, silentLogger);
    expect(await again.load()).toEqual({ damaged: false });
    expect(again.get().room?.key).toBe('u.t');
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});
