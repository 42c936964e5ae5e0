import { createHash } from 'node:crypto';

export type PkceMethod = 'S256' | 'plain';

/** What an authorization request said about PKCE (RFC 7636); a null method means `plain`, its default. */
export interface PkceChallenge {
  readonly codeChallenge: string | null;
  readonly codeChallengeMethod: PkceMethod | null;
}

/**
 * Checks a token request's `code_verifier` against the code's challenge: null when it passes (or the request sent
 * no challenge), else what is wrong, for each provider to word its own way.
 */
export function pkceProblem(challenge: PkceChallenge, verifier: string | undefined): 'missing' | 'mismatch' | null {
  if (challenge.codeChallenge === null) return null;
  if (!verifier) return 'missing';
  const derived = challenge.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === challenge.codeChallenge ? null : 'mismatch';
}
