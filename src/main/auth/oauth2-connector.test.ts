import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxOAuthProvidersConfig } from '../../../e2e/harness/kiosk';
import type { RecordedRequest, Sandbox, ServiceName } from '../../../e2e/sandbox';
import { completeConsent } from '../../../e2e/sandbox/oauth2-generic/testing';
import { startTestSandbox, TestClock } from '../../../e2e/sandbox/test-support';
import { scopesFor, type FeatureId } from '../../shared/features';
import { parseKioskConfig, type KioskConfig } from '../config/kiosk-config';
import { silentLogger } from '../health/logger';
import { ConnectionLostError, ConsentRefusedError, type ConsentPrompter } from './connector';
import { MemoryVault } from './memory-vault';
import type { OAuth2Profile, OAuth2ProviderId, StoredConnection } from './oauth2-client';
import { OAuth2Connector } from './oauth2-connector';
import { dropboxProfile, webexProfile, zoomProfile } from './oauth2-profiles';

const HOUR = 3600_000;

/**
 * Plays the system browser and the person in front of it: opening returns at once (as shell.openExternal does),
 * then the consent page is answered and the browser follows the redirect to the kiosk's loopback listener.
 */
class ScriptedBrowser implements ConsentPrompter {
  /** The loopback listener's answer to the redirect (200, or 400 for a state that is not ours). */
  readonly loopbackStatus: Promise<number>;
  private opened: (url: string) => void = () => undefined;

  constructor(private readonly person: { account: string; accept?: boolean; tamperState?: boolean }) {
    this.loopbackStatus = new Promise<string>((resolve) => (this.opened = resolve)).then((url) => this.answer(url));
  }

  showDeviceCode(): void {
    throw new Error('these providers have no device flow here');
  }

  async openBrowser(url: string): Promise<void> {
    this.opened(url);
  }

  private async answer(url: string): Promise<number> {
    const { redirect } = await completeConsent(url, this.person);
    if (this.person.tamperState) redirect.searchParams.set('state', 'forged-by-another-page');
    return (await fetch(redirect)).status;
  }
}

/** The kiosk's config blocks, pointed at the sandbox, through the real schema (https only, defaults filled in). */
function configFor(sandbox: Sandbox): KioskConfig {
  return parseKioskConfig({ microsoft: { clientId: 'unused-here' }, ...sandboxOAuthProvidersConfig(sandbox) }, 'test');
}

function requireBlock<T>(block: T | undefined): T {
  if (!block) throw new Error('config block missing');
  return block;
}

interface ProviderCase {
  provider: OAuth2ProviderId;
  account: string;
  name: string;
  /** request.wanted: the union of the enabled features. */
  wanted: string[];
  profile(config: KioskConfig): OAuth2Profile;
  oauthService: ServiceName;
  authorizePath: string;
  tokenPath: string;
  accessLifetimeMs: number;
  rotates: boolean;
  revokes: boolean;
  control(sandbox: Sandbox): { revoke(account: string): void; tokenIsLive(token: string): boolean; grantedScopes(account: string): string[] };
}

const union = (provider: OAuth2ProviderId, ids: FeatureId[]) => scopesFor(provider, ids);

const CASES: ProviderCase[] = [
  {
    provider: 'zoom',
    account: 'room.zoom@contoso.com',
    name: 'Boardroom 4',
    wanted: union('zoom', ['zoom.sign-in', 'zoom.instant-meeting', 'zoom.directory', 'zoom.revoke']),
    profile: (config) => zoomProfile(requireBlock(config.zoom)),
    oauthService: 'zoom',
    authorizePath: '/oauth/authorize',
    tokenPath: '/oauth/token',
    accessLifetimeMs: HOUR,
    rotates: true,
    revokes: true,
    control: (sandbox) => sandbox.control.zoom,
  },
  {
    provider: 'webex',
    account: 'room.webex@contoso.com',
    name: 'Boardroom 4',
    wanted: union('webex', ['webex.sign-in', 'webex.instant-meeting', 'webex.directory']),
    profile: (config) => webexProfile(requireBlock(config.webex)),
    oauthService: 'webex',
    authorizePath: '/v1/authorize',
    tokenPath: '/v1/access_token',
    accessLifetimeMs: 14 * 24 * HOUR,
    rotates: false,
    revokes: false,
    control: (sandbox) => sandbox.control.webex,
  },
  {
    provider: 'dropbox',
    account: 'room.dropbox@contoso.com',
    name: 'Boardroom 4',
    wanted: union('dropbox', ['dropbox.sign-in', 'dropbox.files']),
    profile: (config) => dropboxProfile(requireBlock(config.dropbox)),
    oauthService: 'dropbox-api',
    authorizePath: '/oauth2/authorize',
    tokenPath: '/oauth2/token',
    accessLifetimeMs: 4 * HOUR,
    rotates: false,
    revokes: true,
    control: (sandbox) => sandbox.control.dropbox,
  },
];

