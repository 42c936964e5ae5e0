import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxKioskConfig } from './harness/kiosk';
import type { PageScope } from './harness/page-scope';
import { freeRoomNow, graphUtc, upcomingToday } from './harness/room-truth';
import { approveShownDeviceCode } from './harness/sign-in';

const ROOM = 'boardroom4@contoso.com';
/** A 1080p wall display, and the 10" 1280×800 touchscreen many rooms have at the door. */
const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
] as const;

/** What main sends the page for `agenda.get`, fetched as the page itself would (same session cookie). */
async function agendaOnTheWire(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/call/agenda.get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return res.text();
  });
}

/** Smallest text, in CSS pixels, that the home screen may use for each part (read from across the room). */
const MIN_TEXT_PX: Record<string, number> = {
  '.status__text': 40,
  '.room__name': 44,
  '.clock__time': 48,
  '.card__title': 30,
  '.card__empty': 26,
  '.agenda__subject': 26,
  '.agenda__time': 22,
  '.banner': 22,
};

/**
 * What someone at the door would notice first: text cut off by the screen's edge or its column, a status that
 * wraps onto two lines, words too small to read, a Now/Next card hidden under the fold.
 */
async function unreadable(page: Page): Promise<string[]> {
  return page.evaluate((minimums) => {
    const scope = globalThis as unknown as PageScope;
    const { document, innerWidth, innerHeight } = scope;
    const fontSize = (el: Parameters<PageScope['getComputedStyle']>[0]) => parseFloat(scope.getComputedStyle(el).fontSize);
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth || root.scrollHeight > innerHeight) problems.push(`the page scrolls (${root.scrollWidth}×${root.scrollHeight})`);
    for (const [selector, min] of Object.entries(minimums)) {
      for (const el of document.querySelectorAll(selector)) {
        const size = fontSize(el);
        if (size < min) problems.push(`${selector} "${el.textContent ?? ''}" is ${size}px (< ${min}px)`);
        const box = el.getBoundingClientRect();
        if (box.right > innerWidth || box.bottom > innerHeight) problems.push(`${selector} "${el.textContent ?? ''}" runs off the screen`);
      }
    }
    const status = document.querySelector('.status__text');
    if (status && status.getBoundingClientRect().height > fontSize(status) * 1.6) problems.push(`the status "${status.textContent ?? ''}" wraps`);
    const focus = document.querySelector('.home__focus')?.getBoundingClientRect();
    for (const card of document.querySelectorAll('.card')) {
      if (focus && card.getBoundingClientRect().bottom > focus.bottom + 1) problems.push(`the "${card.getAttribute('aria-label') ?? ''}" card is cut off`);
    }
    for (const subject of document.querySelectorAll('.agenda__subject')) {
      // Subjects up to 40 characters must show whole (on two lines at most); longer ones may end in an ellipsis.
      // A clamped third line overflows by a whole line; glyphs' descenders alone by a few pixels.
      const cut = subject.scrollWidth > subject.clientWidth || subject.scrollHeight > subject.clientHeight + fontSize(subject) / 2;
      if ((subject.textContent ?? '').length <= 40 && cut) problems.push(`"${subject.textContent ?? ''}" is cut off in the list`);
    }
    return problems;
  }, MIN_TEXT_PX);
}

