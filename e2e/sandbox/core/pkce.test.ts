import { describe, expect, it } from 'vitest';
import { pkceProblem } from './pkce';

// RFC 7636 appendix B.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const S256_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE verification', () => {
  it('checks S256 against the RFC example', () => {
    const challenge = { codeChallenge: S256_CHALLENGE, codeChallengeMethod: 'S256' } as const;
    expect(pkceProblem(challenge, VERIFIER)).toBeNull();
    expect(pkceProblem(challenge, S256_CHALLENGE)).toBe('mismatch');
    expect(pkceProblem(challenge, undefined)).toBe('missing');
    expect(pkceProblem(challenge, '')).toBe('missing');
  });

  it('compares plain challenges as sent, plain being the default method', () => {
    expect(pkceProblem({ codeChallenge: VERIFIER, codeChallengeMethod: 'plain' }, VERIFIER)).toBeNull();
    expect(pkceProblem({ codeChallenge: VERIFIER, codeChallengeMethod: null }, VERIFIER)).toBeNull();
    expect(pkceProblem({ codeChallenge: VERIFIER, codeChallengeMethod: null }, S256_CHALLENGE)).toBe('mismatch');
  });

  it('asks nothing of a request that sent no challenge', () => {
    expect(pkceProblem({ codeChallenge: null, codeChallengeMethod: null }, undefined)).toBeNull();
  });
});
