import { join, resolve, win32 } from 'node:path';
import { parseArgs } from 'node:util';

/** What the Electron host takes from its command line. Plain Node: parsed before the app is ready, and unit-tested. */
export interface ElectronCli {
  configPath: string | undefined;
  dataDir: string | undefined;
  /** `--policy FILE`: IT's policy file elsewhere than the machine-wide place (tests, the demo). */
  policyPath: string | undefined;
  windowed: boolean;
}

/**
 * `process.argv` of an Electron app also carries Chromium and Node switches (Playwright adds `--inspect=0
 * --remote-debugging-port=0`) and, unpackaged, the script path; so unknown options and positionals are ignored
 * rather than fatal.
 */
export function parseElectronCli(argv: readonly string[]): ElectronCli {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      policy: { type: 'string' },
      windowed: { type: 'boolean', default: false },
    },
  });
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? resolve(v) : undefined);
  return { configPath: text(values.config), dataDir: text(values['data-dir']), policyPath: text(values.policy), windowed: values.windowed === true };
}

/**
 * Where the kiosk config comes from, first match wins:
 *   1. `--config FILE` — the demo, the e2e harness, a developer;
 *   2. `ROOMDECK_CONFIG` — the same for launchers that can set the environment but not the arguments;
 *   3. the machine-wide file IT deploys: `%ProgramData%\Roomdeck\config.json` on Windows, `/etc/roomdeck/config.json`
 *      elsewhere. Both are writable only by administrators, so the person in the room cannot change them.
 * IT's managed policy (locks, last good copy) is a separate file: see src/main/policy/policy-path.ts.
 */
export function resolveConfigPath(cliConfig: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (cliConfig) return cliConfig;
  const fromEnv = env.ROOMDECK_CONFIG?.trim();
  if (fromEnv) return resolve(fromEnv);
  if (platform === 'win32') return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Roomdeck', 'config.json');
  return join('/etc', 'roomdeck', 'config.json');
}
