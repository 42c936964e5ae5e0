import type { Page } from '@playwright/test';
import { hashPin } from '../src/main/config/admin-pin';
import { featuresOf } from '../src/shared/features';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleConfig, sandboxKioskConfig, sandboxOAuthProvidersConfig, type RunningKiosk } from './harness/kiosk';
import { consentInPopup } from './harness/browser-consent';
import { openSettings, switchOn } from './harness/settings';
import { approveShownDeviceCode } from './harness/sign-in';
import { finishWizard, wizardToSignIn } from './harness/wizard';
import type { Sandbox, ServiceName } from './sandbox';

const ROOM = 'boardroom4@contoso.com';
const PIN = '2468';
const G = (scope: string) => `https://www.googleapis.com/auth/${scope}`;

type Provider = 'google' | 'zoom' | 'webex' | 'dropbox';

interface Step {
  feature: string;
  /** Exactly what the authorize request must ask for: Google is incremental, the others ask for the union. */
  asks: string[];
}

/** Each feature switched on in turn, and the scope set the provider must see for it — no more. */
const PLANS: Record<Provider, { account: string; authService: ServiceName; steps: Step[] }> = {
  google: {
    account: 'room.atlas@fabrikam.example',
    authService: 'google-oauth',
    steps: [
      { feature: 'google.calendar', asks: ['openid', G('userinfo.email'), G('calendar.readonly')] },
      { feature: 'google.instant-meeting', asks: [G('calendar.events')] },
      { feature: 'google.directory', asks: [G('directory.readonly')] },
      { feature: 'google.files', asks: [G('drive.file')] },
      { feature: 'google.files-browse', asks: [G('drive')] },
      { feature: 'google.send-mail', asks: [G('gmail.send')] },
    ],
  },
  zoom: {
    account: 'room.zoom@contoso.com',
    authService: 'zoom',
    steps: [
      { feature: 'zoom.instant-meeting', asks: ['user:read:user', 'meeting:write:meeting', 'meeting:read:list_meetings', 'meeting:delete:meeting'] },
      { feature: 'zoom.directory', asks: ['user:read:user', 'meeting:write:meeting', 'meeting:read:list_meetings', 'meeting:delete:meeting', 'contact:read:list_contacts'] },
    ],
  },
  webex: {
    account: 'room.webex@contoso.com',
    authService: 'webex',
    steps: [
      { feature: 'webex.overlap-check', asks: ['openid', 'email', 'profile', 'meeting:schedules_read'] },
      { feature: 'webex.instant-meeting', asks: ['openid', 'email', 'profile', 'meeting:schedules_read', 'meeting:schedules_write'] },
      { feature: 'webex.directory', asks: ['openid', 'email', 'profile', 'meeting:schedules_read', 'meeting:schedules_write', 'spark:people_read'] },
      { feature: 'webex.participants', asks: ['openid', 'email', 'profile', 'meeting:schedules_read', 'meeting:schedules_write', 'spark:people_read', 'meeting:participants_read'] },
      {
        feature: 'webex.meeting-controls',
        asks: ['openid', 'email', 'profile', 'meeting:schedules_read', 'meeting:schedules_write', 'spark:people_read', 'meeting:participants_read', 'meeting:controls_read'],
      },
      {
        feature: 'webex.web-client',
        asks: ['openid', 'email', 'profile', 'meeting:schedules_read', 'meeting:schedules_write', 'spark:people_read', 'meeting:participants_read', 'meeting:controls_read', 'spark:all'],
      },
    ],
  },
  dropbox: {
    account: 'room.dropbox@contoso.com',
    authService: 'dropbox-api',
    steps: [{ feature: 'dropbox.files', asks: ['account_info.read', 'files.metadata.read', 'files.content.read', 'files.content.write'] }],
  },
};

function grantedAtProvider(sandbox: Sandbox, provider: Provider, account: string): string[] {
  return provider === 'google' ? sandbox.control.google.grantedScopes(account) : sandbox.control[provider].grantedScopes(account);
}

