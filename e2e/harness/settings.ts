import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { consentInPopup } from './browser-consent';

/** Opens the settings behind the admin PIN, tapping its digits as IT would. */
export async function openSettings(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

/** Switches a feature on in the open settings and answers the provider's consent page in the tab it opens. */
export async function switchOn(page: Page, feature: string, account: string, decision: 'Accept' | 'Cancel' = 'Accept'): Promise<void> {
  const consent = consentInPopup(page, account, decision);
  await page.locator(`[data-feature="${feature}"]`).getByRole('switch').click();
  await consent;
  await expect(page.locator(`[data-feature="${feature}"]`)).toHaveAttribute('data-state', decision === 'Accept' ? 'on' : 'refused');
}
