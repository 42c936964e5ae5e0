import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type DeviceCodeRequest,
  type ICachePlugin,
  type TokenCacheContext,
} from '@azure/msal-node';
import type { DeviceCodePrompt } from '../../shared/model';
import type { KioskConfig } from '../config/kiosk-config';
import type { Logger } from '../health/logger';
import type { ExternalBrowser, TokenVault } from '../ports';
import { NOT_COMPLETED_PAGE, SIGNED_IN_PAGE } from './loopback';
import { SignInCancelledError, SignInNeededError } from './room-account';

const CACHE_KEY = 'microsoft.msal-cache';


/**
 * msal's cache, serialized into our vault (safeStorage in Electron, the encrypted file vault in the web host).
 * A cache that no longer parses is dropped (and logged): the room asks to sign in again instead of failing to start.
 */
function vaultCachePlugin(vault: TokenVault, log: Logger): ICachePlugin {
  return {
    async beforeCacheAccess(ctx: TokenCacheContext) {
      const blob = await vault.read(CACHE_KEY);
      if (!blob) return;
      try {
        ctx.tokenCache.deserialize(blob);
      } catch (err) {
        log.error('auth.cache-damaged', { provider: 'microsoft', error: err instanceof Error ? err.message : String(err) });
        await vault.remove(CACHE_KEY);
      }
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (ctx.cacheHasChanged) await vault.write(CACHE_KEY, ctx.tokenCache.serialize());
    },
  };
}

export interface AccountSummary {
  homeAccountId: string;
  name: string;
  username: string;
}

/** A sign-in's outcome: the account and every scope its token carries (Entra lists all consented scopes). */
export interface SignedIn extends AccountSummary {
  scopes: string[];
}

function summarize(account: AccountInfo): AccountSummary {
  return { homeAccountId: account.homeAccountId, name: account.name ?? account.username, username: account.username };
}

/**
 * msal sends `openid profile offline_access` with every request and the person consents to them with the rest, but
 * Entra's token response lists only the resource scopes; add them back so the grant reads as what was consented.
 */
const OIDC_SCOPES = ['openid', 'profile', 'offline_access'];

function signedIn(result: AuthenticationResult | null): SignedIn {
  if (!result?.account) throw new Error('Sign-in finished without an account');
  const scopes = [...new Set([...result.scopes, ...OIDC_SCOPES])];
  return { ...summarize(result.account), scopes };
}

/**
 * The Microsoft 365 room account, through @azure/msal-node (pinned 7.2.x; kept behind this class because the next
 * major may drop public clients). Device code is the default: nobody types a password on the wall.
 */
export class MicrosoftAuth {
  private readonly pca: PublicClientApplication;
  private pendingDeviceCode: DeviceCodeRequest | null = null;

  constructor(
    config: KioskConfig['microsoft'],
    vault: TokenVault,
    private readonly log: Logger,
  ) {
    this.pca = new PublicClientApplication({
      auth: { clientId: config.clientId, authority: config.authority, knownAuthorities: config.knownAuthorities },
      cache: { cachePlugin: vaultCachePlugin(vault, log) },
    });
  }

  async signInWithDeviceCode(scopes: string[], onPrompt: (prompt: DeviceCodePrompt) => void): Promise<SignedIn> {
    const request: DeviceCodeRequest = {
      scopes,
      deviceCodeCallback: (r) =>
        onPrompt({
          userCode: r.userCode,
          verificationUri: r.verificationUri,
          message: r.message,
          expiresAt: new Date(Date.now() + r.expiresIn * 1000).toISOString(),
        }),
    };
    this.pendingDeviceCode = request;
    try {
      const result = await this.pca.acquireTokenByDeviceCode(request);
      if (request.cancel) throw new SignInCancelledError('Sign-in cancelled');
      this.log.info('auth.signed-in', { provider: 'microsoft', method: 'device-code' });
      return signedIn(result);
    } catch (err) {
      if (request.cancel) throw new SignInCancelledError('Sign-in cancelled');
      throw err;
    } finally {
      if (this.pendingDeviceCode === request) this.pendingDeviceCode = null;
    }
  }

  async signInWithBrowser(scopes: string[], browser: ExternalBrowser): Promise<SignedIn> {
    const result = await this.pca.acquireTokenInteractive({
      scopes,
      openBrowser: (url) => browser.open(url),
      // msal's own pages are developer text ("Auth code was successfully acquired"); show the room's.
      successTemplate: SIGNED_IN_PAGE,
      errorTemplate: NOT_COMPLETED_PAGE,
    });
    this.log.info('auth.signed-in', { provider: 'microsoft', method: 'browser' });
    return signedIn(result);
  }

  /**
   * Incremental consent for the signed-in room account: a token request for just the new scopes. Silent when
   * consent already exists (e.g. tenant-wide admin consent); otherwise a device-code prompt for those scopes.
   */
  async consentTo(homeAccountId: string, scopes: string[], onPrompt: (prompt: DeviceCodePrompt) => void): Promise<SignedIn> {
    const account = await this.pca.getTokenCache().getAccountByHomeId(homeAccountId);
    if (!account) throw new SignInNeededError('no-account');
    try {
      return signedIn(await this.pca.acquireTokenSilent({ account, scopes }));
    } catch (err) {
      if (!(err instanceof InteractionRequiredAuthError)) throw err;
    }
    const result = await this.signInWithDeviceCode(scopes, onPrompt);
    if (result.homeAccountId !== homeAccountId) {
      throw new Error(`Consent was given as ${result.username}, not as the room account ${account.username}.`);
    }
    return result;
  }

  /** msal polls on a timer; flipping `cancel` makes its next poll give up. */
  cancelSignIn(): void {
    if (this.pendingDeviceCode) this.pendingDeviceCode.cancel = true;
  }

  async findAccount(homeAccountId: string): Promise<AccountSummary | null> {
    const account = await this.pca.getTokenCache().getAccountByHomeId(homeAccountId);
    return account ? summarize(account) : null;
  }

  /**
   * An access token for `scopes`, refreshed silently when needed. `forceRefresh` is for a 401 from the API
   * (token revoked server-side while still unexpired in our cache).
   */
  async accessToken(homeAccountId: string, scopes: string[], forceRefresh = false): Promise<string> {
    const account = await this.pca.getTokenCache().getAccountByHomeId(homeAccountId);
    if (!account) throw new SignInNeededError('no-account');
    try {
      const result = await this.pca.acquireTokenSilent({ account, scopes, forceRefresh });
      return result.accessToken;
    } catch (err) {
      if (err instanceof InteractionRequiredAuthError) {
        this.log.warn('auth.interaction-required', { provider: 'microsoft', code: err.errorCode, sub: err.subError });
        throw new SignInNeededError(err.errorCode || 'interaction_required');
      }
      throw err;
    }
  }

  async signOut(homeAccountId: string): Promise<void> {
    const cache = this.pca.getTokenCache();
    const account = await cache.getAccountByHomeId(homeAccountId);
    if (account) await cache.removeAccount(account);
  }
}
