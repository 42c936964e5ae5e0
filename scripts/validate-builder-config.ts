import { loadAndValidateBuilderConfig } from './builder-config';

/** `npx tsx scripts/validate-builder-config.ts`: exit 1 with electron-builder's message when the config is invalid. */
try {
  await loadAndValidateBuilderConfig(process.cwd());
  process.stdout.write('electron-builder.yml is valid for electron-builder 26.17.0\n');
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