function tokenIsLive(sandbox: Sandbox, provider: Provider, token: string): boolean {
  return provider === 'google' ? sandbox.control.google.tokenIsLive(token) : sandbox.control[provider].tokenIsLive(token);
}

/** The revocation calls the kiosk made, and the token each named where the provider takes it in the form. */
function revocations(sandbox: Sandbox, service: ServiceName): { status: number | null; token: string | null }[] {
  return sandbox.control
    .requests({ service })
    .filter((r) => r.method === 'POST' && /\/revoke$/.test(r.path))
    .map((r) => ({ status: r.status, token: r.form?.['token'] ?? r.query['token'] ?? null }));
}

function authorizeRequests(sandbox: Sandbox, service: ServiceName): string[][] {
  return sandbox.control
    .requests({ service })
    .filter((r) => r.method === 'GET' && r.scopes && /authorize|\/auth$/.test(r.path))
    .map((r) => [...(r.scopes ?? [])].sort());
}

async function kioskWithEverything(page: Page, sandbox: Sandbox, launch: (c: Record<string, unknown>, d?: string) => Promise<RunningKiosk>) {
  const config = {
    ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }),
    google: sandboxGoogleConfig(sandbox),
    ...sandboxOAuthProvidersConfig(sandbox),
    admin: { pinHash: await hashPin(PIN) },
  };
  const kiosk = await launch(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  return { config, kiosk };
}

test('the plans switch on every feature that has a switch, so a new catalog entry cannot go untested', () => {
  for (const provider of Object.keys(PLANS) as Provider[]) {
    const switchable = featuresOf(provider).filter((f) => !f.alwaysOn).map((f) => f.id);
    expect(PLANS[provider].steps.map((s) => s.feature).sort(), provider).toEqual(switchable.sort());
  }
});

for (const provider of Object.keys(PLANS) as Provider[]) {
  const plan = PLANS[provider];
  test(`${provider}: each feature asks for exactly its scopes when switched on; disconnect revokes`, async ({ page, sandbox, launchKiosk }) => {
    await kioskWithEverything(page, sandbox, launchKiosk);
    await openSettings(page, PIN);
    await expect(page.getByTestId(`connection-${provider}`)).toHaveText('Not connected');

    const first = plan.steps[0];
    if (!first) throw new Error('plan has no steps');
    await switchOn(page, first.feature, plan.account, 'Cancel');
    await expect(page.locator(`[data-feature="${first.feature}"]`)).toContainText('Consent was refused, so this stays off.');
    expect(grantedAtProvider(sandbox, provider, plan.account)).toEqual([]);

    for (const [i, step] of plan.steps.entries()) {
      await switchOn(page, step.feature, plan.account);
      // +1: the refused request above is the first one in the log.
      expect(authorizeRequests(sandbox, plan.authService)[i + 1], step.feature).toEqual([...step.asks].sort());
    }
    await expect(page.getByTestId(`connection-${provider}`)).toContainText(`(${plan.account})`);
    // The connection holds exactly what the switched-on features asked for, and the screen says so.
    const held = [...new Set(plan.steps.flatMap((s) => s.asks))].sort();
    await expect(page.getByTestId(`granted-${provider}`).getByRole('listitem')).toHaveText(held);
    await page.locator(`[data-provider="${provider}"]`).evaluate((block) => block.scrollIntoView({ block: 'start' }));
    await screenshot(page, `settings-${provider}-connected`);

    await page.locator(`[data-provider="${provider}"]`).getByRole('button', { name: /^Disconnect / }).click();
    await expect(page.getByTestId(`connection-${provider}`)).toHaveText('Not connected');
    for (const step of plan.steps) await expect(page.locator(`[data-feature="${step.feature}"]`)).toHaveAttribute('data-state', 'off');
    // Webex has no revoke endpoint: Roomdeck forgets its tokens; the others revoke at the provider, which then
    // holds no live token for the account (Dropbox's revoke names its token in the header, the others in the form).
    if (provider === 'webex') {
      expect(grantedAtProvider(sandbox, provider, plan.account).length).toBeGreaterThan(0);
      return;
    }
    // The last one: Zoom and Dropbox also revoked each narrower grant a wider consent replaced.
    const revoke = revocations(sandbox, plan.authService).at(-1);
    expect(revoke?.status).toBe(200);
    if (revoke?.token) expect(tokenIsLive(sandbox, provider, revoke.token)).toBe(false);
    expect(grantedAtProvider(sandbox, provider, plan.account)).toEqual([]);
  });
}

