import { ConsentRefusedError, type ConsentPrompter, type Grant, type ProviderConnector, type ScopeRequest } from './connector';
import { LoopbackError, LoopbackReceiver } from './loopback';
import { newAuthorizationRequest, OAuth2Client, type OAuth2ClientDeps, type OAuth2Profile, type OAuth2ProviderId, type StoredConnection } from './oauth2-client';

function toGrant(connection: StoredConnection): Grant {
  return { account: { ...connection.account }, scopes: [...connection.scopes] };
}

/** What the consent page's answer means for the consent service. */
function fromLoopback(provider: OAuth2ProviderId, err: unknown): unknown {
  if (!(err instanceof LoopbackError)) return err;
  if (err.error === 'access_denied') return new ConsentRefusedError(provider, 'declined');
  if (err.error === 'cancelled') return new ConsentRefusedError(provider, 'cancelled');
  return err;
}

/**
 * Zoom, Webex or Dropbox as a feature provider. None of them has incremental consent, so every authorize asks for
 * the union of the enabled features (`request.wanted`) in the system browser, with a loopback redirect and PKCE,
 * and the new grant replaces the old one.
 */
export class OAuth2Connector implements ProviderConnector {
  readonly provider: OAuth2ProviderId;
  private readonly client: OAuth2Client;

  constructor(
    profile: OAuth2Profile,
    private readonly deps: OAuth2ClientDeps,
  ) {
    this.provider = profile.provider;
    this.client = new OAuth2Client(profile, deps);
  }

  async restore(): Promise<Grant | null> {
    const connection = await this.client.connection();
    return connection && toGrant(connection);
  }

  async authorize(request: ScopeRequest, prompter: ConsentPrompter, signal: AbortSignal): Promise<Grant> {
    if (signal.aborted) throw new ConsentRefusedError(this.provider, 'cancelled');
    const flow = newAuthorizationRequest();
    const receiver = new LoopbackReceiver(flow.state);
    await receiver.listen();
    try {
      const url = this.client.authorizeUrl(request.wanted, receiver.redirectUri, flow);
      // Listen before the browser opens: the answer can arrive as soon as the page is up.
      const answer = receiver.wait(signal);
      // If opening the browser fails, a later Cancel still rejects `answer`: that must not be an unhandled rejection.
      answer.catch(() => undefined);
      await prompter.openBrowser(url);
      const { code } = await answer;
      const tokens = await this.client.exchangeCode(code, receiver.redirectUri, flow.codeVerifier);
      const profile = this.client.profile;
      const account = await profile.lookupAccount({
        accessToken: tokens.accessToken,
        apiBaseUrl: tokens.apiBaseUrl ?? profile.apiBaseUrl,
        idToken: tokens.idToken,
        clientId: profile.clientId,
      });
      return toGrant(await this.client.adopt(tokens, account, request.wanted));
    } catch (err) {
      throw fromLoopback(this.provider, err);
    } finally {
      receiver.close();
    }
  }

  accessToken(): Promise<string> {
    return this.client.accessToken();
  }

  /** For the provider's API clients: an API answered 401 to `token`, so the next accessToken() refreshes first. */
  tokenRejected(token: string): void {
    this.client.invalidate(token);
  }

  /** Where the provider's API lives for this connection (Zoom: the account's own `api_url`). */
  apiBaseUrl(): Promise<string> {
    return this.client.apiBaseUrl();
  }

  async disconnect(): Promise<{ revokedAtProvider: boolean }> {
    let revokedAtProvider = false;
    try {
      revokedAtProvider = await this.client.revoke();
    } catch (err) {
      // Still forget locally: keeping tokens the admin asked to drop would be worse than one left live at the provider.
      this.deps.log.warn('oauth2.revoke-failed', { provider: this.provider, error: err instanceof Error ? err.message : String(err) });
    } finally {
      await this.client.forget();
    }
    return { revokedAtProvider };
  }
}
