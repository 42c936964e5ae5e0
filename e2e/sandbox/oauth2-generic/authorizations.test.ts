import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../test-support';
import { oauthAuthorizations, redeem, type PendingAuthorization } from './authorizations';

const ACCOUNT = { id: 'u-1', email: 'room@contoso.com', displayName: 'Room' };
const VERIFIER = 'v'.repeat(43);
const REQUEST: PendingAuthorization = {
  clientId: 'client-1',
  redirectUri: 'http://127.0.0.1:5000/cb',
  scopes: ['user:read'],
  state: null,
  codeChallenge: createHash('sha256').update(VERIFIER).digest('base64url'),
  codeChallengeMethod: 'S256',
  offline: true,
};
const PRESENTED = { clientId: 'client-1', redirectUri: REQUEST.redirectUri, verifier: VERIFIER };

describe('generic OAuth authorization codes', () => {
  it('names each problem a redemption can have, and spends a code only when it is good', () => {
    const { codes } = oauthAuthorizations(new TestClock(new Date()).now);
    const code = codes.issue({ request: REQUEST, account: ACCOUNT });

    expect(redeem(codes, 'never-issued', PRESENTED)).toBe('unknown');
    expect(redeem(codes, code, { ...PRESENTED, clientId: 'someone-else' })).toBe('client');
    expect(redeem(codes, code, { ...PRESENTED, redirectUri: 'http://127.0.0.1:5001/cb' })).toBe('redirect_uri');
    expect(redeem(codes, code, { ...PRESENTED, verifier: 'w'.repeat(43) })).toBe('verifier');
    expect(redeem(codes, code, { ...PRESENTED, verifier: undefined })).toBe('verifier');
    expect(redeem(codes, code, { ...PRESENTED, redirectUri: undefined })).toMatchObject({ account: ACCOUNT });
    expect(redeem(codes, code, PRESENTED)).toBe('redeemed');
  });

  it('expires codes after five minutes on the sandbox clock', () => {
    const clock = new TestClock(new Date());
    const { codes } = oauthAuthorizations(clock.now);
    const code = codes.issue({ request: REQUEST, account: ACCOUNT });
    clock.advance(299_000);
    expect(codes.peek(code)).not.toBeNull();
    clock.advance(1_000);
    expect(redeem(codes, code, PRESENTED)).toBe('expired');
  });
});
