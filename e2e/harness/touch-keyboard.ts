import type { Locator } from '@playwright/test';
import { expect } from '@playwright/test';

/** Types on the on-screen keyboard, key by key, as a finger would (Clear first). */
export async function typeOnKeyboard(invite: Locator, text: string): Promise<void> {
  const keyboard = invite.getByTestId('touch-keyboard');
  await keyboard.getByRole('button', { name: 'Clear' }).click();
  for (const char of text) await keyboard.getByRole('button', { name: char === ' ' ? 'Space' : char, exact: true }).click();
}

/** Finds someone through the keyboard and taps their row. */
export async function pick(invite: Locator, query: string, name: string): Promise<void> {
  await typeOnKeyboard(invite, query);
  const row = invite.getByRole('list', { name: 'People found' }).getByRole('button', { name: new RegExp(name) });
  await row.click();
  await expect(row).toHaveAttribute('aria-pressed', 'true');
}
