import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';

/**
 * One build for every host: the renderer (Vite) and the main-side entries (esbuild). Electron's main keeps npm
 * packages external (Node resolves them from node_modules, as the packaged app does); the sandboxed preload cannot
 * `require` packages, so it is bundled whole; and so is the web host: resolving and loading some hundreds of
 * package files one by one took ~150 ms of its start, a sixth of the "painted from cache within 1 s" budget.
 */
const node: BuildOptions = { bundle: true, platform: 'node', target: 'node22', sourcemap: 'linked', logLevel: 'warning' };

/** Bundled CommonJS packages still call `require` for Node's built-ins; an ES module has none of its own. */
const REQUIRE_IN_ESM = "import { createRequire as roomdeckCreateRequire } from 'node:module'; const require = roomdeckCreateRequire(import.meta.url);";

export async function buildAll(): Promise<void> {
  await Promise.all([
    viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
    esbuild({ ...node, format: 'esm', packages: 'external', entryPoints: { electron: 'src/main/index.ts' }, outdir: 'out/main' }),
    esbuild({ ...node, format: 'esm', external: ['electron'], banner: { js: REQUIRE_IN_ESM }, entryPoints: { 'web-host': 'src/main/web/web-host.ts' }, outdir: 'out/main' }),
    esbuild({ ...node, format: 'cjs', external: ['electron'], entryPoints: ['src/preload/index.ts'], outfile: 'out/preload/index.cjs' }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildAll().then(
    () => process.stdout.write('Build finished: out/\n'),
    (err: unknown) => {
      process.stderr.write(`Build failed: ${String(err)}\n`);
      process.exit(1);
    },
  );
}
