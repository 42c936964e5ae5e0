import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../health/logger';
import { MemoryVault } from './memory-vault';
import { readVaultRecord } from './vault-record';

const Record = z.object({ refreshToken: z.string() });

function logLines(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger((line) => lines.push(line)) };
}

describe('a provider record in the vault', () => {
  it('comes back as saved, and absent is null', async () => {
    const vault = new MemoryVault();
    const { log } = logLines();
    expect(await readVaultRecord(vault, 'zoom', Record, log, 'zoom')).toBeNull();
    await vault.write('zoom', JSON.stringify({ refreshToken: 'r1' }));
    expect(await readVaultRecord(vault, 'zoom', Record, log, 'zoom')).toEqual({ refreshToken: 'r1' });
  });

  it.each([
    ['not JSON', '{"refreshToken":'],
    ['the wrong shape', JSON.stringify({ refresh: 1 })],
  ])('that is %s is removed and logged, so the room asks to connect again', async (_name, text) => {
    const vault = new MemoryVault();
    const { log, lines } = logLines();
    await vault.write('google', text);
    expect(await readVaultRecord(vault, 'google', Record, log, 'google')).toBeNull();
    expect(vault.entries.has('google')).toBe(false);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([expect.objectContaining({ level: 'error', event: 'auth.cache-damaged', provider: 'google' })]);
  });
});
