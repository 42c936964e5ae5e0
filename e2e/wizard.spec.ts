import type { Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashPin } from '../src/main/config/admin-pin';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleConfig, sandboxKioskConfig } from './harness/kiosk';
import { approveShownDeviceCode } from './harness/sign-in';
import { typePin } from './harness/wizard';

const ROOM = 'boardroom4@contoso.com';

function feature(page: Page, id: string) {
  return page.locator(`[data-feature="${id}"]`);
}

async function openSettings(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await typePin(page, pin);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

/** What a compromised page could send: the api call itself, with the page's own session, bypassing the screens. */
async function rawCall(page: Page, name: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([call, body]) => (await fetch(`/api/call/${call}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json(),
    [name, input] as const,
  );
}

test('first configuration without a policy: every step in order, with Back, and the choices in force afterwards', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox));
  await page.goto(kiosk.launchUrl);

  await expect(page.getByRole('heading', { name: 'Choose the language' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Step 1 of 8' })).toBeVisible();
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.getByRole('heading', { name: 'Scegli la lingua' })).toBeVisible();
  await screenshot(page, 'wizard-language-it');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'wizard-language');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Check the time zone' })).toBeVisible();
  await expect(page.getByTestId('machine-time')).toContainText('This PC:');
  await page.getByRole('combobox', { name: 'Room time zone' }).selectOption('Asia/Tokyo');
  await screenshot(page, 'wizard-time-zone');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: 'Choose the language' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('combobox', { name: 'Room time zone' })).toHaveValue('Asia/Tokyo');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Set up this room' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Step 3 of 8' })).toBeVisible();
  await expect(page.getByTestId('tenant')).toContainText(sandbox.tenant);
  await screenshot(page, 'wizard-account');
  await page.getByRole('button', { name: 'Sign in with Microsoft 365' }).click();
  await approveShownDeviceCode(page, sandbox, ROOM);

  await expect(page.getByRole('heading', { name: 'Which calendar is this room’s?' })).toBeVisible();
  await page.getByRole('button', { name: /Boardroom 4/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Features and permissions' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: 'Which calendar is this room’s?' })).toBeVisible();
  await page.getByRole('button', { name: /Boardroom 4/ }).first().click();

  // Features: the same switches as the settings, with their scopes; switching one on asks for exactly its scope.
  await expect(page.getByRole('navigation', { name: 'Step 5 of 8' })).toBeVisible();
  await expect(feature(page, 'microsoft.meeting-links').getByRole('listitem').filter({ hasText: 'Mail.Read' })).toBeVisible();
  await screenshot(page, 'wizard-features');
  await feature(page, 'microsoft.meeting-links').getByRole('switch').click();
  const code = page.getByRole('dialog').getByTestId('consent-user-code');
  await expect(page.getByRole('dialog').getByRole('list', { name: 'Permissions' }).getByRole('listitem')).toHaveText(['Mail.Read']);
  sandbox.control.approveDeviceCode({ userCode: (await code.textContent()) ?? '', account: ROOM, consent: true });
  await expect(feature(page, 'microsoft.meeting-links')).toHaveAttribute('data-state', 'on');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
  await page.getByRole('switch', { name: 'Hide meeting subjects' }).click();
  await expect(page.getByRole('switch', { name: 'Hide meeting subjects' })).toBeChecked();
  await screenshot(page, 'wizard-privacy');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Admin PIN' })).toBeVisible();
  await typePin(page, '1357');
  await expect(page.getByText('Enter the same PIN again')).toBeVisible();
  await screenshot(page, 'wizard-pin');
  await typePin(page, '1358');
  await expect(page.getByRole('alert')).toHaveText('The two PINs were different. Enter a new PIN.');
  await typePin(page, '1357');
  await typePin(page, '1357');

  await expect(page.getByRole('heading', { name: 'The room is ready' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Step 8 of 8' })).toBeVisible();
  await screenshot(page, 'wizard-done');
  await page.getByRole('button', { name: 'Show the room' }).click();
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();

  // What the wizard chose is what the settings show, behind the PIN chosen in it.
  await openSettings(page, '1357');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('combobox', { name: 'Room time zone' })).toHaveValue('Asia/Tokyo');
  await expect(page.getByRole('switch', { name: 'Hide meeting subjects' })).toBeChecked();
  await expect(feature(page, 'microsoft.meeting-links')).toHaveAttribute('data-state', 'on');
  await expect(page.getByText('Managed by your organization')).toHaveCount(2); // the install's locked calendar features only
});

test('a policy that presets provider, features and PIN skips those steps and greys them in the settings', async ({ page, sandbox, launchKiosk }) => {
  const policy = {
    version: 1,
    room: { provider: 'microsoft' },
    features: { 'microsoft.instant-meeting': 'on', 'microsoft.meeting-links': 'off' },
    admin: { pinHash: await hashPin('8642') },
  };
  const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox), google: sandboxGoogleConfig(sandbox) }, undefined, policy);
  await page.goto(kiosk.launchUrl);

  await expect(page.getByRole('heading', { name: 'Choose the language' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Step 1 of 6' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  // Provider preset: only Microsoft 365 is offered, and the screen says who decided.
  await expect(page.getByRole('heading', { name: 'Set up this room' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in with Google Workspace' })).toHaveCount(0);
  await expect(page.getByText('Managed by your organization')).toBeVisible();
  await screenshot(page, 'wizard-account-managed');
  await page.getByRole('button', { name: 'Sign in with Microsoft 365' }).click();
  await approveShownDeviceCode(page, sandbox, ROOM);
  await page.getByRole('button', { name: /Boardroom 4/ }).first().click();

  // Features and PIN preset: straight to privacy, then done.
  await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Step 5 of 6' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Show the room' }).click();
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();

  // The first sign-in already asked for the features the policy switches on, and never for the ones it switches off.
  const asked = sandbox.control.requests({ service: 'entra' }).filter((r) => r.path.endsWith('/devicecode')).flatMap((r) => [...(r.scopes ?? [])]);
  expect(asked).toContain('Calendars.ReadWrite');
  expect(asked).not.toContain('Mail.Read');

  await openSettings(page, '8642');
  await expect(page.getByTestId('policy-status')).toContainText('Your organization’s policy is in force');
  await expect(page.getByTestId('other-managed').getByRole('listitem')).toHaveText(['Admin PIN', 'Room account provider']);
  await expect(page.getByTestId('other-managed')).toContainText('Managed by your organization');
  for (const id of ['microsoft.instant-meeting', 'microsoft.meeting-links']) {
    await expect(feature(page, id).getByRole('switch')).toBeDisabled();
    await expect(feature(page, id)).toContainText('Managed by your organization');
  }
  await expect(feature(page, 'microsoft.instant-meeting')).toHaveAttribute('data-state', 'on');
  await expect(feature(page, 'microsoft.meeting-links')).toHaveAttribute('data-state', 'off');
  await screenshot(page, 'settings-managed');

  // A page that skips the greyed switch and calls the api itself is refused as well.
  expect(await rawCall(page, 'settings.setFeature', { feature: 'microsoft.meeting-links', enabled: true })).toMatchObject({ ok: false, error: { code: 'feature-managed' } });
  expect(await rawCall(page, 'settings.setRoom', { pin: '1111' })).toMatchObject({ ok: false, error: { code: 'setting-managed' } });
  await expect(feature(page, 'microsoft.meeting-links')).toHaveAttribute('data-state', 'off');
});

test('a bad policy file is shown to the admin and logged while the kiosk keeps the last good one and keeps working', async ({ page, sandbox, launchKiosk }) => {
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), admin: { pinHash: await hashPin('2468') } };
  const kiosk = await launchKiosk(config, undefined, { version: 1, privacy: { hideOrganizers: true } });
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();

  // IT pushes a file with a misspelt key.
  await writeFile(kiosk.policyPath, '{\n  "version": 1,\n  "privacy": {\n    "hideSubject": true\n  }\n}\n');
  await expect.poll(async () => readFile(join(kiosk.dataDir, 'roomdeck.log'), 'utf8'), { timeout: 15_000 }).toContain('"event":"policy.bad"');

  await expect(page.locator('.agenda__item').first()).toBeVisible();
  await openSettings(page, '2468');
  const status = page.getByTestId('policy-status');
  await expect(status).toContainText('has problems');
  await expect(status).toContainText('privacy.hideSubject (line 4): unknown setting');
  await expect(status).toContainText('The last good policy stays in force.');
  const organizers = page.getByRole('switch', { name: 'Hide organizer names' });
  await expect(organizers).toBeChecked();
  await expect(organizers).toBeDisabled();
  await screenshot(page, 'settings-policy-bad');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
});
