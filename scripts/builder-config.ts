import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

/**
 * electron-builder's own validation of electron-builder.yml (ajv against app-builder-lib/scheme.json, plus its
 * deprecation checks), without packaging anything: packaging downloads Electron and NSIS/WiX, which our build
 * machines cannot. Internal path of app-builder-lib 26.17 (no exports map; pinned in package.json).
 */

/** validateConfiguration only asks whether debug output is on; ours is off. */
const quietDebugLogger: Parameters<typeof validateConfiguration>[1] = { isEnabled: false, data: new Map(), add: () => {}, save: async () => {} };

/** Loads the config the way `electron-builder` does (electron-builder.yml or package.json "build") and validates it. */
export async function loadAndValidateBuilderConfig(projectDir: string, configPath: string | null = null): Promise<Configuration> {
  const config = await getConfig(projectDir, configPath, null);
  await validateConfiguration(config, quietDebugLogger);
  return config;
}
