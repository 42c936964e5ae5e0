import type { SettingsStore } from '../config/settings-store';
import { ConsentRefusedError, type ConsentPrompter, type Grant, type ProviderConnector, type ScopeRequest } from './connector';
import type { MicrosoftAuth } from './microsoft-auth';
import { SignInCancelledError } from './room-account';

/** msal reports a declined device code inside its message ("post_request_failed: authorization_declined"). */
export function isDeclined(err: unknown): boolean {
  const text = `${String((err as { errorCode?: unknown }).errorCode ?? '')} ${err instanceof Error ? err.message : ''}`;
  return /authorization_declined|access_denied/.test(text);
}

/**
 * Microsoft features ride on the room account's own sign-in: switching one on is an incremental consent for the
 * same account (msal: a token request for the new scopes only). The room account itself is signed in and out in
 * setup, so there is nothing to disconnect from here.
 */
export class MicrosoftConnector implements ProviderConnector {
  readonly provider = 'microsoft' as const;

  constructor(
    private readonly auth: MicrosoftAuth,
    private readonly settings: SettingsStore,
  ) {}

  private homeAccountId(): string {
    const room = this.settings.get().room;
    if (room?.provider !== 'microsoft') throw new Error('The room has no Microsoft 365 account.');
    return room.key;
  }

  async restore(): Promise<Grant | null> {
    return this.settings.get().connections.microsoft ?? null;
  }

  async authorize(request: ScopeRequest, prompter: ConsentPrompter, signal: AbortSignal): Promise<Grant> {
    const onAbort = () => this.auth.cancelSignIn();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.auth.consentTo(this.homeAccountId(), request.added, (code) => prompter.showDeviceCode(code));
      return { account: { name: result.name, username: result.username }, scopes: result.scopes };
    } catch (err) {
      if (isDeclined(err)) throw new ConsentRefusedError('microsoft', 'declined');
      if (err instanceof SignInCancelledError) throw new ConsentRefusedError('microsoft', 'cancelled');
      throw err;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  accessToken(): Promise<string> {
    return this.auth.accessToken(this.homeAccountId(), []);
  }

  async disconnect(): Promise<{ revokedAtProvider: boolean }> {
    await this.auth.signOut(this.homeAccountId());
    return { revokedAtProvider: false };
  }
}