async function signedInHome(page: Page, sandbox: Parameters<typeof approveShownDeviceCode>[1], url: string): Promise<void> {
  await page.goto(url);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.locator('[data-status]')).toBeVisible();
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;

  test.describe(`at ${size}`, () => {
    test.use({ viewport });

    test('busy, free, starting soon and offline: status in colour, shape and words, Now and Next whole, nothing clipped', async ({ page, sandbox, launchKiosk }) => {
      const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, pollSeconds: 2, timeZone: 'Europe/Rome' }), display: { language: 'en', ambientAfterSeconds: 0 } });
      await signedInHome(page, sandbox, kiosk.launchUrl);
      const status = page.locator('.status');

      await expect(status).toHaveAttribute('data-status', 'busy');
      await expect(status).toContainText(/Busy (until \d{1,2}:\d{2} [AP]M|for the rest of the day)/);
      await expect(page.getByRole('region', { name: 'Now' })).toContainText('Join');
      expect(await unreadable(page)).toEqual([]);
      await screenshot(page, `home-busy-${size}`);

      freeRoomNow(sandbox, ROOM, 30);
      await expect(status).toHaveAttribute('data-status', 'free', { timeout: 10_000 });
      await expect(status).toContainText(/Available (until \d{1,2}:\d{2} [AP]M|for the rest of the day)/);
      expect(await unreadable(page)).toEqual([]);
      await screenshot(page, `home-free-${size}`);

      const start = new Date(Date.now() + 5 * 60_000);
      sandbox.control.addEvent(ROOM, { subject: 'Quarterly numbers with the regional sales leads and finance', start: graphUtc(start), end: graphUtc(new Date(start.getTime() + 45 * 60_000)) });
      await expect(status).toHaveAttribute('data-status', 'starting-soon', { timeout: 10_000 });
      await expect(status).toContainText('Quarterly numbers');
      expect(await unreadable(page)).toEqual([]);
      await screenshot(page, `home-starting-soon-${size}`);

      sandbox.control.addFault({ service: 'graph', path: '.*', times: 10_000, action: { type: 'reset' } });
      await expect(page.getByTestId('stale-banner')).toBeVisible({ timeout: 10_000 });
      await expect(status).toHaveAttribute('data-status', 'starting-soon');
      expect(await unreadable(page)).toEqual([]);
      await screenshot(page, `home-offline-${size}`);
    });

    test('untouched, the home screen turns ambient (dim clock and status) and one touch wakes it', async ({ page, sandbox, launchKiosk }) => {
      const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, timeZone: 'Europe/Rome' }), display: { language: 'en', ambientAfterSeconds: 3 } });
      await signedInHome(page, sandbox, kiosk.launchUrl);
      const ambient = page.getByTestId('ambient');
      await expect(ambient).toBeVisible({ timeout: 10_000 });
      await expect(ambient).toContainText('Boardroom 4');
      await expect(ambient.locator('[data-status]')).toHaveText(/Busy (until \d{1,2}:\d{2} [AP]M|for the rest of the day)|Available|Starting soon/);
      await screenshot(page, `home-ambient-${size}`);
      await page.mouse.click(viewport.width / 2, viewport.height / 2);
      await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
      await expect(ambient).toHaveCount(0);
    });

    test('in Italian, words and times follow the language IT chose', async ({ page, sandbox, launchKiosk }) => {
      const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, timeZone: 'Europe/Rome' }), display: { language: 'it', ambientAfterSeconds: 0 } });
      await page.goto(kiosk.launchUrl);
      await expect(page.getByRole('heading', { name: 'Accedi dal telefono o dal portatile' })).toBeVisible();
      await approveShownDeviceCode(page, sandbox, ROOM);
      await expect(page.getByRole('heading', { name: 'Oggi' })).toBeVisible();
      await expect(page.locator('[data-status]')).toContainText(/Occupata (fino alle \d{1,2}:\d{2}|per il resto della giornata)|Libera|Inizia a breve/);
      await expect(page.getByRole('region', { name: 'Adesso' })).toBeVisible();
      await expect(page.locator('.agenda__time').first()).toHaveText(/^(\d{1,2}:\d{2}\s?–\s?\d{1,2}:\d{2}|Tutto il giorno)/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'it');
      expect(await unreadable(page)).toEqual([]);
      await screenshot(page, `home-it-${size}`);
    });
  });
}

test('the home screen works from the keyboard alone: every control in reach, in reading order, with a visible focus', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, timeZone: 'Europe/Rome' }), display: { language: 'en', ambientAfterSeconds: 0 } });
  await signedInHome(page, sandbox, kiosk.launchUrl);
  // As the screen comes up after a restart: nothing focused yet.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible();
  await expect(page.locator('[data-status]')).toHaveAttribute('aria-live', 'polite');
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const scope = globalThis as unknown as PageScope;
      const el = scope.document.activeElement !== scope.document.body ? scope.document.activeElement : null;
      return el ? { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '', outline: scope.getComputedStyle(el).outlineStyle } : null;
    });
    if (!focused) break;
    expect(focused.outline, `focus on "${focused.name}" is visible`).not.toBe('none');
    reached.push(focused.name);
  }
  expect(reached.slice(0, 2)).toEqual(['Files', 'Settings']);
  expect(reached.filter((name) => name.startsWith('Join')).length).toBeGreaterThan(0);
  // Enter works as a tap: Settings asks for the admin PIN, and Cancel comes back.
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Admin PIN' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
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
