import { z } from 'zod';
import type { KioskConfig } from '../config/kiosk-config';
import { bearer, fetchJson, type AccountLookup, type ConnectedAccount, type OAuth2Profile } from './oauth2-client';

/**
 * Zoom, Webex and Dropbox as OAuth2Client profiles: endpoints (from the kiosk config, production by default), how
 * each wants the client to authenticate and revoke, and how each tells us who signed in.
 */

export type ZoomConfig = NonNullable<KioskConfig['zoom']>;
export type WebexConfig = NonNullable<KioskConfig['webex']>;
export type DropboxConfig = NonNullable<KioskConfig['dropbox']>;

/** The name to show, falling back to the address when a provider has no display name for the account. */
function account(name: string | undefined, username: string): ConnectedAccount {
  return { name: name?.trim() || username, username };
}

/** What every profile takes straight from its config block. All three separate scopes with a space. */
function fromConfig(provider: OAuth2Profile['provider'], config: ZoomConfig | WebexConfig | DropboxConfig) {
  const { clientId, clientSecret, authorizeUrl, tokenUrl, apiBaseUrl } = config;
  return { provider, clientId, clientSecret, authorizeUrl, tokenUrl, apiBaseUrl, scopeSeparator: ' ' };
}

// ───────────────────────────── Zoom ─────────────────────────────

/** GET /users/me (https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}). */
const ZoomUserSchema = z
  .object({ email: z.string().min(3), display_name: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() })
  .loose();

async function zoomAccount(lookup: AccountLookup): Promise<ConnectedAccount> {
  const me = await fetchJson('zoom', 'GET /users/me', `${lookup.apiBaseUrl}/users/me`, { headers: bearer(lookup.accessToken) }, ZoomUserSchema);
  return account(me.display_name || `${me.first_name ?? ''} ${me.last_name ?? ''}`, me.email);
}

/**
 * Zoom: Basic client auth at /oauth/token, refresh tokens that rotate on every use, revocation at /oauth/revoke with
 * the app's Basic credentials. The token response's `api_url` is the account's API origin (Zoom's regional hosts).
 */
export function zoomProfile(config: ZoomConfig): OAuth2Profile {
  return {
    ...fromConfig('zoom', config),
    clientAuth: 'basic',
    extraAuthorizeParams: {},
    revoke: { style: 'form-token-basic', url: config.revokeUrl },
    apiBaseFromToken: (apiUrl) => `${apiUrl.replace(/\/+$/, '')}/v2`,
    lookupAccount: zoomAccount,
  };
}

// ───────────────────────────── Webex ─────────────────────────────

/**
 * OpenID claims, from the ID token or from userinfo (https://developer.webex.com/docs/login-with-webex). The
 * webex.sign-in feature asks for `openid email profile` only, so GET /people/me (spark:people_read) is not an option.
 */
const WebexClaimsSchema = z
  .object({ sub: z.string().min(1), email: z.string().min(3), name: z.string().optional(), preferred_username: z.string().optional() })
  .loose();
const IdTokenAudienceSchema = z.object({ aud: z.union([z.string(), z.array(z.string())]) }).loose();

/**
 * The ID token's claims without checking its signature: it came straight from the token endpoint over TLS, which
 * OpenID Connect Core §3.1.3.7 accepts in place of signature validation. The audience must still be us.
 */
export function idTokenClaims(idToken: string, clientId: string): z.infer<typeof WebexClaimsSchema> {
  const payload = idToken.split('.')[1];
  if (!payload) throw new Error('webex: the ID token is not a JWT');
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const { aud } = IdTokenAudienceSchema.parse(claims);
  if (!(Array.isArray(aud) ? aud : [aud]).includes(clientId)) throw new Error('webex: the ID token was issued to another client');
  return WebexClaimsSchema.parse(claims);
}

/** The ID token when the answer has one (no extra round trip), else the OpenID userinfo endpoint. */
async function webexAccount(lookup: AccountLookup): Promise<ConnectedAccount> {
  const claims = lookup.idToken
    ? idTokenClaims(lookup.idToken, lookup.clientId)
    : await fetchJson('webex', 'GET /userinfo', `${lookup.apiBaseUrl}/userinfo`, { headers: bearer(lookup.accessToken) }, WebexClaimsSchema);
  return account(claims.name ?? claims.preferred_username, claims.email);
}

/**
 * Webex: client id and secret in the token form at /v1/access_token; refresh tokens are reused, not rotated; no
 * revocation endpoint (disconnecting forgets the tokens; the person or an admin revokes in Webex).
 */
export function webexProfile(config: WebexConfig): OAuth2Profile {
  return {
    ...fromConfig('webex', config),
    clientAuth: 'form',
    extraAuthorizeParams: {},
    revoke: null,
    apiBaseFromToken: null,
    lookupAccount: webexAccount,
  };
}

// ───────────────────────────── Dropbox ─────────────────────────────

/** POST /2/users/get_current_account: an RPC without arguments, so no body and no content type. */
const DropboxAccountSchema = z.object({ email: z.string().min(3), name: z.object({ display_name: z.string() }).loose() }).loose();

async function dropboxAccount(lookup: AccountLookup): Promise<ConnectedAccount> {
  const url = `${lookup.apiBaseUrl}/users/get_current_account`;
  const me = await fetchJson('dropbox', 'users/get_current_account', url, { method: 'POST', headers: bearer(lookup.accessToken) }, DropboxAccountSchema);
  return account(me.name.display_name, me.email);
}

/**
 * Dropbox: refresh tokens only with token_access_type=offline, and they never rotate (a refresh returns an access
 * token alone); revocation is an RPC on the API host authenticated by the token being revoked.
 */
export function dropboxProfile(config: DropboxConfig): OAuth2Profile {
  return {
    ...fromConfig('dropbox', config),
    clientAuth: 'basic',
    extraAuthorizeParams: { token_access_type: 'offline' },
    revoke: { style: 'bearer', url: `${config.apiBaseUrl}/auth/token/revoke` },
    apiBaseFromToken: null,
    lookupAccount: dropboxAccount,
  };
}

/** The profiles of every provider the kiosk config has a block for. */
export function oauth2ProfilesFrom(config: Pick<KioskConfig, 'zoom' | 'webex' | 'dropbox'>): OAuth2Profile[] {
  return [config.zoom && zoomProfile(config.zoom), config.webex && webexProfile(config.webex), config.dropbox && dropboxProfile(config.dropbox)].filter(
    (profile): profile is OAuth2Profile => profile !== undefined,
  );
}
