import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxKioskConfig } from './harness/kiosk';
import { upcomingToday } from './harness/room-truth';
import { finishWizard, wizardToSignIn } from './harness/wizard';

const ROOM = 'boardroom4@contoso.com';
const SIGN_IN_SCOPES = ['Calendars.Read', 'Calendars.Read.Shared', 'offline_access', 'openid', 'profile'];

/** Completes the device-code sign-in the way IT would: on another device, through the sandbox's verification page. */
async function approveOnPhone(page: Page, verificationUri: string, userCode: string, account: string, accept = true): Promise<void> {
  const phone = await page.context().newPage();
  await phone.goto(verificationUri);
  await phone.getByLabel('Code').fill(userCode);
  await phone.getByRole('button', { name: 'Next' }).click();
  await phone.getByRole('button', { name: account }).click();
  await screenshot(phone, 'sandbox-consent');
  await phone.getByRole('button', { name: accept ? 'Accept' : 'Cancel' }).click();
  await phone.getByText(accept ? 'You’re signed in' : 'Sign-in cancelled').or(phone.getByText(accept ? "You're signed in" : 'Sign-in cancelled')).first().waitFor();
  // Left open on purpose: closing a page can take long on a loaded machine, and the test's context is discarded anyway.
}

async function signInFromSetup(page: Page, account: string, accept = true): Promise<void> {
  await wizardToSignIn(page);
  await page.getByRole('button', { name: 'Sign in with Microsoft 365' }).click();
  const code = page.getByTestId('user-code');
  await expect(code).toBeVisible();
  await screenshot(page, 'setup-device-code');
  const uri = (await page.getByTestId('verification-uri').textContent()) ?? '';
  await approveOnPhone(page, uri, (await code.textContent()) ?? '', account, accept);
}


test('first run: device-code sign-in, calendar choice, agenda, Join, restart keeps the session', async ({ page, sandbox, context, launchKiosk }) => {
  const config = sandboxKioskConfig(sandbox);
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await signInFromSetup(page, ROOM);
  await expect(page.getByRole('heading', { name: 'Which calendar is this room’s?' })).toBeVisible();
  await screenshot(page, 'choose-calendar');
  await page.getByRole('button', { name: /Boardroom 4/ }).first().click();
  await finishWizard(page);

  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  const expected = upcomingToday(sandbox, ROOM);
  expect(expected.length, 'the seed keeps meetings ahead of now').toBeGreaterThan(0);
  for (const meeting of expected) {
    const shown = meeting.isPrivate ? 'Private meeting' : (meeting.subject ?? '');
    await expect(page.locator('.agenda__list').getByText(shown, { exact: true }).first()).toBeVisible();
  }
  for (const hidden of expected.filter((m) => m.isPrivate)) {
    await expect(page.getByText(hidden.subject ?? '', { exact: true })).toHaveCount(0);
  }
  await expect(page.locator('[data-status]')).toBeVisible();
  await screenshot(page, 'home');

  // The sign-in asked for exactly the skeleton's scopes: sign-in + calendar, nothing more.
  const authRequests = sandbox.control.requests({ service: 'entra' }).filter((r) => r.path.endsWith('/devicecode'));
  expect(authRequests).toHaveLength(1);
  expect([...(authRequests[0]?.scopes ?? [])].sort()).toEqual(SIGN_IN_SCOPES);

  // Join opens the Teams link of the invitation, in a new window.
  const teams = expected.find((m) => m.joinUrl);
  expect(teams, 'the seed has a Teams meeting still to come today').toBeTruthy();
  await context.route(/teams\.microsoft\.com/, (route) => route.fulfill({ body: '<title>Teams</title>joined', contentType: 'text/html' }));
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: `Join ${teams?.subject ?? ''}` }).first().click();
  expect((await popup).url()).toBe(teams?.joinUrl);

  // Restart: the token cache and the calendar choice survive, no new sign-in.
  await kiosk.stop();
  const again = await launchKiosk(config, kiosk.dataDir);
  await page.goto(again.launchUrl);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  expect(sandbox.control.requests({ service: 'entra' }).filter((r) => r.path.endsWith('/devicecode'))).toHaveLength(1);
});

test('a revoked refresh token shows "sign in again" and keeps the agenda on screen', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox, { calendarOwner: ROOM, pollSeconds: 2, timeZone: 'Europe/Rome' }));
  await page.goto(kiosk.launchUrl);
  await signInFromSetup(page, ROOM);
  await finishWizard(page);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  const firstSubject = upcomingToday(sandbox, ROOM).find((m) => !m.isPrivate)?.subject ?? '';

  sandbox.control.revoke(ROOM);
  await expect(page.getByTestId('sign-in-needed')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(firstSubject).first()).toBeAttached();
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await screenshot(page, 'home-sign-in-needed');
});

test('consent refused on the phone brings the kiosk back to setup with a clear message', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox));
  await page.goto(kiosk.launchUrl);
  await signInFromSetup(page, ROOM, false);
  await expect(page.getByRole('alert')).toContainText('declined');
  await expect(page.getByRole('button', { name: 'Sign in with Microsoft 365' })).toBeVisible();
  await screenshot(page, 'setup-declined');
});

test('Cancel on the device-code screen returns to setup', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox));
  await page.goto(kiosk.launchUrl);
  await wizardToSignIn(page);
  await page.getByRole('button', { name: 'Sign in with Microsoft 365' }).click();
  await expect(page.getByTestId('user-code')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('cancelled', { timeout: 10_000 });
});
