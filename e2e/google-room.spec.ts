import { consentInPopup } from './harness/browser-consent';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleConfig, sandboxKioskConfig } from './harness/kiosk';
import { finishWizard, wizardToSignIn } from './harness/wizard';

const G = (scope: string) => `https://www.googleapis.com/auth/${scope}`;

test('a Google Workspace room signs in through the browser and reaches the same home screen', async ({ page, sandbox, launchKiosk }) => {
  const config = {
    ...sandboxKioskConfig(sandbox, { timeZone: 'Europe/Rome' }),
    google: sandboxGoogleConfig(sandbox),
    features: ['google.sign-in', 'google.calendar'],
  };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await wizardToSignIn(page);
  await expect(page.getByRole('button', { name: 'Sign in with Microsoft 365' })).toBeVisible();
  const signIn = page.getByRole('button', { name: 'Sign in with Google Workspace' });
  const consent = consentInPopup(page, sandbox.google.roomAccount, 'Accept', 'google-consent');
  await signIn.click();
  await consent;

  await expect(page.getByRole('heading', { name: 'Which calendar is this room’s?' })).toBeVisible();
  await page.getByRole('button', { name: /Atlas/ }).filter({ hasText: 'resource.calendar.google.com' }).first().click();
  await finishWizard(page);
  await expect(page.locator('[data-status]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Atlas');
  await expect(page.locator('.agenda__list [data-provider]').first()).toBeVisible();
  await screenshot(page, 'home-google-room');

  const authorize = sandbox.control.requests({ service: 'google-oauth' }).filter((r) => r.method === 'GET' && r.scopes);
  expect(authorize).toHaveLength(1);
  expect([...(authorize[0]?.scopes ?? [])].sort()).toEqual([G('calendar.readonly'), G('userinfo.email'), 'openid'].sort());
  expect(authorize[0]?.query['include_granted_scopes']).toBe('true');
  expect(authorize[0]?.query['code_challenge_method']).toBe('S256');

  // Restart: the Google grant is restored from the vault; nobody is asked again.
  await kiosk.stop();
  const again = await launchKiosk(config, kiosk.dataDir);
  await page.goto(again.launchUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Atlas');
  expect(sandbox.control.requests({ service: 'google-oauth' }).filter((r) => r.method === 'GET' && r.scopes)).toHaveLength(1);
});

test('Cancel on Google’s consent page brings the kiosk back to setup, saying it was declined', async ({ page, sandbox, launchKiosk }) => {
  const config = { ...sandboxKioskConfig(sandbox), google: sandboxGoogleConfig(sandbox), features: ['google.sign-in', 'google.calendar'] };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await wizardToSignIn(page);
  const consent = consentInPopup(page, sandbox.google.roomAccount, 'Cancel');
  await page.getByRole('button', { name: 'Sign in with Google Workspace' }).click();
  await consent;
  await expect(page.getByRole('alert')).toContainText('declined');
});
