/** Electron main entry (bundled to out/main/electron.js). Everything lives in ./electron; see main.ts there. */
import { runElectronHost } from './electron/main';

runElectronHost();
