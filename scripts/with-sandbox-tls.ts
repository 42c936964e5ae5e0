import { spawn } from 'node:child_process';
import { sandboxTlsEnv } from './sandbox-tls-env';

/** `tsx scripts/with-sandbox-tls.ts CMD ARGS…`: runs CMD with the sandbox certificate trusted. */
const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('Usage: with-sandbox-tls CMD [ARGS…]\n');
  process.exit(2);
}
const child = spawn(command, args, { stdio: 'inherit', env: await sandboxTlsEnv(), shell: process.platform === 'win32' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
