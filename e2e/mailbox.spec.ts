import { expect, screenshot, test } from './harness/fixtures';
import { sandboxKioskConfig } from './harness/kiosk';
import { approveShownDeviceCode } from './harness/sign-in';

/** Focus Room 1 runs Exchange's default calendar processing: its calendar items lost their bodies and subjects. */
const ROOM = 'focus1@contoso.com';
const MEET = /https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}/;
const TEAMS = /https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^"'<\s]+/;

function withFeatures(config: Record<string, unknown>, features: string[]): Record<string, unknown> {
  return { ...config, features };
}

test('a room whose calendar lost the invitation bodies still gets Join, from the invitation in its mailbox', async ({ page, context, sandbox, launchKiosk }) => {
  await context.route(/meet\.google\.com|teams\.microsoft\.com/, (route) => route.fulfill({ body: 'meeting', contentType: 'text/html' }));
  const config = withFeatures(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.meeting-links']);
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Focus Room 1', level: 1 })).toBeVisible();

  // The seed's "now" meeting is an external Teams call, "next" a Google Meet: both only in the mailbox.
  const now = page.getByRole('region', { name: 'Now' });
  const next = page.getByRole('region', { name: 'Next' });
  await expect(now.locator('[data-provider="teams"]')).toBeVisible();
  await expect(next.locator('[data-provider="meet"]')).toBeVisible();
  const bodies = sandbox.control.messages(ROOM).map((m) => m.body?.content ?? '');
  const meetUrl = bodies.map((b) => MEET.exec(b)?.[0]).find(Boolean);
  expect(bodies.some((b) => TEAMS.test(b))).toBe(true);
  const popup = page.waitForEvent('popup');
  await next.getByRole('button', { name: /^Join / }).click();
  expect((await popup).url()).toBe(meetUrl);
  await screenshot(page, 'home-stripped-room');
});

test('with invitation parsing off, the mailbox is never read and stripped meetings show no Join', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }));
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Focus Room 1', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Now' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Next' }).getByRole('button', { name: /^Join / })).toHaveCount(0);
  expect(sandbox.control.requests({ service: 'graph' }).filter((r) => r.path.includes('/messages'))).toEqual([]);
});
