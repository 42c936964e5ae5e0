import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tlsDirFromEnv } from './test-support';

describe('cli', () => {
  it('prints the URLs as one JSON line, serves, and exits cleanly on SIGTERM', async () => {
    // process.execPath: the Node that runs the tests (24), not whatever `node` is first on PATH.
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'e2e/sandbox/cli.ts', '--tls-dir', tlsDirFromEnv(), '--auto-approve', 'boardroom4@contoso.com'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const printed = JSON.parse(line) as Record<string, string>;
      expect(Object.keys(printed)).toEqual(['entra', 'graph', 'tenant', 'clientId']);
      expect(printed['tenant']).toBe('contoso.onmicrosoft.com');
      const info = (await (await fetch(`${printed['graph'] ?? ''}/__sandbox/info`)).json()) as { urls: Record<string, string> };
      expect(info.urls['entra']).toBe(printed['entra']);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
