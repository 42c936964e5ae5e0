import { expect } from 'vitest';
import { authorizeUrl, basicAuth, completeConsent, jsonOf, LOOPBACK_REDIRECT, pkcePair, startCloudForTest, type CloudUnderTest, type ProviderSandbox } from '../oauth2-generic/testing';
import { headerSafeJson } from './streaming';
import { createDropboxCloud, type DropboxCloud, type DropboxServiceName } from './index';

export const ROOM = 'room.dropbox@contoso.com';
export const DANA = 'dana.lee@contoso.com';
export const ALL_FILE_SCOPES = 'account_info.read files.metadata.write files.content.write sharing.write';

export interface DropboxTokens {
  access_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
  refresh_token?: string;
  account_id: string;
  uid: string;
}

export interface SignInOptions {
  readonly account?: string;
  /** Default true: token_access_type=offline (a refresh token). */
  readonly offline?: boolean;
  /** Default false: PKCE only, no client secret (a public client). */
  readonly withSecret?: boolean;
}

/** A Dropbox client speaking plain fetch to one provider sandbox (no official Node client is used by the app). */
export class DropboxTestClient {
  constructor(
    private readonly sandbox: ProviderSandbox<DropboxServiceName>,
    private readonly cloud: DropboxCloud,
  ) {}

  tokenRequest(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.sandbox.url('dropbox-api')}/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams(fields) });
  }

  async signIn(scopes: string, options: SignInOptions = {}): Promise<DropboxTokens> {
    const pkce = pkcePair();
    const url = authorizeUrl(`${this.sandbox.url('dropbox-api')}/oauth2/authorize`, {
      client_id: this.cloud.app.clientId,
      response_type: 'code',
      redirect_uri: LOOPBACK_REDIRECT,
      scope: scopes,
      token_access_type: options.offline === false ? 'online' : 'offline',
      state: 'd1',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    const { redirect } = await completeConsent(url, { account: options.account ?? ROOM });
    const fields = { grant_type: 'authorization_code', code: redirect.searchParams.get('code') ?? '', redirect_uri: LOOPBACK_REDIRECT, code_verifier: pkce.verifier };
    const response = options.withSecret
      ? await this.tokenRequest(fields, { authorization: basicAuth(this.cloud.app.clientId, this.cloud.app.clientSecret) })
      : await this.tokenRequest({ ...fields, client_id: this.cloud.app.clientId });
    expect(response.status).toBe(200);
    return jsonOf<DropboxTokens>(response);
  }

  rpc(endpoint: string, token: string, args?: unknown): Promise<Response> {
    return fetch(`${this.sandbox.url('dropbox-api')}/2/${endpoint}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(args === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(args === undefined ? {} : { body: JSON.stringify(args) }),
    });
  }

  content(endpoint: string, token: string, args: unknown, body?: Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.sandbox.url('dropbox-content')}/2/${endpoint}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'dropbox-api-arg': headerSafeJson(args), ...(body ? { 'content-type': 'application/octet-stream' } : {}), ...headers },
      ...(body ? { body } : {}),
    });
  }
}

export interface DropboxUnderTest extends CloudUnderTest<DropboxServiceName, DropboxCloud> {
  readonly client: DropboxTestClient;
}

/** A seeded Dropbox stand-in on a test clock set to `anchor`, listening, with a plain-fetch client. */
export async function startDropboxForTest(anchor: Date): Promise<DropboxUnderTest> {
  const started = await startCloudForTest<DropboxServiceName, DropboxCloud>(anchor, (clock) => createDropboxCloud({ clock: clock.now, seedAnchor: anchor, autoApprove: null }));
  return { ...started, client: new DropboxTestClient(started.sandbox, started.cloud) };
}
