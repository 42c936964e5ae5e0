import type { DeviceCodePrompt, ProviderId } from '../../shared/model';

/** Who granted what: the provider's account and the scopes its token really carries. */
export interface Grant {
  account: { name: string; username: string };
  scopes: string[];
}

export interface ScopeRequest {
  /** Every scope the enabled features need once this change is made. */
  wanted: string[];
  /** The part of `wanted` the connection does not hold yet. */
  added: string[];
}

/** How a connector reaches the person consenting: a code to show (device flow) or a page to open (loopback flow). */
export interface ConsentPrompter {
  showDeviceCode(prompt: DeviceCodePrompt): void;
  openBrowser(url: string): Promise<void>;
}

/** The person said no (Cancel on the consent page, or declined the device code). */
export class ConsentRefusedError extends Error {
  override name = 'ConsentRefusedError';
  constructor(
    readonly provider: ProviderId,
    readonly reason: string,
  ) {
    super(`${provider}: consent refused (${reason})`);
  }
}

/** The connection is gone at the provider (revoked refresh token, app removed): only a new consent fixes it. */
export class ConnectionLostError extends Error {
  override name = 'ConnectionLostError';
  constructor(
    readonly provider: ProviderId,
    readonly reason: string,
  ) {
    super(`${provider}: connection lost (${reason})`);
  }
}

/**
 * One provider's OAuth connection, as the consent service sees it. Each provider's quirks (msal, google-auth-library,
 * Zoom's rotating refresh tokens, Dropbox's two hosts…) stay inside its connector.
 */
export interface ProviderConnector {
  readonly provider: ProviderId;
  /** The connection saved before a restart, if its tokens are still in the vault. */
  restore(): Promise<Grant | null>;
  /**
   * Asks the person to consent and resolves with what the provider granted. Providers with incremental consent
   * (Microsoft: a token request for the new scopes; Google: `include_granted_scopes`) ask for `request.added` only;
   * the others (Zoom, Webex, Dropbox) ask for `request.wanted`, the union every enabled feature needs.
   */
  authorize(request: ScopeRequest, prompter: ConsentPrompter, signal: AbortSignal): Promise<Grant>;
  /** A live access token; throws ConnectionLostError when only a new consent can help. */
  accessToken(): Promise<string>;
  /** Revokes at the provider where it offers an endpoint, then forgets the tokens locally. */
  disconnect(): Promise<{ revokedAtProvider: boolean }>;
}
