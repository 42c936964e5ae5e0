import { join } from 'node:path';
import { ensureSandboxTls } from '../e2e/sandbox/tls';

export const TLS_DIR = join(process.cwd(), '.cache', 'sandbox-tls');

/**
 * The sandbox's certificate must be trusted by Node before it starts (NODE_EXTRA_CA_CERTS is read once at start),
 * so every command that talks to the sandbox is spawned with this environment.
 */
export async function sandboxTlsEnv(): Promise<NodeJS.ProcessEnv> {
  const { certPath } = await ensureSandboxTls(TLS_DIR);
  return { ...process.env, NODE_EXTRA_CA_CERTS: certPath, ROOMDECK_SANDBOX_TLS_DIR: TLS_DIR };
}
