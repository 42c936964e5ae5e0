import type { Page } from '@playwright/test';
import { hashPin } from '../src/main/config/admin-pin';
import { featuresOf } from '../src/shared/features';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxKioskConfig, type KioskConfigOverrides, type RunningKiosk } from './harness/kiosk';
import { approveShownDeviceCode } from './harness/sign-in';
import { typePin } from './harness/wizard';
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

async function signedInKiosk(
  page: Page,
  sandbox: Sandbox,
  launch: (c: Record<string, unknown>, d?: string) => Promise<RunningKiosk>,
  extra: Record<string, unknown> = {},
  overrides: KioskConfigOverrides = {},
) {
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, ...overrides }), admin: { pinHash: await hashPin(PIN) }, ...extra };
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

  // In Italian the feature, why and how are Italian too; the scopes are the provider's words, as they are.
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(links).toContainText('Trovare i link di oltre 20 servizi di riunione');
  await expect(links).toContainText('Perché: Le caselle delle sale spesso tolgono il testo');
  await expect(links.getByRole('listitem')).toHaveText(['Mail.Read']);
  await links.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-it');
});

test('wrong PINs count down in plain words, and five lock the settings even against the right PIN', async ({ page, sandbox, launchKiosk }) => {
  await signedInKiosk(page, sandbox, launchKiosk);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Admin PIN', level: 1 })).toBeVisible();
  const ok = page.getByRole('button', { name: 'OK' });
  for (const digit of '246') await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(ok).toBeDisabled();
  await expect(page.getByLabel('3 digits entered')).toBeVisible();
  await page.getByRole('button', { name: 'Delete last digit' }).click();
  await expect(page.getByLabel('2 digits entered')).toBeVisible();
  await page.getByRole('button', { name: 'Delete last digit' }).click();
  await page.getByRole('button', { name: 'Delete last digit' }).click();

  const alert = page.getByRole('alert');
  for (const left of ['4 tries left.', '3 tries left.', '2 tries left.']) {
    await typePin(page, '1111');
    await expect(alert).toHaveText(`Wrong PIN. ${left}`);
  }
  await typePin(page, '1111');
  await expect(alert).toHaveText('Wrong PIN. One more try before the settings lock for a while.');
  await typePin(page, '1111');
  await expect(alert).toHaveText(/^Too many wrong PINs\. Try again after \d{1,2}:\d{2}/);
  await screenshot(page, 'pin-locked');

  await typePin(page, PIN);
  await expect(alert).toHaveText(/^Too many wrong PINs/);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toHaveCount(0);
});

/** Each Microsoft feature with a switch (the calendar comes with the install) and what its consent must ask for. */
const MICROSOFT_STEPS: ReadonlyArray<{ feature: string; asks: string[] }> = [
  { feature: 'microsoft.meeting-links', asks: ['Mail.Read'] },
  { feature: 'microsoft.instant-meeting', asks: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared', 'OnlineMeetings.ReadWrite'] },
  { feature: 'microsoft.send-mail', asks: ['Mail.Send'] },
  { feature: 'microsoft.files', asks: ['Files.ReadWrite.All'] },
  { feature: 'microsoft.directory', asks: ['User.ReadBasic.All'] },
];
/** msal adds these to every request; the person consents to them with the rest. */
const OIDC = ['offline_access', 'openid', 'profile'];

/** Taps a feature's switch and answers the device code its consent dialog shows, after checking what it asks for. */
async function consentOnPhone(page: Page, sandbox: Sandbox, id: string, asks: string[], consent: boolean): Promise<void> {
  await feature(page, id).getByRole('switch').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Permissions' }).getByRole('listitem')).toHaveText(asks);
  const code = dialog.getByTestId('consent-user-code');
  await expect(code).toBeVisible();
  if (id === 'microsoft.meeting-links') await screenshot(page, 'settings-consent');
  sandbox.control.approveDeviceCode({ userCode: (await code.textContent()) ?? '', account: ROOM, consent });
  await expect(feature(page, id)).toHaveAttribute('data-state', consent ? 'on' : 'refused');
}

test('every Microsoft feature asks for exactly its scopes when switched on, a refusal leaves it off with the reason, off stops its use', async ({ page, sandbox, launchKiosk }) => {
  const { config, kiosk } = await signedInKiosk(page, sandbox, launchKiosk, {}, { pollSeconds: 2 });
  await openSettings(page);
  expect(consentRequests(sandbox)).toEqual([['Calendars.Read', 'Calendars.Read.Shared', ...OIDC]]);
  const switchable = featuresOf('microsoft').filter((f) => !f.alwaysOn && f.id !== 'microsoft.calendar').map((f) => f.id);
  expect(MICROSOFT_STEPS.map((s) => s.feature).sort()).toEqual(switchable.sort());

  const accepted = MICROSOFT_STEPS.slice(0, -1);
  const directory = MICROSOFT_STEPS.at(-1);
  for (const step of accepted) {
    await consentOnPhone(page, sandbox, step.feature, step.asks, true);
    expect(consentRequests(sandbox).at(-1), step.feature).toEqual([...step.asks, ...OIDC].sort());
    expect(sandbox.control.grantedScopes(ROOM)).toEqual(expect.arrayContaining(step.asks));
  }

  if (!directory) throw new Error('no steps');
  await consentOnPhone(page, sandbox, directory.feature, directory.asks, false);
  await expect(feature(page, directory.feature)).toContainText('Consent was refused, so this stays off.');
  expect(consentRequests(sandbox).at(-1)).toEqual([...directory.asks, ...OIDC].sort());
  expect(sandbox.control.grantedScopes(ROOM)).not.toContain('User.ReadBasic.All');
  await feature(page, directory.feature).scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-refused');
  const asked = consentRequests(sandbox).length;

  // Restart: the features stay on, the refusal stays explained, nobody is asked again.
  await kiosk.stop();
  const again = await launchKiosk(config, kiosk.dataDir);
  await page.goto(again.launchUrl);
  await openSettings(page);
  for (const step of accepted) await expect(feature(page, step.feature)).toHaveAttribute('data-state', 'on');
  await expect(feature(page, directory.feature)).toHaveAttribute('data-state', 'refused');
  expect(consentRequests(sandbox)).toHaveLength(asked);

  // Invitations are read while the feature is on; switched off, the next calendar reads leave the mailbox alone.
  const graph = (part: string) => sandbox.control.requests({ service: 'graph' }).filter((r) => r.path.includes(part));
  await expect.poll(() => graph('/messages').length).toBeGreaterThan(0);
  await feature(page, 'microsoft.meeting-links').getByRole('switch').click();
  await expect(feature(page, 'microsoft.meeting-links')).toHaveAttribute('data-state', 'off');
  sandbox.control.clearRequests();
  await expect.poll(() => graph('calendarView').length, { timeout: 15_000 }).toBeGreaterThan(1);
  expect(graph('/messages')).toEqual([]);
  expect(consentRequests(sandbox)).toEqual([]);
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
  await expect(page.getByRole('listitem')).toHaveCount(8);
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
