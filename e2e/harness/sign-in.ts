import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Sandbox } from '../sandbox';
import { sandboxKioskConfig } from './kiosk';
import { freeRoomNow } from './room-truth';

/** Signs the kiosk in as IT would from a phone: reads the code off the screen and approves it at the sandbox. */
export async function approveShownDeviceCode(page: Page, sandbox: Sandbox, account: string): Promise<void> {
  const code = page.getByTestId('user-code');
  await expect(code).toBeVisible();
  sandbox.control.approveDeviceCode({ userCode: (await code.textContent()) ?? '', account, consent: true });
}

/**
 * A Microsoft room on its home screen, free now, with these features on (managed): the kiosk starts, signs Boardroom
 * 4 in through the device code shown, and lands on the room's agenda.
 */
export async function startFreeMicrosoftRoom(
  page: Page,
  sandbox: Sandbox,
  launchKiosk: (config: Record<string, unknown>) => Promise<{ launchUrl: string }>,
  room: string,
  features: string[],
): Promise<void> {
  freeRoomNow(sandbox, room);
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: room, pollSeconds: 2, timeZone: 'Europe/Rome' }), features };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, room);
}