test('a restart keeps every connection and every feature, asking nobody again', async ({ page, sandbox, launchKiosk }) => {
  const { config, kiosk } = await kioskWithEverything(page, sandbox, launchKiosk);
  await openSettings(page, PIN);
  for (const provider of Object.keys(PLANS) as Provider[]) {
    const step = PLANS[provider].steps[0];
    if (step) await switchOn(page, step.feature, PLANS[provider].account);
  }
  const asked = (Object.keys(PLANS) as Provider[]).map((p) => authorizeRequests(sandbox, PLANS[p].authService).length);

  await kiosk.stop();
  const again = await launchKiosk(config, kiosk.dataDir);
  await page.goto(again.launchUrl);
  await openSettings(page, PIN);
  for (const provider of Object.keys(PLANS) as Provider[]) {
    await expect(page.getByTestId(`connection-${provider}`)).toContainText(PLANS[provider].account);
    const step = PLANS[provider].steps[0];
    if (step) await expect(page.locator(`[data-feature="${step.feature}"]`)).toHaveAttribute('data-state', 'on');
  }
  expect((Object.keys(PLANS) as Provider[]).map((p) => authorizeRequests(sandbox, PLANS[p].authService).length)).toEqual(asked);
});

test('IT pre-configuration: a silent install signs in once, with IT’s app and tenant, asking for exactly the configured features', async ({ page, sandbox, launchKiosk }) => {
  const configured = ['microsoft.calendar', 'microsoft.meeting-links', 'microsoft.instant-meeting', 'microsoft.send-mail'];
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), features: configured, admin: { pinHash: await hashPin(PIN) } };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();

  const signIns = sandbox.control.requests({ service: 'entra' }).filter((r) => r.path.endsWith('/devicecode'));
  expect(signIns).toHaveLength(1);
  expect(signIns[0]?.path).toBe(`/${sandbox.tenant}/oauth2/v2.0/devicecode`);
  expect(signIns[0]?.form?.['client_id']).toBe(sandbox.clientId);
  expect([...(signIns[0]?.scopes ?? [])].sort()).toEqual(
    ['openid', 'profile', 'offline_access', 'Calendars.Read', 'Calendars.Read.Shared', 'Mail.Read', 'Calendars.ReadWrite', 'Calendars.ReadWrite.Shared', 'OnlineMeetings.ReadWrite', 'Mail.Send'].sort(),
  );

  await openSettings(page, PIN);
  for (const id of configured) {
    await expect(page.locator(`[data-feature="${id}"]`)).toHaveAttribute('data-state', 'on');
    await expect(page.locator(`[data-feature="${id}"]`).getByRole('switch')).toBeDisabled();
  }
  await expect(page.locator('[data-feature="microsoft.directory"]')).toHaveAttribute('data-state', 'off');
  await expect(page.getByTestId('connect-microsoft')).toHaveCount(0);
});

