import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgendaSchema, type Agenda, type CalendarChoice } from '../../shared/model';
import { deeplyNested, deeplyNestedJson, INVALID_UTF8, LONE_SURROGATE, MARKUP } from '../bad-input.test-support';
import { AgendaCache } from '../calendar/agenda-cache';
import { buildMeetings } from '../calendar/agenda';
import { AgendaService } from '../calendar/agenda-service';
import type { CalendarSource } from '../calendar/calendar-source';
import { createLogger } from '../health/logger';
import { detectJoinLink, providerName } from '../links';
import { sourceEventsOf } from './google/google-calendar';
import { GraphApi } from './microsoft/graph-api';
import { GraphCalendarSource } from './microsoft/graph-calendar';

/**
 * Provider JSON that breaks the documented shapes: a field missing, a wrong type, a date that is no date, strings far
 * longer than any screen, markup in a subject. What must hold: every well-formed meeting is shown, each bad one is
 * skipped with a log line (or shown with its text cut and escaped), and the agenda keeps updating.
 */
const calendar: CalendarChoice = { id: 'cal-1', name: 'Calendar', ownerName: 'Boardroom 4', ownerEmail: 'b4@contoso.com', isRoomAccountOwn: true };
const NOW = new Date('2026-11-23T09:00:00Z');
const at = (hour: number) => ({ dateTime: `2026-11-23T${String(hour).padStart(2, '0')}:00:00.0000000`, timeZone: 'UTC' });

function graphEvent(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.event', id, subject: `Meeting ${id}`, start: at(10), end: at(11), showAs: 'busy', ...extra };
}

/** Stands for 5 000 levels of nesting in the page's text (JSON.stringify would recurse that deep to write it). */
const DEEP = '__deeply-nested__';

const hostileGraphItems: unknown[] = [
  graphEvent('good-1'),
  graphEvent('no-start', { start: undefined }),
  graphEvent('start-is-a-number', { start: 1732352400 }),
  graphEvent('not-a-date', { start: { dateTime: 'not a date at all', timeZone: 'UTC' } }),
  graphEvent('month-13', { start: { dateTime: '2026-13-45T99:00:00.0000000', timeZone: 'UTC' } }),
  { ...graphEvent('x'), id: null },
  graphEvent('all-day-is-a-string', { isAllDay: 'yes' }),
  graphEvent('huge-subject', { subject: `${MARKUP}${'Budget '.repeat(20_000)}` }),
  graphEvent('huge-organizer', { organizer: { emailAddress: { name: 'A'.repeat(10_000), address: 'a@contoso.com' } } }),
  graphEvent(`long-id-${'i'.repeat(2_000)}`),
  graphEvent('odd-text', { subject: `${INVALID_UTF8} ${LONE_SURROGATE}`, body: { contentType: 'html', content: DEEP } }),
  { '@removed': { reason: 'deleted' } },
  'a bare string',
  null,
  graphEvent('good-2', { start: at(14), end: at(15) }),
];

