import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxKioskConfig } from './harness/kiosk';
import { graphUtc, upcomingToday, type ExpectedMeeting } from './harness/room-truth';
import { approveShownDeviceCode } from './harness/sign-in';
import type { Sandbox } from './sandbox';
import { googleMeetInvitationHtml, googleMeetMeeting, webexInvitationHtml, webexMeeting } from './sandbox/microsoft/invitations';

const ROOM = 'boardroom4@contoso.com';

/** The links as the invitations carry them (anchor text or href), before any wrapper. */
const SERVICES = [
  { provider: 'zoom', pattern: /https:\/\/contoso\.zoom\.us\/j\/\d+\?pwd=[\w.]+/ },
  { provider: 'webex', pattern: /https:\/\/contoso\.webex\.com\/contoso\/j\.php\?MTID=m[0-9a-f]{32}/ },
  { provider: 'meet', pattern: /https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}/ },
] as const;

function invitationText(meeting: ExpectedMeeting): string {
  return meeting.raw.body?.content ?? '';
}

/** App links (zoommtg:) open no page; record what the kiosk page hands to window.open instead. */
async function recordWindowOpen(page: Page): Promise<() => Promise<string | null>> {
  // Runs in the page; this file is type-checked without DOM types, hence the globalThis view.
  type PageScope = { __opened: string | null; open: (url?: string | URL) => null };
  await page.evaluate(() => {
    const scope = globalThis as unknown as PageScope;
    scope.__opened = null;
    scope.open = (url) => {
      scope.__opened = String(url);
      return null;
    };
  });
  return () => page.evaluate(() => (globalThis as unknown as PageScope).__opened);
}

/**
 * Meetings in progress right now, so the test does not depend on the time of day it runs: a Webex invitation whose
 * link Defender Safe Links rewrote (as mail from outside the tenant has it) and a Google Meet one.
 */
function addLiveInvitations(sandbox: Sandbox): void {
  const now = Date.now();
  const when = { start: graphUtc(new Date(now - 60_000)), end: graphUtc(new Date(now + 30 * 60_000)) };
  const webex = webexInvitationHtml(webexMeeting('e2e-webex'), { hostName: 'Bruno Rossi', intro: 'Supplier check-in', safeLinks: true });
  const meet = googleMeetInvitationHtml(googleMeetMeeting('e2e-meet'), 'Hana Sato', 'Campaign review');
  sandbox.control.addEvent(ROOM, { subject: 'Supplier check-in', body: { contentType: 'html', content: webex }, ...when });
  sandbox.control.addEvent(ROOM, { subject: 'Campaign review', body: { contentType: 'html', content: meet }, ...when });
}

async function joinOpens(page: Page, subject: string): Promise<string> {
  const row = page.locator('.agenda__item', { hasText: subject });
  const popup = page.waitForEvent('popup');
  await row.getByRole('button', { name: `Join ${subject}` }).click();
  return (await popup).url();
}

test('each service’s invitation gets a Join with its own mark that opens its own meeting', async ({ page, context, sandbox, launchKiosk }) => {
  // Meeting sites are not reachable from the test machine; answer them locally so the popup's URL can be read.
  await context.route(/zoom\.us|webex\.com|meet\.google\.com/, (route) => route.fulfill({ body: 'meeting', contentType: 'text/html' }));
  addLiveInvitations(sandbox);
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, timeZone: 'Europe/Rome' }));
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();

  const upcoming = upcomingToday(sandbox, ROOM);
  for (const service of SERVICES) {
    const meeting = upcoming.find((m) => service.pattern.test(invitationText(m)));
    expect(meeting?.subject, `an upcoming ${service.provider} meeting`).toBeTruthy();
    if (!meeting?.subject) continue;
    const expectedUrl = service.pattern.exec(invitationText(meeting))?.[0];
    const row = page.locator('.agenda__item', { hasText: meeting.subject });
    await expect(row.locator(`[data-provider="${service.provider}"]`)).toBeVisible();
    expect(await joinOpens(page, meeting.subject)).toBe(expectedUrl);
  }
  await screenshot(page, 'home-join-providers');
});

test('IT can send Zoom to the installed app: Join hands over a zoommtg: link with the passcode', async ({ page, sandbox, launchKiosk }) => {
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), join: { zoom: 'app' } };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  // The seed always places its Zoom meeting ("Design sync") next after the current one.
  const zoom = upcomingToday(sandbox, ROOM).find((m) => SERVICES[0].pattern.test(invitationText(m)));
  expect(zoom?.subject).toBeTruthy();
  const web = new URL(SERVICES[0].pattern.exec(invitationText(zoom as ExpectedMeeting))?.[0] ?? '');
  const opened = await recordWindowOpen(page);
  const subject = zoom?.subject ?? '';
  await page.locator('.agenda__item', { hasText: subject }).getByRole('button', { name: `Join ${subject}` }).click();
  await expect.poll(opened).toBe(`zoommtg://contoso.zoom.us/join?action=join&confno=${web.pathname.split('/')[2]}&pwd=${web.searchParams.get('pwd')}`);
});
