import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { screenshot } from './fixtures';
import { finishWizard, wizardToSignIn } from './wizard';

/**
 * Completes a provider's consent page in the browser the kiosk opened (a new tab of the web host), as IT would: pick
 * the account, then Accept or Cancel. Start it before the tap that opens the page.
 */
export async function consentInPopup(page: Page, account: string, decision: 'Accept' | 'Cancel', shot?: string): Promise<void> {
  const popup = await page.waitForEvent('popup');
  const choice = popup.locator(`input[name="account"][value="${account}"]`);
  // Say what the browser shows when the consent page is not there (an OAuth error page, a wrong redirect…).
  await choice.waitFor({ timeout: 15_000 }).catch(async () => {
    throw new Error(`No consent page for ${account} at ${popup.url()}:\n${(await popup.locator('body').innerText()).slice(0, 500)}`);
  });
  await choice.check();
  if (shot) await screenshot(popup, shot);
  await popup.getByRole('button', { name: decision }).click();
  await expect(popup.locator('body')).toContainText(decision === 'Accept' ? 'Signed in' : 'not completed');
  // Left open on purpose: closing a page can take long on a loaded machine, and the test's context is discarded anyway.
}

/**
 * Signs a Google Workspace room in through the first-configuration wizard, consenting in the tab the kiosk opens;
 * the room's calendar is preset in the config, so the wizard goes on to its later steps and the home screen.
 */
export async function signInGoogleRoom(page: Page, account: string): Promise<void> {
  await wizardToSignIn(page);
  const consent = consentInPopup(page, account, 'Accept');
  await page.getByRole('button', { name: 'Sign in with Google Workspace' }).click();
  await consent;
  await finishWizard(page);
}
