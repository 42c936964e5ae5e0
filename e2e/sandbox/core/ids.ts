import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Unguessable opaque value (tokens, codes). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function requestId(): string {
  return randomUUID();
}

export function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** Deterministic hex string: seeded data must be identical on every run so tests and screenshots are stable. */
export function stableHex(seed: string, length: number): string {
  let hex = '';
  for (let round = 0; hex.length < length; round++) hex += digest(`${round}:${seed}`).toString('hex');
  return hex.slice(0, length);
}

/** Deterministic digits (meeting numbers, phone PINs). */
/** Deterministic characters drawn from an alphabet (one byte of hash per character). */
export function stableLetters(seed: string, length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz'): string {
  const bytes = Buffer.from(stableHex(seed, length * 2), 'hex');
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Deterministic digits (meeting numbers, phone PINs). */
export function stableDigits(seed: string, length: number): string {
  return stableLetters(seed, length, '0123456789');
}

/** Deterministic RFC 4122-shaped GUID (object ids, tenant id). */
export function stableUuid(seed: string): string {
  const hex = stableHex(seed, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
