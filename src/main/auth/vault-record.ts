import type { z } from 'zod';
import type { Logger } from '../health/logger';
import type { TokenVault } from '../ports';

/**
 * A provider's record in the vault, or null. One that no longer parses (damaged, or from an older build) is removed
 * and logged: the room asks to connect again instead of failing to start, and no unusable secret lingers on disk.
 */
export async function readVaultRecord<T>(vault: TokenVault, key: string, schema: z.ZodType<T>, log: Logger, provider: string): Promise<T | null> {
  const text = await vault.read(key);
  if (text === null) return null;
  const parsed = schema.safeParse(parseJson(text));
  if (parsed.success) return parsed.data;
  log.error('auth.cache-damaged', { provider, error: parsed.error.issues[0]?.message ?? 'invalid' });
  await vault.remove(key);
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
