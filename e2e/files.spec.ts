import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { hashPin } from '../src/main/config/admin-pin';
import { signInGoogleRoom } from './harness/browser-consent';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleConfig, sandboxKioskConfig, sandboxOAuthProvidersConfig, type RunningKiosk } from './harness/kiosk';
import { openSettings, switchOn } from './harness/settings';
import { approveShownDeviceCode } from './harness/sign-in';
import { pick, typeOnKeyboard } from './harness/touch-keyboard';
import type { Sandbox } from './sandbox';
import { onlyMeetingNow } from './sandbox/test-support';

const ROOM = 'boardroom4@contoso.com';
const PIN = '2468';

/** What is left in the kiosk's workspace folder (none: the folder itself is gone). */
async function workspaceFiles(kiosk: RunningKiosk): Promise<string[]> {
  return readdir(join(kiosk.dataDir, 'workspace')).catch(() => []);
}

/**
 * The whole session as people in the room live it: open Files, browse into a folder and import a PDF, search and
 * import a photo, look at it zoomed in, then End session — and the room is clean.
 */
async function sessionRoundTrip(page: Page, kiosk: RunningKiosk, source: string, shot: string, beforeEnd?: () => Promise<string[]>): Promise<void> {
  await page.getByRole('button', { name: 'Files' }).click();
  await expect(page.getByRole('heading', { name: 'Files', level: 1 })).toBeVisible();
  const sourceButton = page.getByRole('button', { name: new RegExp(`^${source}`) });
  await sourceButton.click();
  await expect(sourceButton).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, `files-${shot}-browse`);

  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Reports', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Import Q3 results.pdf' }).click();
  const onScreen = page.getByRole('complementary', { name: 'On this screen' });
  await expect(onScreen.getByRole('button', { name: 'Open Q3 results.pdf' })).toBeVisible();

  // No keyboard on the wall: tapping the field brings up the on-screen one, and searching puts it away.
  await page.getByRole('searchbox', { name: `Search in ${source}` }).click();
  await typeOnKeyboard(page.locator('.browser'), 'lake');
  await expect(page.getByRole('searchbox', { name: `Search in ${source}` })).toHaveValue('lake');
  await screenshot(page, `files-${shot}-keyboard`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('touch-keyboard')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Results for “lake”' })).toBeVisible();
  // The photo's tile shows its thumbnail from the drive, not a generic mark.
  const thumbnail = page.getByRole('button', { name: 'Import Lake Como.jpg' }).locator('img');
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Import Lake Como.jpg' }).click();
  await onScreen.getByRole('button', { name: 'Open Lake Como.jpg' }).click();

  const viewer = page.getByRole('dialog', { name: 'Lake Como.jpg' });
  const photo = viewer.getByRole('img', { name: 'Lake Como.jpg' });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(640);
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewer.getByRole('status')).toHaveText('150 %');
  await screenshot(page, `files-${shot}-viewer`);
  await viewer.getByRole('button', { name: 'Close' }).click();

  const more = (await beforeEnd?.()) ?? [];
  const imported = ['Q3 results.pdf', 'Lake Como.jpg', ...more];
  expect(await workspaceFiles(kiosk)).toHaveLength(imported.length);
  await page.getByRole('button', { name: 'End session' }).click();
  const clean = page.getByRole('alertdialog', { name: 'The room is clean' });
  await expect(clean).toContainText(`Removed ${imported.length} files from this screen:`);
  await expect(clean.getByRole('listitem')).toHaveText(imported);
  await expect(clean).toContainText('No personal accounts were signed in.');
  await screenshot(page, `files-${shot}-clean`);
  expect(await workspaceFiles(kiosk)).toEqual([]);
  await clean.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 }).or(page.getByRole('heading', { level: 1 }).filter({ hasText: 'Atlas' }))).toBeVisible();
}

/**
 * Send: three files to a colleague found on the touch keyboard. The two small ones are attached; the 4 MiB one is over
 * Graph's 3 MB attachment limit and goes as a OneDrive sharing link.
 */
async function sendThreeFiles(page: Page, sandbox: Sandbox): Promise<string[]> {
  await page.getByRole('searchbox', { name: 'Search in OneDrive' }).fill('notes');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: 'Import Recording notes.txt' }).click();
  const onScreen = page.getByRole('complementary', { name: 'On this screen' });
  for (const name of ['Q3 results.pdf', 'Lake Como.jpg', 'Recording notes.txt']) await onScreen.getByRole('button', { name: `Select ${name}` }).click();
  await onScreen.getByRole('button', { name: 'Send 3 files' }).click();
  const send = page.getByRole('dialog', { name: 'Send files from the room’s mailbox' });
  await pick(send, 'avery', 'Avery Chen');
  await screenshot(page, 'files-send');
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(send.getByRole('status')).toHaveText('Sent to one person.');
  await expect(send).toContainText('Attached: Q3 results.pdf, Lake Como.jpg');
  await expect(send).toContainText('Too big to attach, sent as links: Recording notes.txt');
  const [mail, ...others] = sandbox.control.outbox(ROOM);
  expect(others).toEqual([]);
  expect(mail?.to).toEqual(['avery.chen@contoso.com']);
  expect(mail?.attachments.map((a) => a.name)).toEqual(['Q3 results.pdf', 'Lake Como.jpg']);
  expect(mail?.body).toMatch(/<a href="https:\/\/contoso-my\.sharepoint\.com\/:b:\/g\/personal\/[^"]+">Recording notes\.txt<\/a>/);
  await send.getByRole('button', { name: 'Done' }).click();
  return ['Recording notes.txt'];
}

