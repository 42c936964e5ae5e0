import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxKioskConfig } from './harness/kiosk';
import { graphUtc, upcomingToday } from './harness/room-truth';
import { approveShownDeviceCode } from './harness/sign-in';

const ROOM = 'boardroom4@contoso.com';

/** What main sends the page for `agenda.get`, fetched as the page itself would (same session cookie). */
async function agendaOnTheWire(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/call/agenda.get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return res.text();
  });
}

test('untouched, the home screen turns ambient (dim clock and status) and one touch wakes it', async ({ page, sandbox, launchKiosk }) => {
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, timeZone: 'Europe/Rome' }), display: { ambientAfterSeconds: 3 } };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  const ambient = page.getByTestId('ambient');
  await expect(ambient).toBeVisible({ timeout: 10_000 });
  await expect(ambient).toContainText('Boardroom 4');
  await expect(ambient).toContainText(/Busy until|Available|Starting soon/);
  await screenshot(page, 'ambient');
  await page.mouse.click(960, 540);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
});

test('in Italian, words and times follow the language IT chose', async ({ page, sandbox, launchKiosk }) => {
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, timeZone: 'Europe/Rome' }), display: { language: 'it' } };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await expect(page.getByRole('heading', { name: 'Accedi dal telefono o dal portatile' })).toBeVisible();
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Oggi' })).toBeVisible();
  await expect(page.locator('[data-status]')).toContainText(/Occupata fino alle \d{2}:\d{2}|Libera|Inizia a breve/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await screenshot(page, 'home-it');
});

test('private subjects, and all subjects when IT hides them, never reach the page', async ({ page, sandbox, launchKiosk }) => {
  const now = Date.now();
  sandbox.control.addEvent(ROOM, {
    subject: 'Reorganisation: who stays',
    sensitivity: 'private',
    start: graphUtc(new Date(now - 60_000)),
    end: graphUtc(new Date(now + 20 * 60_000)),
  });
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }));
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  const upcoming = upcomingToday(sandbox, ROOM);
  const privateOnes = upcoming.filter((m) => m.isPrivate).map((m) => m.subject ?? '');
  expect(privateOnes.length).toBeGreaterThan(0);
  const wire = await agendaOnTheWire(page);
  for (const subject of privateOnes) expect(wire).not.toContain(subject);
  await expect(page.getByText('Private meeting').first()).toBeVisible();

  const hidden = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), privacy: { hideSubjects: true, hideOrganizers: true } });
  await page.goto(hidden.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  await expect(page.locator('.agenda__item').first()).toBeVisible();
  const hiddenWire = await agendaOnTheWire(page);
  for (const m of upcoming) {
    expect(hiddenWire).not.toContain(m.subject ?? '');
    await expect(page.getByText(m.subject ?? '', { exact: true })).toHaveCount(0);
  }
  expect(hiddenWire).not.toContain('Avery Chen');
  await screenshot(page, 'home-hidden-subjects');
});
