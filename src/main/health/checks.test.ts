import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../shared/model';
import { ConnectionLostError } from '../auth/connector';
import { SignInNeededError } from '../auth/room-account';
import type { SourceEvent } from '../calendar/calendar-source';
import { checkClock, checkConnections, checkConsent, checkDisk, checkMailbox, checkSync, checkTokens, serverTimeOf } from './checks';

const NOW = new Date('2026-11-22T10:00:00Z');
const DAY = 86_400_000;

describe('tokens', () => {
  it('is bad when the refresh token is refused, and only a warning when the service is unreachable', async () => {
    expect(await checkTokens(async () => true)).toMatchObject({ status: 'ok', reason: 'token-valid' });
    expect(await checkTokens(async () => false)).toMatchObject({ status: 'ok', reason: 'not-set-up' });
    expect(await checkTokens(() => Promise.reject(new SignInNeededError('invalid_grant')))).toMatchObject({ status: 'bad', reason: 'sign-in-needed' });
    expect(await checkTokens(() => Promise.reject(new ConnectionLostError('google', 'invalid_grant')))).toMatchObject({ status: 'bad', reason: 'sign-in-needed' });
    expect(await checkTokens(() => Promise.reject(new TypeError('fetch failed')))).toMatchObject({ status: 'warn', reason: 'token-unreachable' });
  });
});

describe('connected services', () => {
  it('is bad while any connected service refuses its tokens, naming them', () => {
    expect(checkConnections([])).toMatchObject({ status: 'ok', reason: 'connections-ok' });
    expect(checkConnections(['Zoom', 'Dropbox'])).toMatchObject({ status: 'bad', reason: 'connection-lost', params: { services: 'Zoom, Dropbox' } });
  });
});

describe('consent lifetime', () => {
  it('warns two weeks before the sign-in lifetime IT set runs out, and is bad after', () => {
    expect(checkConsent(new Date(NOW.getTime() - 10 * DAY), NOW, null).reason).toBe('no-limit');
    expect(checkConsent(new Date(NOW.getTime() - 10 * DAY), NOW, 90)).toMatchObject({ status: 'ok', params: { days: 80 } });
    expect(checkConsent(new Date(NOW.getTime() - 80 * DAY), NOW, 90)).toMatchObject({ status: 'warn', params: { days: 10 } });
    expect(checkConsent(new Date(NOW.getTime() - 91 * DAY), NOW, 90)).toMatchObject({ status: 'bad', reason: 'consent-expired' });
  });
});

describe('sync freshness', () => {
  const agenda = (minutesAgo: number): Agenda => ({ room: { name: 'R', email: 'r@contoso.com', timeZone: 'UTC' }, meetings: [], updatedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(), staleSince: null });
  it('goes from fresh to late to stale as polls are missed', () => {
    expect(checkSync(null, NOW, 30_000).status).toBe('warn');
    expect(checkSync(agenda(1), NOW, 30_000).status).toBe('ok');
    expect(checkSync(agenda(5), NOW, 30_000)).toMatchObject({ status: 'warn', params: { minutes: 5 } });
    expect(checkSync(agenda(16), NOW, 30_000)).toMatchObject({ status: 'bad', reason: 'sync-stale', params: { minutes: 16 } });
    // A slow poll interval gets a longer grace.
    expect(checkSync(agenda(16), NOW, 10 * 60_000).status).toBe('ok');
  });
});

describe('disk', () => {
  it('reports the free space of the data folder', async () => {
    const result = await checkDisk(tmpdir());
    expect(result.params.freeMb).toBeGreaterThan(0);
    expect(['ok', 'warn', 'bad']).toContain(result.status);
  });
});

describe('clock', () => {
  it('compares the PC clock with a server’s Date header', async () => {
    const server = createServer((_req, res) => {
      res.setHeader('Date', new Date(NOW.getTime() + 400_000).toUTCString());
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const probe = serverTimeOf(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(await checkClock(probe, () => NOW)).toMatchObject({ status: 'bad', reason: 'clock-wrong', params: { seconds: 400 } });
      expect(await checkClock(probe, () => new Date(NOW.getTime() + 330_000))).toMatchObject({ status: 'warn', params: { seconds: 70 } });
      expect(await checkClock(probe, () => new Date(NOW.getTime() + 400_000))).toMatchObject({ status: 'ok' });
    } finally {
      server.close();
    }
    expect(await checkClock(serverTimeOf('http://127.0.0.1:9/', 500), () => NOW)).toMatchObject({ status: 'warn', reason: 'clock-unknown' });
  });
});

describe('room mailbox', () => {
  const event = (raw: Record<string, unknown>, id = 'e1'): SourceEvent => ({
    id, subject: null, organizer: null, start: '', end: '', isAllDay: false, showAs: 'busy', isPrivate: false, isCancelled: false,
    linkSource: { source: 'graph', event: raw } as SourceEvent['linkSource'],
  });
  const invitation = (body: string, subject = 'Quarterly review') => event({ isOrganizer: false, subject, body: { contentType: 'html', content: body }, organizer: { emailAddress: { name: 'Avery Chen' } } });

  it('warns when Exchange deleted every invitation body, unless Roomdeck reads the invitations instead', () => {
    const stripped = [invitation('<html><body>&nbsp;</body></html>'), invitation('')];
    expect(checkMailbox(stripped, false)).toMatchObject({ status: 'warn', reason: 'bodies-removed', params: { count: 2 } });
    expect(checkMailbox(stripped, true)).toMatchObject({ status: 'ok', reason: 'bodies-removed-mitigated' });
  });

  it('warns when subjects were replaced with the organizer’s name', () => {
    expect(checkMailbox([invitation('<p>Join: https://teams.microsoft.com/l/meetup-join/x</p>', 'Avery Chen')], false).reason).toBe('subjects-replaced');
  });

  it('is fine with kept bodies, and has no opinion without invitations from others', () => {
    expect(checkMailbox([invitation('<p>Agenda</p>'), invitation('')], false).reason).toBe('mailbox-ok');
    expect(checkMailbox([event({ isOrganizer: true, body: { content: '' } })], false).reason).toBe('mailbox-unknown');
    expect(checkMailbox([], false).reason).toBe('mailbox-unknown');
  });
});

describe('reasons on the admin screen', () => {
  it('has a sentence in every language for every reason a check or the monitor can give', async () => {
    const { readFile } = await import('node:fs/promises');
    const { en } = await import('../../renderer/i18n/en');
    const { it: italian } = await import('../../renderer/i18n/it');
    const sources = (await Promise.all(['checks.ts', 'monitor.ts'].map((f) => readFile(new URL(f, import.meta.url), 'utf8')))).join('\n');
    const reasons = [...sources.matchAll(/(?:outcome\('(?:ok|warn|bad)', |reason: )'([a-z-]+)'/g)].map((m) => m[1]!);
    expect(reasons.length).toBeGreaterThan(20);
    for (const reason of reasons) {
      expect(Object.keys(en.health.reason)).toContain(reason);
      expect(Object.keys(italian.health.reason)).toContain(reason);
    }
  });
});