/** A stand-in Graph that answers every delta request with one crafted page. */
async function fakeGraph(items: unknown[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = JSON.stringify({ value: items, '@odata.deltaLink': `${origin}/v1.0/me/calendarView/delta?$deltatoken=1` });
    res.writeHead(200, { 'content-type': 'application/json' }).end(page.replace(`"${DEEP}"`, deeplyNestedJson(5_000)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function agendaOf(source: CalendarSource, lines: string[]): Promise<Agenda | null> {
  let latest: Agenda | null = null;
  const service = new AgendaService({
    source,
    calendar,
    timeZone: 'UTC',
    clock: { now: () => NOW },
    detect: (event) => detectJoinLink(event.linkSource),
    providerName,
    privacy: { hideSubjects: false, hideOrganizers: false },
    bookedHere: () => new Set<string>(),
    pollMs: 60_000,
    cache: new AgendaCache(await mkdtemp(join(tmpdir(), 'rd-bad-provider-')), createLogger(() => undefined)),
    log: createLogger((line) => lines.push(line)),
    onAgenda: (agenda) => (latest = AgendaSchema.parse(agenda)),
    onSignInNeeded: () => undefined,
    invitations: () => null,
  });
  await service.refresh();
  service.stop();
  return latest;
}

describe('bad input: provider JSON', () => {
  let server: Server | null = null;
  afterEach(() => server?.close());

  it('Graph: the well-formed meetings are shown, each malformed one is skipped with a log line, oversized text is cut', async () => {
    const fake = await fakeGraph(hostileGraphItems);
    server = fake.server;
    const lines: string[] = [];
    const source = new GraphCalendarSource(new GraphApi(fake.url, async () => 'token', createLogger((line) => lines.push(line))), { name: 'Boardroom 4', username: 'b4@contoso.com' });
    const agenda = await agendaOf(source, lines);

    expect(agenda?.staleSince, lines.join('\n').slice(0, 3000)).toBeNull();
    const ids = agenda?.meetings.map((m) => m.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['good-1', 'good-2', 'huge-subject', 'huge-organizer', 'odd-text']));
    for (const bad of ['no-start', 'start-is-a-number', 'not-a-date', 'month-13', 'all-day-is-a-string']) expect(ids).not.toContain(bad);
    expect(ids.some((id) => id.startsWith('long-id'))).toBe(false);
    expect(lines.some((line) => line.includes('agenda.event-skipped') && line.includes('long-id'))).toBe(true);
    const huge = agenda?.meetings.find((m) => m.id === 'huge-subject');
    expect(huge?.subject?.startsWith(MARKUP)).toBe(true);
    expect(huge?.subject?.length).toBeLessThanOrEqual(500);
    const skipped = lines.filter((line) => line.includes('skipped'));
    expect(skipped.length).toBeGreaterThanOrEqual(5);
    expect(lines.join('\n').length).toBeLessThan(20_000);
  });

  it('Graph: a page that is not a Graph page at all fails the poll (stale, logged), it does not crash', async () => {
    const fake = await fakeGraph('not an array' as unknown as unknown[]);
    server = fake.server;
    const lines: string[] = [];
    const source = new GraphCalendarSource(new GraphApi(fake.url, async () => 'token', createLogger(() => undefined)), { name: 'Boardroom 4', username: 'b4@contoso.com' });
    await agendaOf(source, lines);
    expect(lines.some((line) => line.includes('agenda.sync-failed') && line.includes('value'))).toBe(true);
  });

  it('a day of 600 meetings shows the first 500 and says so in the log, instead of breaking the screen', () => {
    const lines: string[] = [];
    const items = Array.from({ length: 600 }, (_, i) => {
      const start = new Date(NOW.getTime() + i * 60_000);
      return { id: `m${i}`, summary: `Slot ${i}`, start: { dateTime: start.toISOString() }, end: { dateTime: new Date(start.getTime() + 60_000).toISOString() } };
    });
    const log = createLogger((line) => lines.push(line));
    const meetings = buildMeetings(sourceEventsOf(items, log), {
      timeZone: 'UTC',
      detect: (event) => detectJoinLink(event.linkSource),
      providerName,
      privacy: { hideSubjects: false, hideOrganizers: false },
      bookedHere: new Set(),
      onSkipped: (id, reason) => log.warn('agenda.event-skipped', { id, reason }),
    });
    expect(meetings).toHaveLength(500);
    expect(meetings.at(-1)?.id).toBe('m499');
    expect(lines.some((line) => line.includes('100 meetings'))).toBe(true);
  });

  it('Google: events missing fields or with wrong types are skipped with a log line; the rest are read', () => {
    const lines: string[] = [];
    const good = { id: 'g-good', summary: MARKUP, start: { dateTime: '2026-11-23T10:00:00Z' }, end: { dateTime: '2026-11-23T11:00:00Z' } };
    const events = sourceEventsOf(
      [
        good,
        { ...good, id: undefined },
        { ...good, id: 'g-no-end', end: undefined },
        { ...good, id: 'g-number-start', start: { dateTime: 17 } },
        { ...good, id: 'g-bad-date', start: { dateTime: 'tomorrow-ish' } },
        { ...good, id: 'g-mixed', start: { date: '2026-11-23' }, end: { dateTime: '2026-11-23T11:00:00Z' } },
        { ...good, id: 'g-nested', description: deeplyNested(5_000) },
        42,
      ],
      createLogger((line) => lines.push(line)),
    );
    expect(events.map((e) => e.id)).toEqual(['g-good', 'g-nested']);
    expect(events[0]?.subject).toBe(MARKUP);
    expect(lines.filter((line) => line.includes('google.event-skipped'))).toHaveLength(6);
  });
});
