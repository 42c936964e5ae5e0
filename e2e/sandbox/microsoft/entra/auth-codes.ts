import type { Clock } from '../../core/clock';
import { randomToken } from '../../core/ids';

const AUTH_CODE_LIFETIME_S = 600;

/** An /authorize request waiting for the person on the sign-in page. */
export interface PendingAuthorization {
  readonly id: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | null;
  readonly nonce: string | null;
  readonly responseMode: 'form_post' | 'query' | 'fragment';
  readonly codeChallenge: string | null;
  readonly codeChallengeMethod: string | null;
  readonly loginHint: string | null;
}

export interface AuthorizationCode {
  readonly code: string;
  readonly request: PendingAuthorization;
  readonly upn: string;
  readonly expiresAt: Date;
  redeemed: boolean;
}

export class AuthorizationStore {
  private readonly pending = new Map<string, PendingAuthorization>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly clock: Clock) {}

  begin(request: Omit<PendingAuthorization, 'id'>): PendingAuthorization {
    const pending: PendingAuthorization = { ...request, id: randomToken(16) };
    this.pending.set(pending.id, pending);
    return pending;
  }

  findPending(id: string): PendingAuthorization | null {
    return this.pending.get(id) ?? null;
  }

  /** The sign-in page is single use: a second submit of the same form must not mint a second code. */
  finish(id: string): void {
    this.pending.delete(id);
  }

  issueCode(request: PendingAuthorization, upn: string): AuthorizationCode {
    const code: AuthorizationCode = {
      code: `sbx-ac.${randomToken(48)}`,
      request,
      upn,
      expiresAt: new Date(this.clock().getTime() + AUTH_CODE_LIFETIME_S * 1000),
      redeemed: false,
    };
    this.codes.set(code.code, code);
    return code;
  }

  findCode(code: string): AuthorizationCode | null {
    return this.codes.get(code) ?? null;
  }

  isExpired(code: AuthorizationCode): boolean {
    return code.expiresAt.getTime() <= this.clock().getTime();
  }
}
