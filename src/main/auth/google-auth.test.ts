import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordedRequest, Sandbox } from '../../../e2e/sandbox';
import { completeInBrowser, readConsentForm } from '../../../e2e/sandbox/google/test-support';
import { startTestSandbox } from '../../../e2e/sandbox/test-support';
import { scopesFor } from '../../shared/features';
import { silentLogger } from '../health/logger';
import { ConnectionLostError, ConsentRefusedError } from './connector';
import { GoogleAuth, type GoogleSignedIn } from './google-auth';
import { ConsentBrowser, googleConfigOf } from './google-auth.test-support';
import { GoogleConnector } from './google-connector';
import { MemoryVault } from './memory-vault';

const VAULT_KEY = 'google.tokens';
const IT_ADMIN = 'it.admin@fabrikam.example';
const SIGN_IN = scopesFor('google', ['google.sign-in']);
const CALENDAR = 'https://www.googleapis.com/auth/calendar.readonly';
const AUTHORIZE_PATH = '/o/oauth2/v2/auth';

interface StoredTokens {
  account: { accountKey: string };
  credentials: { refresh_token: string; access_token: string; expiry_date: number; scope: string };
}

describe('GoogleAuth with google-auth-library against the sandbox', () => {
  let sandbox: Sandbox;
  let vault: MemoryVault;
  let room: string;

  beforeEach(async () => {
    sandbox = await startTestSandbox();
    vault = new MemoryVault();
    room = sandbox.google.roomAccount;
  });
  afterEach(() => sandbox.close());

  const newAuth = () => new GoogleAuth(googleConfigOf(sandbox.google), vault, silentLogger);
  const oauthRequests = (): RecordedRequest[] => sandbox.control.requests({ service: 'google-oauth' });
  const authorizeRequests = () => oauthRequests().filter((r) => r.method === 'GET' && r.path === AUTHORIZE_PATH);
  const tokenRequests = (grantType: string) => oauthRequests().filter((r) => r.path === '/token' && r.grantType === grantType);

  function stored(): StoredTokens {
    const text = vault.entries.get(VAULT_KEY);
    if (!text) throw new Error('nothing in the vault');
    return JSON.parse(text) as StoredTokens;
  }

  /** Makes the saved access token look expired, as after a night switched off. */
  function expireStoredAccessToken(): void {
    const record = stored();
    vault.entries.set(VAULT_KEY, JSON.stringify({ ...record, credentials: { ...record.credentials, expiry_date: 1 } }));
  }

  async function signIn(auth: GoogleAuth, scopes: string[], account = room, decision: 'accept' | 'cancel' = 'accept'): Promise<GoogleSignedIn> {
    const browser = new ConsentBrowser((url) => completeInBrowser(url, { account, decision }));
    const result = await auth.signIn(scopes, browser, new AbortController().signal);
    await browser.answered;
    return result;
  }

  it('signs in through the consent page with PKCE, asking for exactly the requested scopes', async () => {
    const signed = await signIn(newAuth(), SIGN_IN);

    expect(signed).toEqual({ accountKey: expect.stringMatching(/^\d+$/), name: room, username: room, scopes: [...SIGN_IN].sort() });
    const [authorize, ...others] = authorizeRequests();
    expect(others).toEqual([]);
    expect([...(authorize?.scopes ?? [])].sort()).toEqual([...SIGN_IN].sort());
    expect(authorize?.query).toMatchObject({
      include_granted_scopes: 'true',
      access_type: 'offline',
      code_challenge_method: 'S256',
      prompt: 'consent',
      redirect_uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/callback$/),
      state: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(tokenRequests('authorization_code')[0]?.form).toMatchObject({ code_verifier: expect.stringMatching(/^[\w.~-]{43,128}$/) });
    expect(sandbox.control.google.grantedScopes(room)).toEqual([...SIGN_IN].sort());
    expect(sandbox.control.google.tokenIsLive(stored().credentials.refresh_token)).toBe(true);
  });

  it('asks only for the added scope on incremental consent; the grant is the union', async () => {
    const auth = newAuth();
    const first = await signIn(auth, SIGN_IN);
    sandbox.control.clearRequests();

    const second = await signIn(auth, [CALENDAR]);

    expect(authorizeRequests().map((r) => r.scopes)).toEqual([[CALENDAR]]);
    expect(authorizeRequests()[0]?.query).toMatchObject({ include_granted_scopes: 'true', login_hint: room });
    expect(authorizeRequests()[0]?.query['prompt']).toBeUndefined();
    expect(second).toEqual({ ...first, scopes: [...SIGN_IN, CALENDAR].sort() });
    expect(stored().credentials.scope.split(' ').sort()).toEqual([...SIGN_IN, CALENDAR].sort());
    expect(sandbox.control.google.tokenIsLive(await auth.accessToken())).toBe(true);
  });

  it('turns Cancel on the consent page into ConsentRefusedError and keeps nothing', async () => {
    const refused = signIn(newAuth(), SIGN_IN, room, 'cancel');

    await expect(refused).rejects.toBeInstanceOf(ConsentRefusedError);
    await expect(refused).rejects.toMatchObject({ provider: 'google', reason: 'declined' });
    expect(tokenRequests('authorization_code')).toEqual([]);
    expect(vault.entries.has(VAULT_KEY)).toBe(false);
  });

  it('refuses an answer with a tampered state and redeems only the real one', async () => {
    const browser = new ConsentBrowser(null);
    const signing = newAuth().signIn(SIGN_IN, browser, new AbortController().signal);
    const url = await browser.opened;
    const page = await fetch(url);
    const form = readConsentForm(await page.text(), url);
    const submitted = await fetch(form.action, { method: 'POST', body: new URLSearchParams({ ...form.hidden, account: room, decision: 'accept' }), redirect: 'manual' });
    const redirect = new URL(submitted.headers.get('location') ?? '');
    const forged = new URL(redirect);
    forged.searchParams.set('state', 'forged-by-another-tab');

    expect((await fetch(forged)).status).toBe(400);
    expect(tokenRequests('authorization_code')).toEqual([]);

    expect((await fetch(redirect)).status).toBe(200);
    await expect(signing).resolves.toMatchObject({ username: room });
    expect(tokenRequests('authorization_code')).toHaveLength(1);
  });

  it('restores after a restart from the vault alone, refreshing without any new consent', async () => {
    const signed = await signIn(newAuth(), [...SIGN_IN, CALENDAR]);
    const refreshToken = stored().credentials.refresh_token;
    expireStoredAccessToken();
    sandbox.control.clearRequests();

    const restarted = newAuth();
    expect(await restarted.restore()).toEqual(signed);
    const token = await restarted.accessToken();

    expect(authorizeRequests()).toEqual([]);
    expect(tokenRequests('refresh_token')).toHaveLength(1);
    expect(sandbox.control.google.tokenIsLive(token)).toBe(true);
    // The refresh answer carries no refresh_token: the vault keeps the old one next to the new access token.
    await vi.waitFor(() => expect(stored().credentials).toMatchObject({ refresh_token: refreshToken, access_token: token }));
  });

  it('revokes at Google, then forgets the tokens', async () => {
    const auth = newAuth();
    await signIn(auth, SIGN_IN);
    const { refresh_token, access_token } = stored().credentials;

    await expect(auth.revoke()).resolves.toBe(true);

    expect(oauthRequests().filter((r) => r.path === '/revoke')).toHaveLength(1);
    expect(sandbox.control.google.tokenIsLive(refresh_token)).toBe(false);
    expect(sandbox.control.google.tokenIsLive(access_token)).toBe(false);
    expect(vault.entries.has(VAULT_KEY)).toBe(false);
    expect(await newAuth().restore()).toBeNull();
  });

  it('surfaces a grant revoked at Google as ConnectionLostError; disconnecting still works', async () => {
    await signIn(newAuth(), SIGN_IN);
    sandbox.control.google.revoke(room);
    expireStoredAccessToken();
    const restarted = newAuth();
    await restarted.restore();

    await expect(restarted.accessToken()).rejects.toEqual(new ConnectionLostError('google', 'invalid_grant'));
    // Already dead at Google: nothing left to revoke, the local copy goes.
    await expect(restarted.revoke()).resolves.toBe(true);
    expect(vault.entries.has(VAULT_KEY)).toBe(false);
  });

  it('refuses an incremental consent answered by another account and ends that account’s grant', async () => {
    const auth = newAuth();
    const first = await signIn(auth, SIGN_IN);

    await expect(signIn(auth, [CALENDAR], IT_ADMIN)).rejects.toThrow(/not as the connected account/);

    expect(sandbox.control.google.grantedScopes(IT_ADMIN)).toEqual([]);
    expect(await newAuth().restore()).toEqual(first);
  });
});

describe('GoogleConnector', () => {
  let sandbox: Sandbox;
  let connector: GoogleConnector;

  beforeEach(async () => {
    sandbox = await startTestSandbox();
    connector = new GoogleConnector(new GoogleAuth(googleConfigOf(sandbox.google), new MemoryVault(), silentLogger));
  });
  afterEach(() => sandbox.close());

  const authorize = (wanted: string[], added: string[], decision: 'accept' | 'cancel' = 'accept') =>
    connector.authorize({ wanted, added }, new ConsentBrowser((url) => completeInBrowser(url, { account: sandbox.google.roomAccount, decision })), new AbortController().signal);

  it('asks Google for request.added only and returns the union as the grant', async () => {
    await authorize(SIGN_IN, SIGN_IN);
    sandbox.control.clearRequests();

    const grant = await authorize([...SIGN_IN, CALENDAR], [CALENDAR]);

    const asked = sandbox.control.requests({ service: 'google-oauth' }).filter((r) => r.method === 'GET' && r.path === AUTHORIZE_PATH);
    expect(asked.map((r) => r.scopes)).toEqual([[CALENDAR]]);
    expect(grant).toEqual({ account: { name: sandbox.google.roomAccount, username: sandbox.google.roomAccount }, scopes: [...SIGN_IN, CALENDAR].sort() });
    expect(await connector.restore()).toEqual(grant);
  });

  it('reports a refusal as ConsentRefusedError and a cancelled wait as cancelled', async () => {
    await expect(authorize(SIGN_IN, SIGN_IN, 'cancel')).rejects.toMatchObject({ name: 'ConsentRefusedError', reason: 'declined' });

    const controller = new AbortController();
    const browser = new ConsentBrowser(null);
    const waiting = connector.authorize({ wanted: SIGN_IN, added: SIGN_IN }, browser, controller.signal);
    await browser.opened;
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'ConsentRefusedError', reason: 'cancelled' });
  });

  it('revokes at Google on disconnect', async () => {
    await authorize(SIGN_IN, SIGN_IN);
    const token = await connector.accessToken();

    await expect(connector.disconnect()).resolves.toEqual({ revokedAtProvider: true });

    expect(sandbox.control.google.tokenIsLive(token)).toBe(false);
    expect(await connector.restore()).toBeNull();
  });
});
