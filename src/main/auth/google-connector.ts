import { ConsentRefusedError, type ConsentPrompter, type Grant, type ProviderConnector, type ScopeRequest } from './connector';
import type { GoogleAuth, GoogleSignedIn } from './google-auth';
import { SignInCancelledError } from './room-account';

function toGrant(signed: GoogleSignedIn): Grant {
  return { account: { name: signed.name, username: signed.username }, scopes: signed.scopes };
}

/**
 * Google Workspace as a feature provider. Incremental: switching a feature on asks only for `request.added` with
 * include_granted_scopes, and the grant that comes back is the union. Disconnecting revokes the grant at Google.
 */
export class GoogleConnector implements ProviderConnector {
  readonly provider = 'google' as const;

  constructor(private readonly auth: GoogleAuth) {}

  async restore(): Promise<Grant | null> {
    const signed = await this.auth.restore();
    return signed ? toGrant(signed) : null;
  }

  async authorize(request: ScopeRequest, prompter: ConsentPrompter, signal: AbortSignal): Promise<Grant> {
    const current = await this.auth.restore();
    // Nothing new to ask for: Google would reject an empty scope list anyway.
    if (current && request.added.length === 0) return toGrant(current);
    try {
      return toGrant(await this.auth.signIn(request.added, prompter, signal));
    } catch (err) {
      if (err instanceof SignInCancelledError) throw new ConsentRefusedError('google', 'cancelled');
      throw err;
    }
  }

  accessToken(): Promise<string> {
    return this.auth.accessToken();
  }

  async disconnect(): Promise<{ revokedAtProvider: boolean }> {
    return { revokedAtProvider: await this.auth.revoke() };
  }
}
