import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from './index';
import { DEFAULT_TLS_DIR, ensureSandboxTls } from './tls';

/**
 * `npx tsx e2e/sandbox/cli.ts --tls-dir DIR [--auto-approve boardroom4@contoso.com] [--seed-anchor ISO]`
 * Prints one JSON line with the URLs, then serves until SIGINT/SIGTERM.
 */
const { values } = parseArgs({
  options: {
    'tls-dir': { type: 'string', default: DEFAULT_TLS_DIR },
    'auto-approve': { type: 'string' },
    'seed-anchor': { type: 'string' },
  },
});

const tlsDir = resolve(values['tls-dir']);
const seedAnchor = values['seed-anchor'] ? new Date(values['seed-anchor']) : undefined;
if (seedAnchor && Number.isNaN(seedAnchor.getTime())) throw new Error(`--seed-anchor is not a date: ${values['seed-anchor']}`);

await ensureSandboxTls(tlsDir);
const sandbox = await startSandbox({
  tlsDir,
  ...(seedAnchor ? { seedAnchor } : {}),
  autoApprove: values['auto-approve'] ? { account: values['auto-approve'] } : null,
});
process.stdout.write(`${JSON.stringify({ entra: sandbox.urls.entra, graph: sandbox.urls.graph, tenant: sandbox.tenant, clientId: sandbox.clientId })}\n`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