test('OneDrive: the room account’s files, browsed, imported, shown, mailed and cleaned away', async ({ page, sandbox, launchKiosk }) => {
  sandbox.control.onedrive.addFile(ROOM, '/Reports/Recording notes.txt', 'minutes '.repeat(512 * 1024));
  const features = ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.files', 'microsoft.directory', 'microsoft.send-mail'];
  const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), features });
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  await sessionRoundTrip(page, kiosk, 'OneDrive', 'onedrive', () => sendThreeFiles(page, sandbox));
  // The downloads (and the thumbnail) came from the second origin OneDrive redirects to.
  const fromSecondOrigin = sandbox.control.requests({ service: 'onedrive-content' }).map((r) => r.path);
  expect(fromSecondOrigin.filter((path) => path.endsWith('/download.aspx'))).toHaveLength(3);
  expect(fromSecondOrigin.filter((path) => path.endsWith('/thumbnail.aspx')).length).toBeGreaterThan(0);
});

test('Dropbox and Google Drive switched on in a Microsoft room’s settings; a Dropbox session leaves nothing behind', async ({ page, sandbox, launchKiosk }) => {
  const config = {
    ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }),
    google: sandboxGoogleConfig(sandbox),
    ...sandboxOAuthProvidersConfig(sandbox),
    admin: { pinHash: await hashPin(PIN) },
  };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await openSettings(page, PIN);
  await switchOn(page, 'dropbox.files', 'room.dropbox@contoso.com');
  await switchOn(page, 'google.files', sandbox.google.roomAccount);
  await switchOn(page, 'google.files-browse', sandbox.google.roomAccount);
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Files' }).click();
  await page.getByRole('button', { name: /^Google Drive/ }).click();
  await expect(page.getByRole('button', { name: 'Import Project brief' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to the room' }).click();
  await sessionRoundTrip(page, kiosk, 'Dropbox', 'dropbox');
});

test('Google Drive: a Google Workspace room’s Drive, with Google Docs exported for the viewer', async ({ page, sandbox, launchKiosk }) => {
  const config = {
    ...sandboxKioskConfig(sandbox, { timeZone: 'Europe/Rome' }),
    google: sandboxGoogleConfig(sandbox),
    features: ['google.sign-in', 'google.calendar', 'google.files', 'google.files-browse'],
    room: { calendarOwner: sandbox.google.roomCalendarId },
  };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await signInGoogleRoom(page, sandbox.google.roomAccount);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Atlas');
  await sessionRoundTrip(page, kiosk, 'Google Drive', 'google-drive');

  // A Google Doc has no bytes of its own: it arrives as a PDF for the viewer, and Edit opens it in Google Docs.
  await page.getByRole('button', { name: 'Files' }).click();
  await page.getByRole('button', { name: 'Import Project brief' }).click();
  const onScreen = page.getByRole('complementary', { name: 'On this screen' });
  await onScreen.getByRole('button', { name: 'Open Project brief.pdf' }).click();
  const viewer = page.getByRole('dialog', { name: 'Project brief.pdf' });
  await expect(viewer.locator('iframe[title="Project brief.pdf"]')).toHaveAttribute('src', /^blob:/);
  await screenshot(page, 'files-google-doc-pdf');
  await viewer.getByRole('button', { name: 'Close' }).click();
  // No internet here: Google Docs answers with a stand-in page, so the tab shows where the kiosk sent it.
  await page.context().route('https://docs.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Google Docs</title>' }));
  const editor = page.waitForEvent('popup');
  await onScreen.getByRole('button', { name: 'Edit Project brief.pdf' }).click();
  expect((await editor).url()).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[^/]+\/edit/);
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('alertdialog', { name: 'The room is clean' }).getByRole('listitem')).toHaveText(['Project brief.pdf']);
  expect(await workspaceFiles(kiosk)).toEqual([]);
});

test('a drive that is not set up is shown, but cannot be chosen', async ({ page, sandbox, launchKiosk }) => {
  const kiosk = await launchKiosk(sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }));
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await page.getByRole('button', { name: 'Files' }).click();
  for (const source of ['OneDrive', 'Google Drive', 'Dropbox', 'My OneDrive']) {
    const button = page.getByRole('button', { name: new RegExp(`^${source}`) });
    await expect(button).toBeDisabled();
    await expect(button).toContainText('Not set up in this room');
  }
});

