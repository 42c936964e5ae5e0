import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock';
import { randomToken } from '../core/ids';
import type { OAuthAccount } from './model';

/** Authorization codes are short-lived everywhere (Zoom: 5 minutes, Dropbox: 10). */
const CODE_LIFETIME_S = 300;

export type ChallengeMethod = 'S256' | 'plain';

/** An /authorize request waiting for the person on the consent page. */
export interface PendingAuthorization {
  readonly id: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | null;
  readonly codeChallenge: string | null;
  readonly codeChallengeMethod: ChallengeMethod | null;
  /** Whether the token exchange may return a refresh token (Dropbox: token_access_type=offline). */
  readonly offline: boolean;
}

export interface AuthorizationCode {
  readonly code: string;
  readonly request: PendingAuthorization;
  readonly account: OAuthAccount;
  readonly expiresAt: Date;
  redeemed: boolean;
}

export type CodeProblem = 'unknown' | 'expired' | 'redeemed' | 'client' | 'redirect_uri' | 'verifier';

export function pkceMatches(challenge: string, method: ChallengeMethod | null, verifier: string): boolean {
  if (method === 'S256') return createHash('sha256').update(verifier).digest('base64url') === challenge;
  return verifier === challenge;
}

/** Pending consent pages and the codes they produce; both single-use. */
export class AuthorizationStore {
  private readonly pending = new Map<string, PendingAuthorization>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly clock: Clock) {}

  begin(request: Omit<PendingAuthorization, 'id'>): PendingAuthorization {
    const pending: PendingAuthorization = { ...request, id: randomToken(16) };
    this.pending.set(pending.id, pending);
    return pending;
  }

  /** Takes the pending request off the list: a second submit of the same page must not mint a second code. */
  finish(id: string): PendingAuthorization | null {
    const pending = this.pending.get(id) ?? null;
    this.pending.delete(id);
    return pending;
  }

  issueCode(request: PendingAuthorization, account: OAuthAccount): AuthorizationCode {
    const code: AuthorizationCode = {
      code: randomToken(24),
      request,
      account,
      expiresAt: new Date(this.clock().getTime() + CODE_LIFETIME_S * 1000),
      redeemed: false,
    };
    this.codes.set(code.code, code);
    return code;
  }

  /** Checks a code the way the token endpoint must, and marks it used when it is good. */
  redeem(code: string, clientId: string, redirectUri: string | undefined, verifier: string | undefined): AuthorizationCode | CodeProblem {
    const found = this.codes.get(code);
    if (!found) return 'unknown';
    if (found.redeemed) return 'redeemed';
    if (found.expiresAt.getTime() <= this.clock().getTime()) return 'expired';
    if (found.request.clientId !== clientId) return 'client';
    if (redirectUri !== undefined && redirectUri !== found.request.redirectUri) return 'redirect_uri';
    const { codeChallenge, codeChallengeMethod } = found.request;
    if (codeChallenge !== null && (verifier === undefined || !pkceMatches(codeChallenge, codeChallengeMethod, verifier))) return 'verifier';
    found.redeemed = true;
    return found;
  }
}
