import { CodeChallengeMethod } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwtPayload } from '../core/jwt';
import { SCOPES } from './scopes';
import { completeInBrowser, gaxiosFailure, oauthClient, readConsentForm, signIn, startGoogleTestSandbox, startLoopback, type GoogleTestSandbox } from './test-support';

const ROOM = 'room.atlas@fabrikam.example';
const ADMIN = 'it.admin@fabrikam.example';

function form(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields) };
}

describe('Google OAuth stand-in with the real google-auth-library', () => {
  let sandbox: GoogleTestSandbox;
  beforeEach(async () => {
    sandbox = await startGoogleTestSandbox();
  });
  afterEach(() => sandbox.close());

  it('signs in over loopback with PKCE: consent page, code + state at the loopback, tokens, recorded scopes', async () => {
    const result = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarReadonly, 'openid', 'email'] });

    const page = readConsentForm(result.consentPage, sandbox.origins.oauth);
    expect(page.accounts).toContain(ROOM);
    expect(result.consentPage).toMatch(/value="room\.atlas@fabrikam\.example" checked/); // login_hint preselects
    expect(result.consentPage).toContain(`<code>${SCOPES.calendarReadonly}</code>`);
    expect(result.consentPage).toMatch(/<button[^>]*value="accept">Accept<\/button>/);
    expect(result.redirect.get('scope')).toBe(['openid', SCOPES.calendarReadonly, SCOPES.email].sort().join(' '));

    expect(result.tokens.refresh_token).toMatch(/^1\/\//);
    expect(result.tokens.access_token).toMatch(/^ya29\./);
    expect(result.tokens.scope?.split(' ').sort()).toEqual([SCOPES.calendarReadonly, 'openid', SCOPES.email].sort());
    expect(decodeJwtPayload(result.tokens.id_token ?? '')).toMatchObject({ email: ROOM, hd: 'fabrikam.example', aud: sandbox.cloud.app.clientId });
    expect(sandbox.control.google.grantedScopes(ROOM)).toEqual([SCOPES.calendarReadonly, 'openid', SCOPES.email].sort());

    const log = sandbox.control.requests({ service: 'google-oauth' });
    expect(log.find((r) => r.method === 'GET' && r.path === '/o/oauth2/v2/auth')?.scopes).toEqual([SCOPES.calendarReadonly, 'openid', 'email']);
    expect(log.find((r) => r.grantType === 'authorization_code')).toMatchObject({ status: 200, form: expect.objectContaining({ client_secret: sandbox.cloud.app.clientSecret }) });
  });

  it('grows the grant with include_granted_scopes: the new token covers old and new scopes, and brings a new refresh token', async () => {
    const first = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarReadonly] });
    const second = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarEvents], includeGrantedScopes: true });

    expect(second.consentPage).toContain('room.atlas@fabrikam.example has already given access to:');
    expect(second.tokens.scope?.split(' ').sort()).toEqual([SCOPES.calendarEvents, SCOPES.calendarReadonly]);
    expect(second.tokens.refresh_token).toBeDefined();
    expect(second.tokens.refresh_token).not.toBe(first.tokens.refresh_token);
    expect(sandbox.control.google.grantedScopes(ROOM)).toEqual([SCOPES.calendarEvents, SCOPES.calendarReadonly]);

    const narrow = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarEvents], includeGrantedScopes: false });
    expect(narrow.tokens.scope).toBe(SCOPES.calendarEvents);
    // Nothing new was asked: no consent screen, so no new refresh token for an offline request either.
    expect(narrow.tokens.refresh_token).toBeUndefined();
    expect(narrow.redirect.get('prompt')).toBe('none');
    const forced = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarEvents], prompt: 'consent' });
    expect(forced.tokens.refresh_token).toBeDefined();
  });

  it('refreshes without rotating the refresh token', async () => {
    const { tokens } = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarReadonly] });
    const restarted = oauthClient(sandbox);
    restarted.setCredentials({ refresh_token: tokens.refresh_token ?? null });
    sandbox.control.clearRequests();

    const { token } = await restarted.getAccessToken();

    expect(token).toMatch(/^ya29\./);
    expect(token).not.toBe(tokens.access_token);
    expect(restarted.credentials.refresh_token).toBe(tokens.refresh_token);
    expect(sandbox.control.requests({ service: 'google-oauth' })).toMatchObject([{ path: '/token', grantType: 'refresh_token', status: 200 }]);
    // The library copies the old refresh token into its credentials; the wire answer has none.
    const raw = await fetch(sandbox.config.endpoints.oauth2TokenUrl, form({ client_id: sandbox.cloud.app.clientId, client_secret: sandbox.cloud.app.clientSecret, grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }));
    expect(Object.keys((await raw.json()) as object).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
  });

  it('revokes the whole grant: refresh then fails with invalid_grant "Token has been expired or revoked."', async () => {
    const { client, tokens } = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarReadonly] });

    await client.revokeToken(tokens.access_token ?? '');

    expect(sandbox.control.google.tokenIsLive(tokens.refresh_token ?? '')).toBe(false);
    expect(sandbox.control.google.grantedScopes(ROOM)).toEqual([]);
    const error = await gaxiosFailure(client.refreshAccessToken());
    expect(error.status).toBe(400);
    expect(error.message).toBe('invalid_grant');
    expect(error.response?.data).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    // Revoking again: the token is known but dead.
    expect((await gaxiosFailure(client.revokeToken(tokens.access_token ?? ''))).response?.data).toMatchObject({ error: 'invalid_token' });
  });

  it('sends access_denied to the loopback when the person cancels, and grants nothing', async () => {
    const result = await signIn(sandbox, { account: ROOM, scopes: [SCOPES.calendarReadonly], decision: 'cancel' });
    expect(result.redirect.get('error')).toBe('access_denied');
    expect(result.redirect.get('code')).toBeNull();
    expect(sandbox.control.google.grantedScopes(ROOM)).toEqual([]);
  });

  it('checks PKCE, the client secret and single use of codes at the token endpoint', async () => {
    const loopback = await startLoopback();
    try {
      const client = oauthClient(sandbox, loopback.redirectUri);
      const { codeChallenge, codeVerifier } = await client.generateCodeVerifierAsync();
      const url = client.generateAuthUrl({ scope: [SCOPES.calendarReadonly], code_challenge: codeChallenge, code_challenge_method: CodeChallengeMethod.S256 });
      await completeInBrowser(url, { account: ADMIN, decision: 'accept' });
      const code = (await loopback.received).get('code') ?? '';
      const base = { code, client_id: sandbox.cloud.app.clientId, redirect_uri: loopback.redirectUri, grant_type: 'authorization_code' };
      const token = (fields: Record<string, string>) => fetch(sandbox.config.endpoints.oauth2TokenUrl, form(fields)).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

      expect(await token({ ...base, code_verifier: 'x'.repeat(43) })).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'client_secret is missing.' } });
      const withSecret = { ...base, client_secret: sandbox.cloud.app.clientSecret };
      expect(await token({ ...withSecret, code_verifier: 'x'.repeat(43) })).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid code verifier.' } });
      expect(await token(withSecret)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Missing code verifier.' } });
      expect(await token({ ...withSecret, client_secret: 'wrong', code_verifier: 'x'.repeat(43) })).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } });
      expect((await token({ ...withSecret, code_verifier: codeVerifier })).status).toBe(200);
      expect(await token({ ...withSecret, code_verifier: codeVerifier })).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } });
      expect(await token({ ...withSecret, code: '4/0Asbx-never-issued', code_verifier: codeVerifier })).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Malformed auth code.' } });
    } finally {
      await loopback.close();
    }
  });

  it('shows client and redirect problems on its own page, never at the redirect URI', async () => {
    const client = oauthClient(sandbox, 'https://evil.example/callback');
    const mismatch = await fetch(client.generateAuthUrl({ scope: [SCOPES.calendarReadonly] }), { redirect: 'manual' });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('Error 400: redirect_uri_mismatch');

    const unknown = await fetch(oauthClient(sandbox, 'http://127.0.0.1:9').generateAuthUrl({ scope: ['https://www.googleapis.com/auth/calendar.everything'] }), { redirect: 'manual' });
    expect(await unknown.text()).toContain('Error 400: invalid_scope');
  });

  it('refuses Calendar scopes in the device flow (invalid_scope), and allows the few it permits', async () => {
    const deviceCode = (scope: string) => fetch(`${sandbox.origins.oauth}/device/code`, form({ client_id: sandbox.cloud.app.clientId, scope }));

    const refused = await deviceCode(`openid ${SCOPES.calendarReadonly}`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'invalid_scope', error_description: `Invalid device flow scope: ${SCOPES.calendarReadonly}` });
    expect(sandbox.control.requests({ service: 'google-oauth' })[0]?.scopes).toEqual(['openid', SCOPES.calendarReadonly]);

    const allowed = (await (await deviceCode(`openid email ${SCOPES.driveFile}`)).json()) as Record<string, string | number>;
    expect(allowed).toMatchObject({ user_code: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/), verification_url: `${sandbox.origins.oauth}/device`, expires_in: 1800, interval: 5 });
    const poll = () =>
      fetch(sandbox.config.endpoints.oauth2TokenUrl, form({ client_id: sandbox.cloud.app.clientId, client_secret: sandbox.cloud.app.clientSecret, device_code: String(allowed['device_code']), grant_type: 'urn:ietf:params:oauth:grant-type:device_code' }));
    expect((await poll()).status).toBe(428);
    sandbox.control.google.approveDeviceCode({ userCode: String(allowed['user_code']), account: ADMIN, consent: true });
    const tokens = (await (await poll()).json()) as Record<string, string>;
    expect(tokens['scope']?.split(' ').sort()).toEqual(['openid', SCOPES.driveFile, SCOPES.email].sort());
  });

  it('answers tokeninfo (strings, as Google does) and userinfo for a live token', async () => {
    const { client, tokens } = await signIn(sandbox, { account: ROOM, scopes: ['openid', 'email', 'profile', SCOPES.calendarReadonly] });

    const info = await client.getTokenInfo(tokens.access_token ?? '');
    expect(info).toMatchObject({ aud: sandbox.cloud.app.clientId, email: ROOM, access_type: 'offline' });
    expect(info.scopes.sort()).toEqual(['openid', SCOPES.calendarReadonly, SCOPES.email, SCOPES.profile].sort());
    expect(info.expiry_date).toBeGreaterThan(Date.now());

    const userinfo = await fetch(sandbox.config.userinfoUrl, { headers: { authorization: `Bearer ${tokens.access_token ?? ''}` } });
    expect(await userinfo.json()).toMatchObject({ email: ROOM, email_verified: true, name: 'Atlas', hd: 'fabrikam.example' });
  });

  it('auto-approves in demo mode: the authorization URL redirects straight to the loopback', async () => {
    const demo = await startGoogleTestSandbox({ autoApprove: { account: ROOM } });
    try {
      const { tokens, consentPage } = await signIn(demo, { account: ADMIN, scopes: [SCOPES.calendarReadonly] });
      expect(consentPage).toBe('');
      expect(tokens.access_token).toBeDefined();
      expect(demo.control.google.grantedScopes(ROOM)).toEqual([SCOPES.calendarReadonly]);
    } finally {
      await demo.close();
    }
  });
});