test('My OneDrive: a person signs in from their phone for the session, and End session signs them out', async ({ page, sandbox, launchKiosk }) => {
  const features = ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.files'];
  const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), features });
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await page.getByRole('button', { name: 'Files' }).click();
  await page.getByRole('button', { name: /My OneDrive/ }).click();
  const signIn = page.getByRole('dialog', { name: 'Your own OneDrive, from your phone' });
  await expect(signIn.getByRole('img', { name: /QR code/ })).toBeVisible();
  await screenshot(page, 'files-my-onedrive-sign-in');
  await approveShownDeviceCode(page, sandbox, 'avery.chen@contoso.com');
  await expect(signIn).toBeHidden();
  const mine = page.getByRole('button', { name: /My OneDrive/ });
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  await expect(mine).toContainText('avery.chen@contoso.com');
  // The person's token asked for their own files, read-only, and nothing else.
  const personalToken = sandbox.control.requests({ service: 'entra' }).filter((r) => r.grantType === 'device_code').at(-1);
  expect(personalToken?.scopes?.filter((scope) => !['openid', 'profile', 'offline_access'].includes(scope))).toEqual(['Files.Read']);

  await page.getByRole('button', { name: 'Import Welcome.pdf' }).click();
  await expect(page.getByRole('complementary', { name: 'On this screen' }).getByRole('button', { name: 'Open Welcome.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'End session' }).click();
  const clean = page.getByRole('alertdialog', { name: 'The room is clean' });
  await expect(clean.getByRole('listitem')).toHaveText(['Welcome.pdf']);
  await expect(clean).toContainText('Signed out: avery.chen@contoso.com.');
  await screenshot(page, 'files-my-onedrive-clean');
  expect(await workspaceFiles(kiosk)).toEqual([]);
  await clean.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Files' }).click();
  await expect(page.getByRole('button', { name: /My OneDrive/ })).toContainText('Sign in from your phone');
  await expect(page.getByRole('button', { name: /My OneDrive/ })).toHaveAttribute('aria-pressed', 'false');
});

test('a kiosk stopped mid-session finds the imported files at its next start and removes them first', async ({ page, sandbox, launchKiosk }) => {
  const config = { ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), features: ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.files'] };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await page.getByRole('button', { name: 'Files' }).click();
  await page.getByRole('button', { name: 'Import Welcome.pdf' }).click();
  await expect(page.getByRole('complementary', { name: 'On this screen' }).getByRole('button', { name: 'Open Welcome.pdf' })).toBeVisible();
  await kiosk.stop();
  expect(await workspaceFiles(kiosk)).toHaveLength(1);

  const again = await launchKiosk(config, kiosk.dataDir);
  await page.goto(again.launchUrl);
  await expect(page.getByRole('heading', { name: 'Boardroom 4', level: 1 })).toBeVisible();
  expect(await workspaceFiles(again)).toEqual([]);
  await page.getByRole('button', { name: 'Files' }).click();
  await expect(page.getByRole('complementary', { name: 'On this screen' })).toContainText('Imported files appear here.');
  const log = (await readFile(join(kiosk.dataDir, 'roomdeck.log'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(log.filter((entry) => entry['event'] === 'files.crash-cleanup').map((entry) => entry['removed'])).toEqual([1]);
});

test('with recaps locked on by IT’s policy, the meeting’s people get one recap once the room is clean', async ({ page, sandbox, launchKiosk }) => {
  onlyMeetingNow(sandbox, ROOM, { subject: 'Quarterly planning', organizer: 'avery.chen@contoso.com', attendees: ['dana.rossi@contoso.com'] });
  const features = ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.files', 'microsoft.send-mail'];
  const kiosk = await launchKiosk({ ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM }), features }, undefined, { version: 1, recap: { enabled: true } });
  await page.goto(kiosk.launchUrl);
  await approveShownDeviceCode(page, sandbox, ROOM);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Files' }).click();
  await page.getByRole('button', { name: 'Import Welcome.pdf' }).click();
  await expect(page.getByRole('complementary', { name: 'On this screen' }).getByRole('button', { name: 'Open Welcome.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('alertdialog', { name: 'The room is clean' }).getByRole('listitem')).toHaveText(['Welcome.pdf']);

  await expect.poll(() => sandbox.control.outbox(ROOM).length).toBe(1);
  const [recap] = sandbox.control.outbox(ROOM);
  expect(recap).toMatchObject({ to: ['avery.chen@contoso.com', 'dana.rossi@contoso.com'], subject: 'Recap: Quarterly planning', attachments: [] });
  expect(recap?.body).toMatch(/<li>Welcome\.pdf \(\d+ KB\)<\/li>/);
  expect(recap?.body).toContain('the room is clean');
  expect(await workspaceFiles(kiosk)).toEqual([]);
});
