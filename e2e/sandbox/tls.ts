import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from 'selfsigned';

/** Regenerate when less than this is left, so a long-lived checkout never hits an expired cert mid-run. */
const MIN_REMAINING_MS = 7 * 24 * 3600 * 1000;

async function usableCert(certPath: string): Promise<boolean> {
  try {
    const cert = new X509Certificate(await readFile(certPath));
    const sans = cert.subjectAltName ?? '';
    return new Date(cert.validTo).getTime() - Date.now() > MIN_REMAINING_MS && sans.includes('IP Address:127.0.0.1') && sans.includes('DNS:localhost');
  } catch {
    return false;
  }
}

/**
 * A self-signed certificate that is its own CA (so NODE_EXTRA_CA_CERTS=cert.pem makes Node trust it) for
 * IP 127.0.0.1 and DNS localhost. Reuses cert.pem/key.pem in `dir` while they are valid.
 */
export async function ensureSandboxTls(dir: string): Promise<{ certPath: string; keyPath: string }> {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  if (await usableCert(certPath)) return { certPath, keyPath };
  await mkdir(dir, { recursive: true });
  const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'Roomdeck cloud sandbox' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  await writeFile(certPath, pems.cert);
  return { certPath, keyPath };
}

/** Where the npm scripts keep the cert (gitignored). */
export const DEFAULT_TLS_DIR = '.cache/sandbox-tls';

// `npx tsx e2e/sandbox/tls.ts [dir]` prints the cert path, for NODE_EXTRA_CA_CERTS.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { certPath } = await ensureSandboxTls(resolve(process.argv[2] ?? DEFAULT_TLS_DIR));
  process.stdout.write(`${certPath}\n`);
}
