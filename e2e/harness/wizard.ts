import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The first-configuration steps before the sign-in (language, time zone), taken with what they suggest. */
export async function wizardToSignIn(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Choose the language' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Check the time zone' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
}

/** Types a PIN on the on-screen pad and confirms it. */
export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK' }).click();
}

/** The steps after the calendar: features and privacy as they are, the admin PIN twice, then the home screen. */
export async function finishWizard(page: Page, pin = '2468'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Features and permissions' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Admin PIN' })).toBeVisible();
  await typePin(page, pin);
  await typePin(page, pin);
  await page.getByRole('button', { name: 'Show the room' }).click();
}
