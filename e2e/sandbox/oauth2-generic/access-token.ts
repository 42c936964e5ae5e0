import { z } from 'zod';
import type { Sandbox } from '../index';
import { authorizeUrl, basicAuth, completeConsent, LOOPBACK_REDIRECT, pkcePair } from './testing';

const TokenSchema = z.object({ access_token: z.string() }).loose();

const PROVIDERS = {
  zoom: { account: 'room.zoom@contoso.com', oauth: 'zoom', authorize: '/oauth/authorize', token: '/oauth/token', api: (s: Sandbox) => `${s.urls['zoom-api']}/v2`, basic: true },
  webex: { account: 'room.webex@contoso.com', oauth: 'webex', authorize: '/v1/authorize', token: '/v1/access_token', api: (s: Sandbox) => `${s.urls.webex}/v1`, basic: false },
} as const;

/**
 * A Zoom or Webex access token for exactly `scopes` and the API base it works on, got the way the kiosk gets one
 * (authorization code + PKCE through the consent page), for API clients tested without the connector's machinery.
 */
export async function sandboxAccessToken(sandbox: Sandbox, provider: keyof typeof PROVIDERS, scopes: readonly string[]): Promise<{ token: string; apiBaseUrl: string }> {
  const p = PROVIDERS[provider];
  const app = sandbox.apps[provider];
  const pkce = pkcePair();
  const url = authorizeUrl(`${sandbox.urls[p.oauth]}${p.authorize}`, {
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: LOOPBACK_REDIRECT,
    scope: scopes.join(' '),
    state: 'test',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  });
  const { redirect } = await completeConsent(url, { account: p.account });
  const form = { grant_type: 'authorization_code', code: redirect.searchParams.get('code') ?? '', redirect_uri: LOOPBACK_REDIRECT, code_verifier: pkce.verifier };
  const body = new URLSearchParams(p.basic ? form : { ...form, client_id: app.clientId, client_secret: app.clientSecret });
  const response = await fetch(`${sandbox.urls[p.oauth]}${p.token}`, { method: 'POST', body, headers: p.basic ? { authorization: basicAuth(app.clientId, app.clientSecret) } : {} });
  return { token: TokenSchema.parse(await response.json()).access_token, apiBaseUrl: p.api(sandbox) };
}
