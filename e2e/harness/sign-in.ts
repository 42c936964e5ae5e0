import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Sandbox } from '../sandbox';

/** Signs the kiosk in as IT would from a phone: reads the code off the screen and approves it at the sandbox. */
export async function approveShownDeviceCode(page: Page, sandbox: Sandbox, account: string): Promise<void> {
  const code = page.getByTestId('user-code');
  await expect(code).toBeVisible();
  sandbox.control.approveDeviceCode({ userCode: (await code.textContent()) ?? '', account, consent: true });
}