let sandbox: Sandbox;
let clock: TestClock;
let config: KioskConfig;

beforeAll(async () => {
  clock = new TestClock(new Date('2026-11-23T08:00:00Z'));
  sandbox = await startTestSandbox({ now: clock.now, seedAnchor: clock.now() });
  config = configFor(sandbox);
});
afterAll(() => sandbox.close());

describe.each(CASES)('OAuth2Connector: $provider against the sandbox', (c) => {
  let vault: MemoryVault;

  beforeEach(() => {
    vault = new MemoryVault();
    sandbox.control.clearRequests();
  });

  const newConnector = () => new OAuth2Connector(c.profile(config), { vault, clock: { now: clock.now }, log: silentLogger });
  const control = () => c.control(sandbox);
  const requests = (): RecordedRequest[] => sandbox.control.requests({ service: c.oauthService });
  const authorizeRequests = () => requests().filter((r) => r.method === 'GET' && r.path === c.authorizePath);
  const tokenRequests = (grantType: string) => requests().filter((r) => r.path === c.tokenPath && r.grantType === grantType);

  function stored(): StoredConnection {
    const text = vault.entries.get(`${c.provider}.tokens`);
    if (!text) throw new Error('nothing in the vault');
    return JSON.parse(text) as StoredConnection;
  }

  async function connect(connector = newConnector()) {
    const browser = new ScriptedBrowser({ account: c.account });
    const grant = await connector.authorize({ wanted: c.wanted, added: c.wanted.slice(-1) }, browser, new AbortController().signal);
    expect(await browser.loopbackStatus).toBe(200);
    return { connector, grant };
  }

  it('signs in through the consent page with PKCE, asking for exactly the union of the enabled features', async () => {
    const { grant } = await connect();

    expect(grant.account).toEqual({ name: c.name, username: c.account });
    expect([...grant.scopes].sort()).toEqual([...c.wanted].sort());
    const [authorize] = authorizeRequests();
    expect(authorizeRequests()).toHaveLength(1);
    expect(authorize?.scopes).toEqual(c.wanted);
    expect(authorize?.query).toMatchObject({ response_type: 'code', code_challenge_method: 'S256' });
    if (c.provider === 'dropbox') expect(authorize?.query['token_access_type']).toBe('offline');
    expect(control().grantedScopes(c.account)).toEqual(expect.arrayContaining(c.wanted));
    expect(stored()).toMatchObject({ account: grant.account, refreshToken: expect.any(String) });
  });

  it('turns Cancel on the consent page into ConsentRefusedError(declined) and stores nothing', async () => {
    const browser = new ScriptedBrowser({ account: c.account, accept: false });
    const refused = newConnector().authorize({ wanted: c.wanted, added: c.wanted }, browser, new AbortController().signal);

    await expect(refused).rejects.toEqual(new ConsentRefusedError(c.provider, 'declined'));
    expect(tokenRequests('authorization_code')).toHaveLength(0);
    expect(vault.entries.size).toBe(0);
  });

  it('refuses an answer whose state is not ours and never redeems its code', async () => {
    const browser = new ScriptedBrowser({ account: c.account, tamperState: true });
    const controller = new AbortController();
    const pending = newConnector().authorize({ wanted: c.wanted, added: c.wanted }, browser, controller.signal);

    expect(await browser.loopbackStatus).toBe(400);
    controller.abort();
    await expect(pending).rejects.toEqual(new ConsentRefusedError(c.provider, 'cancelled'));
    expect(tokenRequests('authorization_code')).toHaveLength(0);
  });

  it('restores the connection after a restart without asking anyone again', async () => {
    const { grant } = await connect();
    const token = await newConnector().accessToken();
    sandbox.control.clearRequests();

    const restarted = newConnector();
    expect(await restarted.restore()).toEqual(grant);
    expect(await restarted.accessToken()).toBe(token);
    expect(requests()).toHaveLength(0);
  });

  it('refreshes an expired access token once for concurrent callers and keeps the newest refresh token in the vault', async () => {
    const { connector } = await connect();
    const before = stored();
    clock.advance(c.accessLifetimeMs);

    const [first, second] = await Promise.all([connector.accessToken(), connector.accessToken()]);

    expect(first).toBe(second);
    expect(first).not.toBe(before.accessToken);
    expect(tokenRequests('refresh_token')).toHaveLength(1);
    const after = stored();
    expect(after.accessToken).toBe(first);
    expect(control().tokenIsLive(after.refreshToken)).toBe(true);
    if (c.rotates) {
      expect(after.refreshToken).not.toBe(before.refreshToken);
      expect(control().tokenIsLive(before.refreshToken)).toBe(false);
    } else {
      expect(after.refreshToken).toBe(before.refreshToken);
    }
    // A restart right now finds a working connection, and refreshes with the refresh token the vault kept: after a
    // rotation the new one, never the one the provider already retired.
    clock.advance(c.accessLifetimeMs);
    await expect(newConnector().accessToken()).resolves.toEqual(expect.any(String));
    expect(tokenRequests('refresh_token').map((r) => r.form?.['refresh_token'])).toEqual([before.refreshToken, after.refreshToken]);
    expect(tokenRequests('refresh_token').map((r) => r.status)).toEqual([200, 200]);
  });

  it(c.revokes ? 'disconnect revokes at the provider and forgets locally' : 'disconnect forgets locally (no revocation endpoint)', async () => {
    const { connector } = await connect();
    const { accessToken, refreshToken } = stored();

    await expect(connector.disconnect()).resolves.toEqual({ revokedAtProvider: c.revokes });

    expect(control().tokenIsLive(accessToken)).toBe(!c.revokes);
    expect(control().tokenIsLive(refreshToken)).toBe(!c.revokes);
    expect(vault.entries.size).toBe(0);
    expect(await newConnector().restore()).toBeNull();
    await expect(connector.accessToken()).rejects.toBeInstanceOf(ConnectionLostError);
  });

  it('reports ConnectionLostError on the next use after the person revokes the app at the provider', async () => {
    const { connector } = await connect();
    control().revoke(c.account);
    clock.advance(c.accessLifetimeMs);

    await expect(connector.accessToken()).rejects.toEqual(new ConnectionLostError(c.provider, 'invalid_grant'));
  });

  it('refreshes at once when an API rejected the current token, and so learns of a revocation', async () => {
    const { connector } = await connect();
    const token = await connector.accessToken();
    control().revoke(c.account);

    connector.tokenRejected(token);

    await expect(connector.accessToken()).rejects.toBeInstanceOf(ConnectionLostError);
  });
});

