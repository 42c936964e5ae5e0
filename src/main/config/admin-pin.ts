import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Clock } from '../ports';

/** scrypt cost: ~50 ms per guess on a room PC, so a stolen config file cannot be brute-forced quickly. */
const PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const PIN = /^\d{4,12}$/;

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => scrypt(pin, salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$<salt b64>$<key b64>`: self-describing, so the cost can rise later without breaking old hashes. */
export async function hashPin(pin: string): Promise<string> {
  if (!PIN.test(pin)) throw new Error('An admin PIN is 4 to 12 digits.');
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export const PIN_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key || !PIN.test(pin)) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export type UnlockResult =
  | { unlocked: true }
  | { unlocked: false; attemptsLeft: number; lockedUntil: string | null; reason: 'wrong-pin' | 'locked' | 'no-pin' };

const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 5 * 60_000;
const MAX_LOCK_MS = 60 * 60_000;
/** Settings close by themselves: an admin who walks away must not leave them open to the next person. */
export const ADMIN_IDLE_MS = 5 * 60_000;

/**
 * The admin PIN gate. After five wrong PINs it locks for 5 minutes, doubling with each further lock (max 1 h): slow
 * enough that guessing a 4-digit PIN at the wall takes weeks, short enough that a fumbling admin is not locked out.
 */
export class AdminGate {
  private failures = 0;
  private locks = 0;
  private lockedUntil = 0;
  private unlockedUntil = 0;

  constructor(
    private readonly pinHash: () => string | null,
    private readonly clock: Clock,
  ) {}

  async unlock(pin: string): Promise<UnlockResult> {
    const now = this.clock.now().getTime();
    const hash = this.pinHash();
    if (!hash) return { unlocked: false, attemptsLeft: 0, lockedUntil: null, reason: 'no-pin' };
    if (now < this.lockedUntil) return { unlocked: false, attemptsLeft: 0, lockedUntil: new Date(this.lockedUntil).toISOString(), reason: 'locked' };
    if (await verifyPin(pin, hash)) {
      this.failures = 0;
      this.locks = 0;
      this.unlockedUntil = now + ADMIN_IDLE_MS;
      return { unlocked: true };
    }
    return this.fail(now);
  }

  private fail(now: number): UnlockResult {
    this.failures++;
    if (this.failures < FREE_ATTEMPTS) return { unlocked: false, attemptsLeft: FREE_ATTEMPTS - this.failures, lockedUntil: null, reason: 'wrong-pin' };
    this.lockedUntil = now + Math.min(FIRST_LOCK_MS * 2 ** this.locks, MAX_LOCK_MS);
    this.locks++;
    this.failures = 0;
    return { unlocked: false, attemptsLeft: 0, lockedUntil: new Date(this.lockedUntil).toISOString(), reason: 'locked' };
  }

  /** True while unlocked; each admin action keeps it open for another idle period. */
  touch(): boolean {
    const now = this.clock.now().getTime();
    if (now >= this.unlockedUntil) return false;
    this.unlockedUntil = now + ADMIN_IDLE_MS;
    return true;
  }

  lock(): void {
    this.unlockedUntil = 0;
  }
}
