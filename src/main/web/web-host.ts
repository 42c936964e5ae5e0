import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRoomdeck } from '../app';
import { FileVault } from '../auth/file-vault';
import { ConfigError, loadKioskConfig } from '../config/kiosk-config';
import { createFileLogger } from '../health/log-file';
import { PolicyService } from '../policy/policy-service';
import { resolvePolicyPath } from '../policy/policy-path';
import { systemClock, type ExternalBrowser, type JoinOpener } from '../ports';
import { startWebServer } from './web-server';

const USAGE = 'Usage: roomdeck-web --config FILE --data-dir DIR [--policy FILE] [--port N] [--renderer-dir DIR]';

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      policy: { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!values.config || !values['data-dir'] || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(USAGE);
  }
  return {
    config: resolve(values.config),
    dataDir: resolve(values['data-dir']),
    policy: resolvePolicyPath(values.policy, process.env, process.platform),
    port,
    rendererDir: resolve(values['renderer-dir'] ?? fileURLToPath(new URL('../renderer', import.meta.url))),
  };
}

/** The web host: main services in plain Node, the renderer in any Chromium, over loopback HTTP. */
async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  const config = await loadKioskConfig(cli.config);
  const log = createFileLogger(cli.dataDir);

  let app: ReturnType<typeof createRoomdeck> | null = null;
  // In the web host the page itself is the only window we have: main tells it which URL to open.
  const openInPage = async (url: string) => app?.bus.emit('open-url', { url });
  const opener: JoinOpener = { open: (target) => openInPage(target.url) };
  const browser: ExternalBrowser = { open: openInPage };
  const policy = await PolicyService.open({ path: cli.policy, dataDir: cli.dataDir, clock: systemClock, log });
  app = createRoomdeck(config, cli.dataDir, { vault: new FileVault(join(cli.dataDir, 'vault')), opener, browser, clock: systemClock, log, policy });

  const server = await startWebServer({ app, rendererDir: cli.rendererDir, port: cli.port, log });
  await app.start();
  log.info('web.started', { origin: server.origin });
  process.stdout.write(`Roomdeck running at ${server.launchUrl}\n`);

  const shutdown = () => {
    app?.stop();
    policy.close();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Roomdeck could not start: ${String(err)}`}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