describe('OAuth2Connector: Zoom specifics', () => {
  const zoom = CASES[0];
  if (!zoom) throw new Error('zoom case missing');

  it('calls the API host the token response names (api_url)', async () => {
    const connector = new OAuth2Connector(zoomProfile({ ...requireBlock(config.zoom), apiBaseUrl: 'https://api.zoom.invalid/v2' }), {
      vault: new MemoryVault(),
      clock: { now: clock.now },
      log: silentLogger,
    });
    // The account lookup itself only works because api_url overrides the (unreachable) configured host.
    const grant = await connector.authorize({ wanted: zoom.wanted, added: zoom.wanted }, new ScriptedBrowser({ account: zoom.account }), new AbortController().signal);
    expect(grant.account.username).toBe(zoom.account);
    expect(await connector.apiBaseUrl()).toBe(`${sandbox.urls['zoom-api']}/v2`);
  });

  it('keeps the rotated refresh token when the vault write fails once: the next call saves it before handing out a token', async () => {
    const vault = new MemoryVault();
    const deps = { vault, clock: { now: clock.now }, log: silentLogger };
    const connector = new OAuth2Connector(zoomProfile(requireBlock(config.zoom)), deps);
    await connector.authorize({ wanted: zoom.wanted, added: zoom.wanted }, new ScriptedBrowser({ account: zoom.account }), new AbortController().signal);
    clock.advance(HOUR);
    const write = vault.write.bind(vault);
    vault.write = async () => {
      vault.write = write;
      throw new Error('disk full');
    };

    await expect(connector.accessToken()).rejects.toThrow('disk full');
    const token = await connector.accessToken();

    const record = JSON.parse(vault.entries.get('zoom.tokens') ?? '{}') as StoredConnection;
    expect(record.accessToken).toBe(token);
    expect(sandbox.control.zoom.tokenIsLive(record.refreshToken)).toBe(true);
    clock.advance(HOUR);
    await expect(new OAuth2Connector(zoomProfile(requireBlock(config.zoom)), deps).accessToken()).resolves.toEqual(expect.any(String));
  });
});
