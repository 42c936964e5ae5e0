import { createHash } from 'node:crypto';
import { InteractionRequiredAuthError, type DeviceCodeRequest } from '@azure/msal-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwtPayload } from '../core/jwt';
import type { Sandbox } from '../index';
import { newPublicClient, signInWithDeviceCode, startTestSandbox, TestClock } from '../test-support';

type DeviceCodeResponse = Parameters<DeviceCodeRequest['deviceCodeCallback']>[0];

const ROOM = 'boardroom4@contoso.com';
const ADMIN = 'it.admin@contoso.com';

function required<T>(value: T | null | undefined): T {
  expect(value).toBeTruthy();
  return value as T;
}

describe('Entra v2 stand-in with the real msal-node', () => {
  let sandbox: Sandbox;
  let clock: TestClock;

  beforeEach(async () => {
    clock = new TestClock(new Date());
    sandbox = await startTestSandbox({ now: clock.now });
  });
  afterEach(() => sandbox.close());

  it('serves an OpenID configuration whose issuer msal accepts', async () => {
    const config = (await (await fetch(`${sandbox.urls.entra}/${sandbox.tenant}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(config['token_endpoint']).toBe(`${sandbox.urls.entra}/${sandbox.tenant}/oauth2/v2.0/token`);
    expect(config['device_authorization_endpoint']).toBe(`${sandbox.urls.entra}/${sandbox.tenant}/oauth2/v2.0/devicecode`);
    expect(config['issuer']).toMatch(new RegExp(`^${sandbox.urls.entra}/[0-9a-f-]{36}/v2\\.0$`));
  });

  it('completes a device-code sign-in: pending polls, then tokens, consent and a recorded scope list', async () => {
    const pca = newPublicClient(sandbox);
    const result = required(await signInWithDeviceCode(pca, sandbox, { account: ROOM, scopes: ['User.Read', 'Calendars.Read'], approveAfterMs: 1200 }));

    expect(result.account?.username).toBe(ROOM);
    expect(result.scopes).toEqual(expect.arrayContaining(['Calendars.Read', 'User.Read']));
    expect(sandbox.control.grantedScopes(ROOM)).toEqual(['Calendars.Read', 'User.Read']);
    expect(sandbox.control.tokenIsLive(result.accessToken)).toBe(true);

    const claims = decodeJwtPayload(result.idToken);
    expect(claims).toMatchObject({ aud: sandbox.clientId, preferred_username: ROOM, name: 'Boardroom 4', ver: '2.0' });
    expect(claims).not.toHaveProperty('nonce');

    const entra = sandbox.control.requests({ service: 'entra' });
    const deviceCode = required(entra.find((r) => r.path.endsWith('/devicecode')));
    expect(deviceCode.scopes).toEqual(['User.Read', 'Calendars.Read', 'openid', 'profile', 'offline_access']);
    const polls = entra.filter((r) => r.path.endsWith('/token'));
    expect(polls.every((r) => r.grantType === 'device_code')).toBe(true);
    expect(polls.map((r) => r.status)).toEqual([...polls.slice(0, -1).map(() => 400), 200]);
    expect(polls.length).toBeGreaterThan(1);
  });

  it('refreshes silently with the multi-resource refresh token', async () => {
    const pca = newPublicClient(sandbox);
    const first = required(await signInWithDeviceCode(pca, sandbox, { account: ROOM, scopes: ['User.Read', 'Calendars.Read'] }));
    sandbox.control.clearRequests();

    const refreshed = required(await pca.acquireTokenSilent({ account: required(first.account), scopes: ['Calendars.Read'], forceRefresh: true }));

    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect(sandbox.control.tokenIsLive(refreshed.accessToken)).toBe(true);
    const [refresh] = sandbox.control.requests({ service: 'entra' });
    expect(refresh).toMatchObject({ grantType: 'refresh_token', status: 200, scopes: ['Calendars.Read', 'openid', 'profile', 'offline_access'] });
  });

  it('needs interaction for a scope not consented yet, and not after consenting to it', async () => {
    const pca = newPublicClient(sandbox);
    const first = required(await signInWithDeviceCode(pca, sandbox, { account: ADMIN, scopes: ['User.Read', 'Calendars.Read'] }));
    const account = required(first.account);

    const refused = await pca.acquireTokenSilent({ account, scopes: ['Calendars.Read.Shared'] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InteractionRequiredAuthError);
    expect(refused).toMatchObject({ errorCode: 'invalid_grant', subError: 'consent_required' });
    expect((refused as Error).message).toContain('AADSTS65001');

    await signInWithDeviceCode(pca, sandbox, { account: ADMIN, scopes: ['Calendars.Read.Shared'] });
    expect(sandbox.control.grantedScopes(ADMIN)).toEqual(['Calendars.Read', 'Calendars.Read.Shared', 'User.Read']);
    const shared = required(await pca.acquireTokenSilent({ account, scopes: ['Calendars.Read.Shared'], forceRefresh: true }));
    expect(shared.scopes).toContain('Calendars.Read.Shared');
  });

  it('kills every token of an account on revoke: refresh needs interaction, Graph says 401', async () => {
    const pca = newPublicClient(sandbox);
    const first = required(await signInWithDeviceCode(pca, sandbox, { account: ROOM, scopes: ['User.Read'] }));

    sandbox.control.revoke(ROOM);

    expect(sandbox.control.tokenIsLive(first.accessToken)).toBe(false);
    const failure = await pca.acquireTokenSilent({ account: required(first.account), scopes: ['User.Read'], forceRefresh: true }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InteractionRequiredAuthError);
    expect(failure).toMatchObject({ errorCode: 'invalid_grant', subError: 'bad_token' });
    const me = await fetch(`${sandbox.urls.graph}/v1.0/me`, { headers: { authorization: `Bearer ${first.accessToken}` } });
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('reports a declined consent as authorization_declined', async () => {
    const failure = await signInWithDeviceCode(newPublicClient(sandbox), sandbox, { account: ROOM, scopes: ['User.Read'], consent: false }).catch((e: unknown) => e);
    expect(String(failure)).toContain('authorization_declined');
    expect(sandbox.control.grantedScopes(ROOM)).toEqual([]);
  });

  it('expires device codes by the sandbox clock', async () => {
    const failure = await newPublicClient(sandbox)
      .acquireTokenByDeviceCode({ scopes: ['User.Read'], deviceCodeCallback: () => clock.advance(16 * 60 * 1000) })
      .catch((e: unknown) => e);
    expect(String(failure)).toContain('expired_token');
  });

  it('rejects an unknown client id with invalid_client / AADSTS700016', async () => {
    const failure = await newPublicClient(sandbox, '99999999-0000-0000-0000-000000000000')
      .acquireTokenByDeviceCode({ scopes: ['User.Read'], deviceCodeCallback: () => undefined })
      .catch((e: unknown) => e);
    expect(String(failure)).toContain('invalid_client');
  });

  it('spends the sign-in form and the code on first use, and lets codes expire after ten minutes', async () => {
    const redirectUri = 'http://localhost:5555';
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const url = await newPublicClient(sandbox).getAuthCodeUrl({ scopes: ['User.Read'], redirectUri, codeChallenge: challenge, codeChallengeMethod: 'S256', responseMode: 'form_post' });
    const signIn = async () => {
      const page = formOf(await (await fetch(url)).text());
      const submit = () => postForm(new URL(page.action, url).href, { ...page.fields, account: ROOM, decision: 'accept' });
      return { code: required(formOf((await submit()).html).fields['code']), submitAgain: submit };
    };
    const redeem = async (code: string) => {
      const fields = { client_id: sandbox.clientId, grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, scope: 'User.Read' };
      const response = await fetch(`${sandbox.urls.entra}/${sandbox.tenant}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams(fields) });
      return { status: response.status, error: ((await response.json()) as { error_codes?: number[] }).error_codes?.[0] };
    };

    const first = await signIn();
    expect(first.code).toMatch(/^sbx-ac\./);
    const replayedForm = await first.submitAgain();
    expect(replayedForm.status).toBe(400);
    expect(replayedForm.html).toContain('AADSTS90014');
    expect(await redeem(first.code)).toEqual({ status: 200, error: undefined });
    expect(await redeem(first.code)).toEqual({ status: 400, error: 54005 });
    expect(await redeem('sbx-ac.never-issued')).toEqual({ status: 400, error: 70000 });

    const late = await signIn();
    clock.advance(600_000);
    expect(await redeem(late.code)).toEqual({ status: 400, error: 70000 });
  });

  it('auto-approves every device code in demo mode', async () => {
    const demo = await startTestSandbox({ autoApprove: { account: ROOM } });
    try {
      const result = required(await newPublicClient(demo).acquireTokenByDeviceCode({ scopes: ['Calendars.Read'], deviceCodeCallback: () => undefined }));
      expect(result.account?.username).toBe(ROOM);
      expect(demo.control.grantedScopes(ROOM)).toEqual(['Calendars.Read']);
    } finally {
      await demo.close();
    }
  });
});