test('IT pre-configuration of Zoom and Google: Connect shows and asks for exactly the locked features’ scopes; a refusal says why', async ({ page, sandbox, launchKiosk }) => {
  const config = {
    ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }),
    google: sandboxGoogleConfig(sandbox),
    ...sandboxOAuthProvidersConfig(sandbox),
    features: ['microsoft.sign-in', 'microsoft.calendar', 'zoom.instant-meeting', 'google.directory'],
    admin: { pinHash: await hashPin(PIN) },
  };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  await openSettings(page, PIN);

  // Locked on by IT, so no switch to tap: the Connect button names what it will ask for before anyone is asked.
  const meetNow = page.locator('[data-feature="zoom.instant-meeting"]');
  await expect(meetNow.getByRole('switch')).toBeDisabled();
  await expect(meetNow).toHaveAttribute('data-state', 'off');
  const zoomAsks = ['meeting:delete:meeting', 'meeting:read:list_meetings', 'meeting:write:meeting', 'user:read:user'];
  await expect(page.getByTestId('connect-zoom').getByRole('listitem')).toHaveText(zoomAsks);
  await expect(page.getByTestId('connect-dropbox').getByRole('listitem')).toHaveText(['account_info.read']);
  await page.getByTestId('connect-zoom').scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-managed-connect');

  const refused = consentInPopup(page, PLANS.zoom.account, 'Cancel');
  await page.getByRole('button', { name: 'Connect Zoom' }).click();
  await refused;
  await expect(page.locator('[data-feature="zoom.sign-in"]')).toContainText('Consent was refused, so this stays off.');
  await expect(meetNow).toHaveAttribute('data-state', 'off');

  const accepted = consentInPopup(page, PLANS.zoom.account, 'Accept');
  await page.getByRole('button', { name: 'Connect Zoom' }).click();
  await accepted;
  await expect(meetNow).toHaveAttribute('data-state', 'on');
  await expect(page.locator('[data-feature="zoom.sign-in"]')).toHaveAttribute('data-state', 'on');
  await expect(page.getByTestId('connect-zoom')).toHaveCount(0);
  expect(authorizeRequests(sandbox, 'zoom')).toEqual([zoomAsks, zoomAsks]);

  // Google is incremental, and its first consent is the sign-in with the locked directory search.
  const googleAsks = [G('directory.readonly'), G('userinfo.email'), 'openid'].sort();
  await expect(page.getByTestId('connect-google').getByRole('listitem')).toHaveText(googleAsks);
  const google = consentInPopup(page, PLANS.google.account, 'Accept');
  await page.getByRole('button', { name: 'Connect Google Workspace' }).click();
  await google;
  await expect(page.locator('[data-feature="google.directory"]')).toHaveAttribute('data-state', 'on');
  expect(authorizeRequests(sandbox, 'google-oauth')).toEqual([googleAsks]);
});

test('a Microsoft room signs in through the browser on this PC (msal interactive, PKCE) and reaches the home screen', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox));
  await page.goto(kiosk.launchUrl);
  await wizardToSignIn(page);
  const consent = consentInPopup(page, ROOM, 'Accept', 'microsoft-consent');
  await page.getByRole('button', { name: 'Use a browser on this PC instead' }).click();
  await consent;
  await page.getByRole('button', { name: /Boardroom 4/ }).first().click();
  await finishWizard(page);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();

  const entra = sandbox.control.requests({ service: 'entra' });
  const authorize = entra.filter((r) => r.method === 'GET' && r.path.endsWith('/authorize'));
  expect(authorize).toHaveLength(1);
  expect(authorize[0]?.path).toBe(`/${sandbox.tenant}/oauth2/v2.0/authorize`);
  expect(authorize[0]?.query).toMatchObject({ client_id: sandbox.clientId, code_challenge_method: 'S256', response_mode: 'form_post' });
  expect([...(authorize[0]?.scopes ?? [])].sort()).toEqual(['Calendars.Read', 'Calendars.Read.Shared', 'offline_access', 'openid', 'profile']);
  const redeemed = entra.filter((r) => r.grantType === 'authorization_code');
  expect(redeemed).toHaveLength(1);
  expect(redeemed[0]?.form?.['code_verifier']).toMatch(/^[\w-]{43,128}$/);
  expect(redeemed[0]?.status).toBe(200);
  expect(entra.filter((r) => r.path.endsWith('/devicecode'))).toEqual([]);
});
