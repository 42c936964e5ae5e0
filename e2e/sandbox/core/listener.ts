import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { NodeHandler } from './service';

export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
}

export interface Listener {
  /** `https://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string;
  close(): Promise<void>;
}

/** One HTTPS listener on an ephemeral loopback port: one per provider host, as in production. */
export function startHttpsListener(tls: TlsMaterial, handler: NodeHandler): Promise<Listener> {
  let origin = '';
  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => handler(req, res, origin));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        origin,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Hung requests and keep-alive sockets would otherwise keep close() waiting forever.
            server.closeAllConnections();
          }),
      });
    });
  });
}
