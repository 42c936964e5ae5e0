import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Sandbox } from '../../e2e/sandbox';
import { onlyMeetingNow, startTestSandbox } from '../../e2e/sandbox/test-support';
import { DriveEntrySchema, type Agenda, type AppState } from '../shared/model';
import { createRoomdeck, type Roomdeck } from './app';
import { MemoryVault } from './auth/memory-vault';
import { hashPin } from './config/admin-pin';
import { parseKioskConfig } from './config/kiosk-config';
import { silentLogger } from './health/logger';
import { systemClock } from './ports';

const ROOM = 'boardroom4@contoso.com';

interface Harness {
  app: Roomdeck;
  states: AppState[];
  agendas: Agenda[];
  opened: string[];
  vault: MemoryVault;
  dataDir: string;
}

async function kiosk(sandbox: Sandbox, extra: Record<string, unknown> = {}, reuse?: Pick<Harness, 'vault' | 'dataDir'>): Promise<Harness> {
  const config = parseKioskConfig(
    {
      microsoft: { clientId: sandbox.clientId, authority: `${sandbox.urls.entra}/${sandbox.tenant}`, knownAuthorities: [new URL(sandbox.urls.entra).host], graphBaseUrl: sandbox.urls.graph },
      room: { calendarOwner: ROOM, timeZone: 'Europe/Rome' },
      pollSeconds: 2,
      ...extra,
    },
    'test',
  );
  const vault = reuse?.vault ?? new MemoryVault();
  const dataDir = reuse?.dataDir ?? (await mkdtemp(join(tmpdir(), 'rd-app-')));
  const opened: string[] = [];
  const app = createRoomdeck(config, dataDir, {
    vault,
    opener: { open: async (target) => void opened.push(target.url) },
    browser: { open: async () => undefined },
    clock: systemClock,
    log: silentLogger,
  });
  const states: AppState[] = [];
  const agendas: Agenda[] = [];
  app.bus.subscribe((event, payload) => {
    if (event === 'state') states.push(payload as AppState);
    if (event === 'agenda') agendas.push(payload as Agenda);
  });
  await app.start();
  return { app, states, agendas, opened, vault, dataDir };
}

