import { join, posix, resolve, win32 } from 'node:path';

/**
 * Where IT's policy file lives, first match wins:
 *   1. `--policy FILE` (tests, the demo, a developer);
 *   2. `ROOMDECK_POLICY` (launchers that set the environment but not the arguments);
 *   3. the machine-wide place only administrators can write: `%ProgramData%\Roomdeck\policy.json` (Windows),
 *      `/Library/Application Support/Roomdeck/policy.json` (macOS), `/etc/roomdeck/policy.json` (Linux).
 */
export function resolvePolicyPath(cliPolicy: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (cliPolicy) return resolve(cliPolicy);
  const fromEnv = env.ROOMDECK_POLICY?.trim();
  if (fromEnv) return resolve(fromEnv);
  if (platform === 'win32') return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Roomdeck', 'policy.json');
  if (platform === 'darwin') return posix.join('/Library', 'Application Support', 'Roomdeck', 'policy.json');
  return join('/etc', 'roomdeck', 'policy.json');
}
