import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Is an Electron binary installed, without triggering its download? Since Electron 42 the npm package has no
 * install step: `require('electron')` from Node downloads the binary on first use, which fails (or hangs) on a
 * machine without internet. This mirrors that package's own lookup (`node_modules/electron/index.js`: path.txt,
 * then `dist/<path>` or `$ELECTRON_OVERRIDE_DIST_PATH/<path>`) using only `node:` modules, so the demo script and
 * the smoke spec can ask it from plain Node.
 */
export interface ElectronBinary {
  available: boolean;
  /** Why not, in words a person can act on; or where it is. */
  reason: string;
  /** The executable to launch when available. */
  executablePath?: string;
}

const NO_INTERNET_HINT =
  'Electron ≥ 42 downloads its binary on first launch and this machine has no internet; ' +
  'set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron of the installed version, or run `npx install-electron` where there is internet';

function locateElectronPackage(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function readPathTxt(packageDir: string): string | null {
  try {
    const text = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    return text.length > 0 ? text : null;
  } catch {
    return null;
  }
}

export function electronBinaryAvailable(
  options: { env?: NodeJS.ProcessEnv; packageDir?: string | null } = {},
): ElectronBinary {
  const env = options.env ?? process.env;
  const packageDir = options.packageDir === undefined ? locateElectronPackage() : options.packageDir;
  if (!packageDir) return { available: false, reason: 'the electron npm package is not installed' };

  const relativeExe = readPathTxt(packageDir);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = join(override, relativeExe ?? 'electron');
    return existsSync(exe)
      ? { available: true, reason: `Electron binary at ${exe} (ELECTRON_OVERRIDE_DIST_PATH)`, executablePath: exe }
      : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${exe} does not exist` };
  }
  if (!relativeExe) {
    return { available: false, reason: `no Electron binary on this machine (no ${join(packageDir, 'path.txt')}): ${NO_INTERNET_HINT}` };
  }
  const exe = join(packageDir, 'dist', relativeExe);
  return existsSync(exe)
    ? { available: true, reason: `Electron binary at ${exe}`, executablePath: exe }
    : { available: false, reason: `no Electron binary on this machine (${exe} is missing): ${NO_INTERNET_HINT}` };
}
