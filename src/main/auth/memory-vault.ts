import type { TokenVault } from '../ports';

/** For tests: the same contract as the real vaults, nothing at rest. */
export class MemoryVault implements TokenVault {
  readonly entries = new Map<string, string>();

  async read(key: string): Promise<string | null> {
    return this.entries.get(key) ?? null;
  }

  async write(key: string, value: string): Promise<void> {
    this.entries.set(key, value);
  }

  async remove(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
