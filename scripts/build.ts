import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';

/**
 * One build for every host: the renderer (Vite) and the main-side entries (esbuild). Main keeps npm packages
 * external (Node resolves them from node_modules, as the packaged app does); the sandboxed preload cannot
 * `require` packages, so it is bundled whole.
 */
const node: BuildOptions = { bundle: true, platform: 'node', target: 'node22', sourcemap: 'linked', logLevel: 'warning' };

export async function buildAll(): Promise<void> {
  await Promise.all([
    viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
    esbuild({ ...node, format: 'esm', packages: 'external', entryPoints: { 'web-host': 'src/main/web/web-host.ts', electron: 'src/main/index.ts' }, outdir: 'out/main' }),
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
