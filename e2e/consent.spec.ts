import type { Page } from '@playwright/test';
import { hashPin } from '../src/main/config/admin-pin';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleConfig, sandboxKioskConfig, sandboxOAuthProvidersConfig, type RunningKiosk } from './harness/kiosk';
import { openSettings, switchOn } from './harness/settings';
import { approveShownDeviceCode } from './harness/sign-in';
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
    await screenshot(page, `settings-${provider}-connected`);

    await page.locator(`[data-provider="${provider}"]`).getByRole('button', { name: /^Disconnect / }).click();
    await expect(page.getByTestId(`connection-${provider}`)).toHaveText('Not connected');
    for (const step of plan.steps) await expect(page.locator(`[data-feature="${step.feature}"]`)).toHaveAttribute('data-state', 'off');
    // Webex has no revoke endpoint: Roomdeck forgets its tokens; the others revoke at the provider.
    if (provider === 'webex') expect(grantedAtProvider(sandbox, provider, plan.account).length).toBeGreaterThan(0);
    else expect(grantedAtProvider(sandbox, provider, plan.account)).toEqual([]);
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
