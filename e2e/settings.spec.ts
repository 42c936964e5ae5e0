import type { Page } from '@playwright/test';
import { hashPin } from '../src/main/config/admin-pin';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxKioskConfig, type RunningKiosk } from './harness/kiosk';
import { approveShownDeviceCode } from './harness/sign-in';
import type { Sandbox } from './sandbox';

const ROOM = 'boardroom4@contoso.com';
const PIN = '2468';

async function openSettings(page: Page, pin = PIN): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK' }).click();
}

function feature(page: Page, id: string) {
  return page.locator(`[data-feature="${id}"]`);
}

function consentRequests(sandbox: Sandbox): string[][] {
  return sandbox.control
    .requests({ service: 'entra' })
    .filter((r) => r.path.endsWith('/devicecode'))
    .map((r) => [...(r.scopes ?? [])].sort());
}

async function signedInKiosk(page: Page, sandbox: Sandbox, launch: (c: Record<string, unknown>, d?: string) => Promise<RunningKiosk>, extra: Record<string, unknown> = {}) {
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), admin: { pinHash: await hashPin(PIN) }, ...extra };
  const kiosk = await launch(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  return { config, kiosk };
}

test('settings sit behind the admin PIN and explain every feature’s scopes before consent', async ({ page, sandbox, launchKiosk }) => {
  await signedInKiosk(page, sandbox, launchKiosk);
  await openSettings(page, '1111');
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN. 4 tries left.');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await openSettings(page);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  const calendar = feature(page, 'microsoft.calendar');
  await expect(calendar.getByRole('switch')).toBeChecked();
  await expect(calendar.getByRole('switch')).toBeDisabled();
  await expect(calendar).toContainText('Managed by your organization');
  await expect(calendar.getByRole('listitem').filter({ hasText: 'Calendars.Read.Shared' })).toBeVisible();
  const links = feature(page, 'microsoft.meeting-links');
  await expect(links.getByRole('switch')).not.toBeChecked();
  await expect(links.getByRole('listitem').filter({ hasText: 'Mail.Read' })).toBeVisible();
  await expect(links).toContainText('Why:');
  await expect(page.getByTestId('connection-microsoft')).toContainText('Connected as Boardroom 4');
  await expect(page.locator('[data-provider="zoom"]')).toContainText('Not configured on this kiosk');
  for (const always of ['microsoft.sign-in', 'microsoft.offline']) await expect(feature(page, always)).toHaveAttribute('data-state', 'on');
  await screenshot(page, 'settings');
});

test('switching a Microsoft feature on asks for exactly its scope, and a refusal leaves it off with the reason', async ({ page, sandbox, launchKiosk }) => {
  const { config, kiosk } = await signedInKiosk(page, sandbox, launchKiosk);
  await openSettings(page);
  expect(consentRequests(sandbox)).toEqual([['Calendars.Read', 'Calendars.Read.Shared', 'offline_access', 'openid', 'profile']]);

  await feature(page, 'microsoft.meeting-links').getByRole('switch').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Permissions' }).getByRole('listitem')).toHaveText(['Mail.Read']);
  const code = dialog.getByTestId('consent-user-code');
  await expect(code).toBeVisible();
  await screenshot(page, 'settings-consent');
  sandbox.control.approveDeviceCode({ userCode: (await code.textContent()) ?? '', account: ROOM, consent: true });
  await expect(feature(page, 'microsoft.meeting-links')).toHaveAttribute('data-state', 'on');
  expect(consentRequests(sandbox).at(-1)).toEqual(['Mail.Read', 'offline_access', 'openid', 'profile']);
  expect(sandbox.control.grantedScopes(ROOM)).toContain('Mail.Read');

  await feature(page, 'microsoft.directory').getByRole('switch').click();
  const refuse = dialog.getByTestId('consent-user-code');
  await expect(refuse).toBeVisible();
  sandbox.control.approveDeviceCode({ userCode: (await refuse.textContent()) ?? '', account: ROOM, consent: false });
  await expect(feature(page, 'microsoft.directory')).toHaveAttribute('data-state', 'refused');
  await expect(feature(page, 'microsoft.directory')).toContainText('Consent was refused, so this stays off.');
  expect(consentRequests(sandbox).at(-1)).toEqual(['User.ReadBasic.All', 'offline_access', 'openid', 'profile']);
  expect(sandbox.control.grantedScopes(ROOM)).not.toContain('User.ReadBasic.All');
  await screenshot(page, 'settings-refused');

  // Restart: the feature stays on, the refusal stays explained, nobody is asked again.
  await kiosk.stop();
  const again = await launchKiosk(config, kiosk.dataDir);
  await page.goto(again.launchUrl);
  await openSettings(page);
  await expect(feature(page, 'microsoft.meeting-links')).toHaveAttribute('data-state', 'on');
  await expect(feature(page, 'microsoft.directory')).toHaveAttribute('data-state', 'refused');
  expect(consentRequests(sandbox)).toHaveLength(3);

  // Switching off stops using it without asking anything.
  await feature(page, 'microsoft.meeting-links').getByRole('switch').click();
  await expect(feature(page, 'microsoft.meeting-links')).toHaveAttribute('data-state', 'off');
  expect(consentRequests(sandbox)).toHaveLength(3);
});

test('an expired refresh token shows on the health screen and is mailed to IT from the room mailbox', async ({ page, sandbox, launchKiosk }) => {
  const features = ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.send-mail'];
  await signedInKiosk(page, sandbox, launchKiosk, { features, health: { mailTo: ['it@contoso.com'] } });
  await openSettings(page);
  await page.getByRole('button', { name: 'Health' }).click();
  await expect(page.getByRole('heading', { name: 'Health', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('health-tokens')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('health-sync')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByRole('listitem')).toHaveCount(7);
  await expect(page.getByTestId('health-mail')).toHaveAttribute('data-mail', 'on');
  await screenshot(page, 'health');

  // Entra refuses every refresh from now on (invalid_grant, as for an expired refresh token).
  sandbox.control.addFault({ service: 'entra', path: '/token$', action: { type: 'oauth', error: 'invalid_grant' } });
  await page.getByRole('button', { name: 'Check now' }).click();
  const tokens = page.getByTestId('health-tokens');
  await expect(tokens).toHaveAttribute('data-status', 'bad');
  await expect(tokens).toContainText('Problem');
  await expect(tokens).toContainText('The sign-in was refused. Sign the room in again.');
  await screenshot(page, 'health-problem');
  const sent = sandbox.control.outbox(ROOM);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ from: ROOM, to: ['it@contoso.com'], subject: 'Roomdeck Boardroom 4: 1 problem(s) need attention' });
  expect(sent[0]!.body).toContain('sign the room in again');

  await page.getByRole('button', { name: 'Back to settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});
