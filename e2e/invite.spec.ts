import type { Locator, Page } from '@playwright/test';
import { signInGoogleRoom } from './harness/browser-consent';
import { expect, screenshot, test } from './harness/fixtures';
import { sandboxGoogleConfig, sandboxKioskConfig } from './harness/kiosk';
import { freeGoogleRoom } from './harness/room-truth';
import { startFreeMicrosoftRoom } from './harness/sign-in';
import { pick, typeOnKeyboard } from './harness/touch-keyboard';

const ROOM = 'boardroom4@contoso.com';

async function openInviteFromMeetNow(page: Page, minutes: string): Promise<{ invite: Locator; url: string }> {
  await page.getByRole('button', { name: 'Meet now' }).click();
  await page.getByRole('button', { name: minutes }).click();
  const ready = page.getByTestId('meeting-ready');
  await expect(ready.getByRole('img', { name: 'QR code of the meeting link' })).toBeVisible();
  const url = (await ready.getByTestId('meeting-url').textContent()) ?? '';
  await ready.getByRole('button', { name: 'Invite people' }).click();
  const invite = page.getByTestId('invite-screen');
  await expect(invite.getByText('Type a name on the keyboard below.')).toBeVisible();
  return { invite, url };
}

test('Teams room: Meet now → Invite people → two people found on the touch keyboard → attendees + mail with the link', async ({ page, sandbox, launchKiosk }) => {
  await startFreeMicrosoftRoom(page, sandbox, launchKiosk, ROOM, ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting', 'microsoft.directory', 'microsoft.send-mail']);
  const { invite, url } = await openInviteFromMeetNow(page, '30 minutes');
  expect(sandbox.control.requests({ service: 'graph' }).filter((r) => r.path === '/v1.0/users')).toEqual([]);

  await typeOnKeyboard(invite, 'zzqx');
  await expect(invite.getByText('Nobody found. Try another spelling or part of the name.')).toBeVisible();
  await pick(invite, 'avery', 'Avery Chen');
  await pick(invite, 'hana', 'Hana Sato');
  const chips = invite.getByRole('list', { name: 'People to invite' });
  await expect(chips.getByRole('button')).toHaveText([/Avery Chen/, /Hana Sato/]);
  await screenshot(page, 'invite-people-teams');

  // The first send fails at the mailbox: everyone stays chosen, and Send again works without doubling anyone.
  sandbox.control.addFault({ service: 'graph', method: 'POST', path: '/v1.0/me/sendMail', times: 1, action: { type: 'status', status: 500 } });
  await invite.getByRole('button', { name: 'Send invitation to 2 people' }).click();
  await expect(invite.getByRole('alert')).toHaveText('The invitation did not go out. Everyone is still chosen: try again.');
  await expect(chips.getByRole('button')).toHaveCount(2);
  await screenshot(page, 'invite-people-mail-failed');
  await invite.getByRole('button', { name: 'Send invitation to 2 people' }).click();
  await expect(invite.getByRole('status')).toHaveText('Invitation sent to 2 people.');
  await screenshot(page, 'invite-people-sent');

  const outbox = sandbox.control.outbox(ROOM);
  expect(outbox).toHaveLength(1);
  expect(outbox[0]?.to).toEqual(['avery.chen@contoso.com', 'hana.sato@contoso.com']);
  expect(outbox[0]?.subject).toBe('Join the meeting in Boardroom 4 now');
  expect(outbox[0]?.body).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
  const booked = sandbox.control.events(ROOM).filter((e) => e.onlineMeeting?.joinUrl === url);
  expect(booked.map((e) => e.attendees?.map((a) => a.emailAddress?.address))).toEqual([['avery.chen@contoso.com', 'hana.sato@contoso.com']]);
});

test('Teams room: bad input on the invite screen — long typing stops, a 500-character query is refused, no directory says so', async ({ page, sandbox, launchKiosk }) => {
  await startFreeMicrosoftRoom(page, sandbox, launchKiosk, ROOM, ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting', 'microsoft.directory']);
  const { invite } = await openInviteFromMeetNow(page, '15 minutes');

  const field = invite.getByLabel('Search by name or address');
  await field.fill('a'.repeat(500));
  await expect(field).toHaveValue('a'.repeat(64));
  const refused = await page.evaluate(async () => {
    const response = await fetch('/api/call/invite.search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: 'a'.repeat(500) }) });
    return (await response.json()) as { ok: boolean; error?: { code: string } };
  });
  expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-request' }) });
  const empty = await page.evaluate(async () => (await (await fetch('/api/call/invite.search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '   ' }) })).json()) as { ok: boolean });
  expect(empty.ok).toBe(false);
  // The page cannot make the room mail someone no search returned.
  const relayed = await page.evaluate(async () => {
    const people = [{ name: 'Anyone', email: 'list@elsewhere.example', source: 'microsoft' }];
    return (await (await fetch('/api/call/invite.send', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ people }) })).json()) as { ok: boolean; error?: { code: string } };
  });
  expect(relayed).toEqual({ ok: false, error: expect.objectContaining({ code: 'invite-unknown-person' }) });
  // The room is in the directory too, but is never offered as someone to invite to its own meeting.
  await typeOnKeyboard(invite, 'boardroom');
  await expect(invite.getByText('Nobody found. Try another spelling or part of the name.')).toBeVisible();
  // A name made of markup is searched as text and shown as text: nothing runs, nothing is found.
  await field.fill('<img src=x onerror=alert(1)>');
  await expect(invite.getByText('Nobody found. Try another spelling or part of the name.')).toBeVisible();
  // Without Mail.Send the people still go into the meeting: the calendar invites them.
  await pick(invite, 'bruno', 'Bruno Rossi');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toHaveText('One person added to the meeting. The calendar sends them the invitation.');
  expect(sandbox.control.outbox(ROOM)).toEqual([]);
});

test('Teams room with directory search off: the invite screen says to ask IT', async ({ page, sandbox, launchKiosk }) => {
  await startFreeMicrosoftRoom(page, sandbox, launchKiosk, ROOM, ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting']);
  await page.getByRole('button', { name: 'Book now' }).click();
  await page.getByRole('button', { name: '15 minutes' }).click();
  await page.getByRole('region', { name: 'Now' }).getByRole('button', { name: 'Invite people' }).click();
  const invite = page.getByTestId('invite-screen');
  await expect(invite.getByRole('alert')).toHaveText('Directory search is off — ask IT.');
  await expect(invite.getByTestId('touch-keyboard')).toHaveCount(0);
  await screenshot(page, 'invite-people-directory-off');
});

test('Google Meet room: Meet now → Invite people → two people → attendees with the Meet link + Gmail from the room', async ({ page, sandbox, launchKiosk }) => {
  freeGoogleRoom(sandbox);
  const config = {
    ...sandboxKioskConfig(sandbox, { pollSeconds: 2 }),
    google: sandboxGoogleConfig(sandbox),
    features: ['google.sign-in', 'google.calendar', 'google.instant-meeting', 'google.directory', 'google.send-mail'],
    room: { calendarOwner: sandbox.google.roomCalendarId },
  };
  const kiosk = await launchKiosk(config);
  await page.goto(kiosk.launchUrl);
  await signInGoogleRoom(page, sandbox.google.roomAccount);
  await expect(page.locator('[data-status]')).toBeVisible();
  const { invite, url } = await openInviteFromMeetNow(page, '15 minutes');
  expect(url).toMatch(/^https:\/\/meet\.google\.com\//);

  await pick(invite, 'sofia', 'Sofia Conti');
  await pick(invite, 'marco', 'Marco Ferri');
  await screenshot(page, 'invite-people-google');
  await invite.getByRole('button', { name: 'Send invitation to 2 people' }).click();
  await expect(invite.getByRole('status')).toHaveText('Invitation sent to 2 people.');

  const outbox = sandbox.control.outbox(sandbox.google.roomAccount);
  expect(outbox.map((mail) => [mail.provider, mail.to])).toEqual([['gmail', ['sofia.conti@fabrikam.example', 'marco.ferri@fabrikam.example']]]);
  expect(outbox[0]?.body).toContain(url);
  const event = sandbox.control.google.events(sandbox.google.roomCalendarId).find((e) => e.hangoutLink === url);
  expect(event?.attendees?.map((a) => a.email)).toEqual(expect.arrayContaining(['sofia.conti@fabrikam.example', 'marco.ferri@fabrikam.example']));
});
