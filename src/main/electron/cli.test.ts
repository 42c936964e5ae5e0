import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseElectronCli, resolveConfigPath } from './cli';

describe('parseElectronCli', () => {
  it('reads our options among Chromium switches and the script path', () => {
    const cli = parseElectronCli(['--inspect=0', '--remote-debugging-port=0', 'out/main/electron.js', '--windowed', '--config', 'c.json', '--data-dir=d']);
    expect(cli).toEqual({ configPath: resolve('c.json'), dataDir: resolve('d'), policyPath: undefined, windowed: true });
  });

  it('defaults to kiosk mode with nothing set', () => {
    expect(parseElectronCli(['out/main/electron.js'])).toEqual({ configPath: undefined, dataDir: undefined, policyPath: undefined, windowed: false });
  });

  it('takes IT’s policy file from --policy (tests, the demo)', () => {
    expect(parseElectronCli(['--policy', 'p.json']).policyPath).toBe(resolve('p.json'));
  });
});

describe('resolveConfigPath', () => {
  it('prefers --config, then ROOMDECK_CONFIG', () => {
    expect(resolveConfigPath('/x/cli.json', { ROOMDECK_CONFIG: '/x/env.json' }, 'linux')).toBe('/x/cli.json');
    expect(resolveConfigPath(undefined, { ROOMDECK_CONFIG: '/x/env.json' }, 'linux')).toBe('/x/env.json');
  });

  it('falls back to the machine-wide file IT deploys', () => {
    expect(resolveConfigPath(undefined, {}, 'linux')).toBe('/etc/roomdeck/config.json');
    expect(resolveConfigPath(undefined, { ROOMDECK_CONFIG: '  ' }, 'darwin')).toBe('/etc/roomdeck/config.json');
    expect(resolveConfigPath(undefined, { ProgramData: 'D:\\ProgramData' }, 'win32')).toBe('D:\\ProgramData\\Roomdeck\\config.json');
    expect(resolveConfigPath(undefined, {}, 'win32')).toBe('C:\\ProgramData\\Roomdeck\\config.json');
  });
});