/** Minimal form scraping, enough to act like a browser on the sandbox's plain pages. */
function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = required(/<form method="post" action="([^"]*)"/.exec(html)?.[1]).replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[required(match[1])] = required(match[2]).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  }
  return { action, fields };
}

async function postForm(url: string, fields: Record<string, string>): Promise<{ status: number; html: string }> {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}

describe('interactive sign-in pages', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startTestSandbox();
  });
  afterEach(() => sandbox.close());

  /** Plays the browser for msal's acquireTokenInteractive: sign-in page → decision → form_post to the loopback. */
  function browser(account: string, decision: 'accept' | 'cancel', seen: string[]) {
    return async (url: string): Promise<void> => {
      const page = await (await fetch(url)).text();
      seen.push(page);
      const form = formOf(page);
      const reply = await postForm(new URL(form.action, url).href, { ...form.fields, account, decision });
      const handoff = formOf(reply.html);
      await postForm(handoff.action, handoff.fields);
    };
  }

  it('signs in with the account picker and consent page, msal redeeming the code with PKCE', async () => {
    const pages: string[] = [];
    const result = await newPublicClient(sandbox).acquireTokenInteractive({ scopes: ['User.Read', 'Calendars.Read.Shared'], openBrowser: browser(ADMIN, 'accept', pages) });

    expect(result.account?.username).toBe(ADMIN);
    expect(pages[0]).toContain('Sign in to Contoso');
    expect(pages[0]).toContain('<code>Calendars.Read.Shared</code>');
    expect(pages[0]).toMatch(/<button[^>]*>Accept<\/button>/);
    expect(sandbox.control.grantedScopes(ADMIN)).toEqual(['Calendars.Read.Shared', 'User.Read']);
    const entra = sandbox.control.requests({ service: 'entra' });
    expect(entra.find((r) => r.path.endsWith('/authorize') && r.method === 'GET')?.scopes).toEqual(['User.Read', 'Calendars.Read.Shared', 'openid', 'profile', 'offline_access']);
    expect(entra.find((r) => r.grantType === 'authorization_code')?.status).toBe(200);
  });

  it('returns access_denied to the app when the person cancels', async () => {
    const failure = await newPublicClient(sandbox)
      .acquireTokenInteractive({ scopes: ['User.Read'], openBrowser: browser(ADMIN, 'cancel', []) })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ errorCode: 'access_denied' });
    expect(sandbox.control.grantedScopes(ADMIN)).toEqual([]);
  });

  it('rejects a code redeemed with the wrong PKCE verifier', async () => {
    const pca = newPublicClient(sandbox);
    const redirectUri = 'http://localhost:5555';
    const url = await pca.getAuthCodeUrl({ scopes: ['User.Read'], redirectUri, codeChallenge: 'x'.repeat(43), codeChallengeMethod: 'S256', responseMode: 'form_post' });
    const page = formOf(await (await fetch(url)).text());
    const handoff = formOf((await postForm(new URL(page.action, url).href, { ...page.fields, account: ROOM, decision: 'accept' })).html);
    const failure = await pca.acquireTokenByCode({ code: required(handoff.fields['code']), scopes: ['User.Read'], redirectUri, codeVerifier: 'y'.repeat(43) }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ errorCode: 'invalid_grant' });
    expect(String((failure as Error).message)).toContain('AADSTS501481');
  });

  it('walks the device login page: code, account, consent, done', async () => {
    let announce: (response: DeviceCodeResponse) => void = () => undefined;
    const announced = new Promise<DeviceCodeResponse>((resolve) => (announce = resolve));
    const request: DeviceCodeRequest = { scopes: ['Calendars.Read'], deviceCodeCallback: (response) => announce(response) };
    const pending = newPublicClient(sandbox).acquireTokenByDeviceCode(request);
    try {
      const { verificationUri: base, userCode } = await announced;
      expect(await (await fetch(base)).text()).toContain('<label for="otc">Code</label>');
      const wrong = await postForm(base, { otc: 'NOTACODE' });
      expect(wrong.html).toContain('That code didn&#39;t work. Check the code and try again.');
      const picker = await postForm(base, { otc: userCode.toLowerCase() });
      expect(picker.html).toContain(`>${ROOM}</button>`);
      const accountForm = formOf(picker.html);
      const consent = await postForm(new URL(accountForm.action, base).href, { ...accountForm.fields, account: ROOM });
      expect(consent.html).toContain('<code>Calendars.Read</code>');
      const consentForm = formOf(consent.html);
      const final = await postForm(new URL(consentForm.action, base).href, { ...consentForm.fields, decision: 'accept' });
      expect(final.html).toContain('You&#39;re signed in');
      expect((await pending)?.account?.username).toBe(ROOM);
    } finally {
      request.cancel = true; // stop msal polling if an assertion failed half-way
      await pending.catch(() => undefined);
    }
  });
});