async function until<T>(probe: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function lastState(h: Harness): AppState | undefined {
  return h.states.at(-1);
}

async function signIn(h: Harness, sandbox: Sandbox, consent = true): Promise<void> {
  await h.app.router.dispatch('setup.signIn', { provider: 'microsoft', method: 'device-code' });
  const prompt = await until(() => {
    const s = lastState(h);
    return s?.phase === 'signing-in' && s.deviceCode;
  });
  sandbox.control.approveDeviceCode({ userCode: prompt.userCode, account: ROOM, consent });
  if (!consent) return;
  // The first configuration's later steps (features, privacy, PIN) are the renderer's: these tests go straight home.
  await until(() => lastState(h)?.phase === 'configure');
  await h.app.router.dispatch('setup.finish', {});
}

describe('Roomdeck against the sandbox tenant (msal-node + Graph client, real HTTP)', () => {
  let sandbox: Sandbox;
  const running: Harness[] = [];
  afterEach(async () => {
    for (const h of running.splice(0)) h.app.stop();
    await sandbox?.close();
  });

  it('signs in by device code, asks only for the skeleton scopes and shows the room agenda', async () => {
    sandbox = await startTestSandbox();
    const h = await kiosk(sandbox);
    running.push(h);
    expect(lastState(h)).toMatchObject({ phase: 'setup' });
    await signIn(h, sandbox);
    await until(() => lastState(h)?.phase === 'ready');
    const agenda = await until(() => h.agendas.at(-1));
    expect(agenda.room).toEqual({ name: 'Boardroom 4', email: ROOM, timeZone: 'Europe/Rome' });
    expect(agenda.meetings.length).toBeGreaterThan(3);
    expect(agenda.meetings.some((m) => m.join?.provider === 'teams')).toBe(true);
    const scopeSets = sandbox.control.requests({ service: 'entra' }).flatMap((r) => (r.scopes ? [[...r.scopes].sort().join(' ')] : []));
    expect(new Set(scopeSets)).toEqual(new Set(['Calendars.Read Calendars.Read.Shared offline_access openid profile']));
  });

  it('never sends a private meeting’s subject to the renderer', async () => {
    sandbox = await startTestSandbox();
    const h = await kiosk(sandbox);
    running.push(h);
    await signIn(h, sandbox);
    const agenda = await until(() => h.agendas.at(-1));
    const privateSubjects = sandbox.control.events(ROOM).filter((e) => e.sensitivity === 'private').map((e) => e.subject ?? '');
    expect(privateSubjects.length).toBeGreaterThan(0);
    const wire = JSON.stringify(await h.app.router.dispatch('agenda.get', {}));
    for (const subject of privateSubjects) expect(wire).not.toContain(subject);
    expect(agenda.meetings.some((m) => m.isPrivate && m.subject === null)).toBe(true);
  });

  it('joins by meeting id only: the page cannot make the kiosk open a URL of its choosing', async () => {
    sandbox = await startTestSandbox();
    const h = await kiosk(sandbox);
    running.push(h);
    await signIn(h, sandbox);
    const agenda = await until(() => h.agendas.at(-1));
    const teams = agenda.meetings.find((m) => m.join?.provider === 'teams');
    expect(await h.app.router.dispatch('meeting.join', { meetingId: teams?.id ?? '' })).toMatchObject({ ok: true });
    expect(h.opened).toEqual([teams?.join?.url]);
    expect(await h.app.router.dispatch('meeting.join', { meetingId: 'made-up' })).toMatchObject({ ok: false, error: { code: 'meeting-not-found' } });
    expect(await h.app.router.dispatch('meeting.join', { meetingId: teams?.id ?? '', url: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('keeps the last agenda, marked stale, while Graph fails, and recovers by itself', async () => {
    sandbox = await startTestSandbox();
    const h = await kiosk(sandbox);
    running.push(h);
    await signIn(h, sandbox);
    const good = await until(() => h.agendas.at(-1));
    sandbox.control.addFault({ service: 'graph', path: 'calendarView', times: 100, action: { type: 'status', status: 503, retryAfter: 0 } });
    const stale = await until(() => h.agendas.find((a) => a.staleSince), 20_000);
    expect(stale.meetings).toEqual(good.meetings);
    sandbox.control.clearFaults();
    await until(() => h.agendas.at(-1)?.staleSince === null && h.agendas.at(-1) !== stale, 20_000);
  });

  it('restarts signed in from the vault, with no new sign-in', async () => {
    sandbox = await startTestSandbox();
    const first = await kiosk(sandbox);
    await signIn(first, sandbox);
    await until(() => first.agendas.at(-1));
    first.app.stop();
    const second = await kiosk(sandbox, {}, first);
    running.push(second);
    expect(lastState(second)).toMatchObject({ phase: 'ready', account: { username: ROOM } });
    await until(() => second.agendas.at(-1));
    expect(sandbox.control.requests({ service: 'entra' }).filter((r) => r.path.endsWith('/devicecode'))).toHaveLength(1);
  });

  it('a damaged vault starts at setup with a clear notice instead of crashing', async () => {
    sandbox = await startTestSandbox();
    const first = await kiosk(sandbox);
    await signIn(first, sandbox);
    await until(() => first.agendas.at(-1));
    first.app.stop();
    first.vault.entries.set('microsoft.msal-cache', '{not json');
    const second = await kiosk(sandbox, {}, first);
    running.push(second);
    expect(lastState(second)).toMatchObject({ phase: 'setup', notice: { code: 'session-lost' } });
  });

  it('mails IT from the room mailbox when the refresh token has expired, and the health screen says sign in again', async () => {
    sandbox = await startTestSandbox();
    const features = ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.send-mail'];
    const h = await kiosk(sandbox, { features, admin: { pinHash: await hashPin('2468') }, health: { mailTo: ['it@contoso.com'] } });
    running.push(h);
    await signIn(h, sandbox);
    await until(() => h.agendas.at(-1));
    expect(await h.app.router.dispatch('health.get', {})).toMatchObject({ ok: false, error: { code: 'admin-locked' } });
    await h.app.router.dispatch('admin.unlock', { pin: '2468' });

    const healthy = await h.app.router.dispatch('health.check', {});
    expect(healthy).toMatchObject({ ok: true, output: { mail: 'on', checks: expect.arrayContaining([expect.objectContaining({ id: 'tokens', status: 'ok', reason: 'token-valid' }), expect.objectContaining({ id: 'sync', status: 'ok' })]) } });
    expect(sandbox.control.outbox(ROOM)).toEqual([]);

    // An expired refresh token: Entra answers invalid_grant (AADSTS700082) to every refresh from now on. The access
    // token the sign-in issued for Mail.Send is still good for its hour, which is what carries the mail out.
    sandbox.control.addFault({ service: 'entra', path: '/token$', action: { type: 'oauth', error: 'invalid_grant' } });
    const sick = await h.app.router.dispatch('health.check', {});
    expect(sick).toMatchObject({ ok: true, output: { checks: expect.arrayContaining([expect.objectContaining({ id: 'tokens', status: 'bad', reason: 'sign-in-needed' })]) } });
    const sent = sandbox.control.outbox(ROOM);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ provider: 'graph', from: ROOM, to: ['it@contoso.com'], subject: 'Roomdeck Boardroom 4: 1 problem(s) need attention' });
    expect(sent[0]!.body).toContain('sign the room in again');

    // The next round finds the same problem: IT is not told twice.
    await h.app.router.dispatch('health.check', {});
    expect(sandbox.control.outbox(ROOM)).toHaveLength(1);
  });

  describe('the recap after a workspace session with files', () => {
    const FILES_FEATURES = ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.files', 'microsoft.send-mail'];

    /** The room's only meeting is on now, with its organizer, one attendee and the room itself invited. */
    async function sessionInMeeting(extra: Record<string, unknown>): Promise<Harness> {
      sandbox = await startTestSandbox();
      onlyMeetingNow(sandbox, ROOM, { subject: 'Budget <2027>', organizer: 'avery.chen@contoso.com', attendees: ['dana.rossi@contoso.com'] });
      sandbox.control.onedrive.addFile(ROOM, '/Budget.pdf', 'budget figures');
      const h = await kiosk(sandbox, { features: FILES_FEATURES, ...extra });
      running.push(h);
      await signIn(h, sandbox);
      await until(() => h.agendas.at(-1)?.meetings.some((m) => m.subject === 'Budget <2027>'));
      const listed = await h.app.router.dispatch('files.list', { source: 'onedrive', folderId: null });
      const { entries } = z.object({ entries: z.array(DriveEntrySchema) }).parse(listed.ok ? listed.output : null);
      const entry = entries.find((e) => e.name === 'Budget.pdf');
      expect(entry).toBeDefined();
      expect(await h.app.router.dispatch('files.import', { source: 'onedrive', entry })).toMatchObject({ ok: true });
      expect(await h.app.router.dispatch('files.endSession', {})).toMatchObject({ ok: true, output: { files: ['Budget.pdf'] } });
      return h;
    }

    it('mails exactly one recap to the meeting’s people once the session ends', async () => {
      await sessionInMeeting({ recap: { enabled: true } });
      const [recap, ...others] = await until(() => sandbox.control.outbox(ROOM).length > 0 && sandbox.control.outbox(ROOM));
      expect(others).toEqual([]);
      expect(recap).toMatchObject({ provider: 'graph', from: ROOM, to: ['avery.chen@contoso.com', 'dana.rossi@contoso.com'], subject: 'Recap: Budget <2027>', attachments: [] });
      expect(recap?.body).toContain('<h2>Budget &lt;2027&gt;</h2>');
      expect(recap?.body).toContain('<li>Budget.pdf (1 KB)</li>');
      expect(recap?.body).toContain('the room is clean');
    });

    it('mails nothing while recaps are off (the default)', async () => {
      await sessionInMeeting({});
      // The recap runs after the clean-up without being awaited: give a wrongly sent one time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(sandbox.control.outbox(ROOM)).toEqual([]);
    });
  });
});
