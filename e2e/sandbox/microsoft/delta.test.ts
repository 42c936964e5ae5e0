import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlClient } from '../control-client';
import { shapeDifferences } from '../core/shape';
import type { Sandbox } from '../index';
import { accessTokenFor, startTestSandbox } from '../test-support';

/** calendarView delta: the docs' synchronisation example as a contract, then every kind of change a room sees. */

const ANCHOR = new Date('2026-11-23T10:10:00Z'); // Monday; 11:10 in Rome
const ROOM = 'boardroom4@contoso.com';
const AVERY = 'avery.chen@contoso.com';
const ADMIN = 'it.admin@contoso.com';
const ROME_DAY = 'startDateTime=2026-11-22T23:00:00Z&endDateTime=2026-11-23T23:00:00Z';
/** The docs example's window (concepts/delta-query-events.md), with its lower-case parameter names. */
const DOCS_WINDOW = 'startdatetime=2016-12-01T00:00:00Z&enddatetime=2016-12-30T00:00:00Z';

type Item = Event & { '@odata.type'?: string; '@removed'?: { reason: string } };

interface DeltaPage {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  value: Item[];
}

interface Round {
  pages: DeltaPage[];
  items: Item[];
  deltaLink: string;
}

function fixture(name: string): DeltaPage {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'graph', name), 'utf8')) as DeltaPage;
}

function rome(day: string, time: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${day}T${time}:00`, timeZone: 'Europe/Rome' };
}

/** What an item says, in one comparable string: `+id subject start` for an update, `-id` for a removal. */
function summary(item: Item): string {
  return item['@removed'] ? `-${item.id ?? ''}` : `+${item.id ?? ''} ${item.subject ?? ''} ${item.start?.dateTime ?? ''}`;
}

describe('calendarView delta', () => {
  let sandbox: Sandbox;
  let roomToken = '';
  let averyToken = '';

  async function call(url: string, token: string, prefer?: string): Promise<Response> {
    return fetch(url, { headers: { authorization: `Bearer ${token}`, ...(prefer ? { prefer } : {}) } });
  }

  async function page(url: string, token: string, prefer?: string): Promise<DeltaPage> {
    const response = await call(url, token, prefer);
    if (response.status !== 200) throw new Error(`GET ${url} → ${response.status} ${await response.text()}`);
    return (await response.json()) as DeltaPage;
  }

  /** Follows nextLinks verbatim until the deltaLink, checking each page carries exactly one of them. */
  async function round(url: string, token: string, prefer?: string): Promise<Round> {
    const pages: DeltaPage[] = [];
    for (let next: string | undefined = url; next !== undefined; ) {
      const current = await page(next, token, prefer);
      expect(current['@odata.nextLink'] === undefined, 'a page carries exactly one of nextLink and deltaLink').not.toBe(current['@odata.deltaLink'] === undefined);
      pages.push(current);
      next = current['@odata.nextLink'];
    }
    const deltaLink = pages.at(-1)?.['@odata.deltaLink'] ?? '';
    return { pages, items: pages.flatMap((p) => p.value), deltaLink };
  }

  const roomDelta = (query = ROME_DAY) => `${sandbox.urls.graph}/v1.0/me/calendarView/delta?${query}`;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    roomToken = await accessTokenFor(sandbox, ROOM, ['Calendars.Read']);
    averyToken = await accessTokenFor(sandbox, AVERY, ['Calendars.Read']);
  });
  afterAll(() => sandbox.close());

  it('replays the docs example: 5 events in pages of 2, then a next round with one deletion and one addition', async () => {
    const subjects = ['Plan shopping list', 'Pick up car', 'Get food', 'Prepare food', 'Rest!'];
    const added = subjects.map((subject, i) =>
      sandbox.control.addEvent(AVERY, { subject, start: { dateTime: `2016-12-1${i}T20:00:00`, timeZone: 'UTC' }, end: { dateTime: `2016-12-1${i}T21:00:00`, timeZone: 'UTC' } }),
    );
    sandbox.control.clearRequests();
    const first = await round(`${sandbox.urls.graph}/v1.0/me/calendarView/delta?${DOCS_WINDOW}`, averyToken, 'odata.maxpagesize=2');

    expect(first.pages.map((p) => p.value.length)).toEqual([2, 2, 1]);
    expect(first.items.map((item) => item.subject)).toEqual(subjects);
    const [page1, page2, page3] = first.pages;
    expect(page1?.['@odata.nextLink']).toMatch(/\/v1\.0\/me\/calendarView\/delta\?\$skiptoken=[\w-]+$/);
    expect(page3?.['@odata.deltaLink']).toMatch(/\/v1\.0\/me\/calendarView\/delta\?\$deltatoken=[\w-]+$/);
    expect(shapeDifferences(fixture('calendarview-delta-first-page.json'), page1, { allowExtra: 'any' })).toEqual([]);
    expect(shapeDifferences(fixture('calendarview-delta-first-page.json'), page2, { allowExtra: 'any' })).toEqual([]);
    expect(shapeDifferences(fixture('calendarview-delta-last-page.json'), page3, { allowExtra: 'any' })).toEqual([]);
    // The window travels in the tokens: follow-up requests carry nothing else.
    expect(sandbox.control.requests({ service: 'graph' }).slice(1).map((r) => Object.keys(r.query))).toEqual([['$skiptoken'], ['$skiptoken']]);

    sandbox.control.deleteEvent(AVERY, added[0]?.id ?? '');
    const attend = sandbox.control.addEvent(AVERY, {
      subject: 'Attend service',
      start: { dateTime: '2016-12-25T06:00:00', timeZone: 'UTC' },
      end: { dateTime: '2016-12-25T07:30:00', timeZone: 'UTC' },
      location: {
        displayName: 'Chapel of Saint Ignatius',
        address: { street: '900 Broadway', city: 'Seattle', state: 'WA', countryOrRegion: 'United States', postalCode: '' },
        coordinates: { latitude: 47.6105, longitude: -122.321 },
      },
    });
    const next = await round(first.deltaLink, averyToken, 'odata.maxpagesize=2');
    expect(next.items.map(summary)).toEqual([`-${added[0]?.id ?? ''}`, `+${attend.id ?? ''} Attend service 2016-12-25T06:00:00.0000000`]);
    const documented = fixture('calendarview-delta-next-round.json');
    const [removed, event] = next.items;
    // A removal is exactly the documented three keys; an update is a whole event.
    expect(shapeDifferences(documented.value[0], removed)).toEqual([]);
    expect(shapeDifferences(documented.value[1], event, { allowExtra: 'any' })).toEqual([]);
    const { value: _docValue, ...docEnvelope } = documented;
    const { value: _liveValue, ...liveEnvelope } = next.pages[0] ?? { value: [] };
    expect(shapeDifferences(docEnvelope, liveEnvelope)).toEqual([]);
  });

  it('returns exactly what calendarView returns on a full round (occurrences expanded, Prefer: outlook.timezone)', async () => {
    const prefer = 'outlook.timezone="W. Europe Standard Time"';
    const view = (await page(`${sandbox.urls.graph}/v1.0/me/calendarView?${ROME_DAY}&$top=50`, roomToken, prefer)).value;
    const full = await round(roomDelta(), roomToken, prefer);

    expect(full.pages).toHaveLength(1); // 7 events, default page size 10
    expect(full.items.every((item) => item['@odata.type'] === '#microsoft.graph.event')).toBe(true);
    expect(full.items.map(({ '@odata.type': _type, ...event }) => event)).toEqual(view);
    expect(full.items.some((item) => item.type === 'occurrence')).toBe(true);
    expect(full.items.every((item) => item.start?.timeZone === 'W. Europe Standard Time')).toBe(true);
  });

  it('reports each kind of change once, as an update or an @removed, and nothing when idle', async () => {
    let link = (await round(roomDelta(), roomToken)).deltaLink;
    const changes = async (): Promise<string[]> => {
      const next = await round(link, roomToken, 'outlook.timezone="Europe/Rome"');
      link = next.deltaLink;
      return next.items.map(summary);
    };
    expect(await changes()).toEqual([]);

    const booking = sandbox.control.addEvent(ROOM, { subject: 'Walk-in', start: rome('2026-11-23', '19:00'), end: rome('2026-11-23', '19:30') });
    const id = booking.id ?? '';
    expect(await changes()).toEqual([`+${id} Walk-in 2026-11-23T19:00:00.0000000`]);
    expect(await changes()).toEqual([]);

    sandbox.control.updateEvent(ROOM, id, { start: rome('2026-11-23', '20:00'), end: rome('2026-11-23', '20:30') });
    expect(await changes()).toEqual([`+${id} Walk-in 2026-11-23T20:00:00.0000000`]);

    sandbox.control.updateEvent(ROOM, id, { isCancelled: true, subject: 'Canceled: Walk-in' });
    const cancelled = await round(link, roomToken);
    expect(cancelled.items).toEqual([expect.objectContaining({ id, isCancelled: true })]);
    link = cancelled.deltaLink;

    sandbox.control.updateEvent(ROOM, id, { start: rome('2026-11-24', '09:00'), end: rome('2026-11-24', '09:30') });
    expect(await changes(), 'moved out of the window').toEqual([`-${id}`]);

    const series = sandbox.control.events(ROOM).find((event) => event.subject === 'Ops stand-up');
    const before = (await round(roomDelta(), roomToken)).items.find((item) => item.seriesMasterId === series?.id);
    sandbox.control.cancelOccurrence(ROOM, series?.id ?? '', '2026-11-23');
    expect(await changes(), 'one occurrence cancelled').toEqual([`-${before?.id ?? ''}`]);

    sandbox.control.deleteEvent(ROOM, id);
    // Outside the window either side: Graph still says @removed (event-delta docs), and clients ignore unknown ids.
    expect(await changes()).toEqual([`-${id}`]);

    const elsewhere = sandbox.control.addEvent(ROOM, { subject: 'Next week', start: rome('2026-11-30', '10:00'), end: rome('2026-11-30', '11:00') });
    expect(await changes()).toEqual([`-${elsewhere.id ?? ''}`]);
  });

  it('lists an occurrence edited on its own as an exception with the occurrence’s id, in delta and calendarView alike', async () => {
    const series = sandbox.control.addEvent(ROOM, {
      subject: 'Evening check-in',
      start: rome('2026-11-20', '20:00'),
      end: rome('2026-11-20', '20:15'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-11-20', numberOfOccurrences: 10 } },
    });
    const seriesId = series.id ?? '';
    let link = (await round(roomDelta(), roomToken)).deltaLink;
    const occurrence = (await round(roomDelta(), roomToken)).items.find((item) => item.seriesMasterId === seriesId);

    sandbox.control.editOccurrence(ROOM, seriesId, '2026-11-23', { start: rome('2026-11-23', '21:00'), end: rome('2026-11-23', '21:30') });
    const moved = await round(link, roomToken, 'outlook.timezone="Europe/Rome"');
    link = moved.deltaLink;
    expect(moved.items.map(summary)).toEqual([`+${occurrence?.id ?? ''} Evening check-in 2026-11-23T21:00:00.0000000`]);
    expect(moved.items[0]).toMatchObject({ type: 'exception', seriesMasterId: seriesId });
    const view = (await round(roomDelta(), roomToken, 'outlook.timezone="Europe/Rome"')).items.filter((item) => item.seriesMasterId === seriesId);
    expect(view.map(summary)).toEqual([`+${occurrence?.id ?? ''} Evening check-in 2026-11-23T21:00:00.0000000`]);

    sandbox.control.deleteEvent(ROOM, seriesId);
    expect((await round(link, roomToken)).items.map(summary), 'the series and its exception gone').toEqual([`-${seriesId}`, `-${occurrence?.id ?? ''}`]);
  });

  it('lets a deltaLink be replayed: the same changes again', async () => {
    const { deltaLink } = await round(roomDelta(), roomToken);
    const booking = sandbox.control.addEvent(ROOM, { subject: 'Replayed', start: rome('2026-11-23', '21:00'), end: rome('2026-11-23', '21:15') });
    const once = await round(deltaLink, roomToken);
    const twice = await round(deltaLink, roomToken);
    expect(twice.items.map(summary)).toEqual(once.items.map(summary));
    expect(once.items.map((item) => item.id)).toEqual([booking.id]);
    sandbox.control.deleteEvent(ROOM, booking.id ?? '');
  });

  it('keeps a round a consistent snapshot when the calendar changes between its pages', async () => {
    const firstPage = await page(roomDelta(), roomToken, 'odata.maxpagesize=2');
    const all = (await round(roomDelta(), roomToken)).items;
    const last = all.filter((item) => item.type === 'singleInstance').at(-1)?.id ?? '';
    const extra = sandbox.control.addEvent(ROOM, { subject: 'Mid-round', start: rome('2026-11-23', '07:00'), end: rome('2026-11-23', '07:30') });
    sandbox.control.deleteEvent(ROOM, last);

    const rest = await round(firstPage['@odata.nextLink'] ?? '', roomToken, 'odata.maxpagesize=2');
    expect([...firstPage.value, ...rest.items].map((item) => item.id)).toEqual(all.map((item) => item.id));
    const next = await round(rest.deltaLink, roomToken);
    expect(next.items.map((item) => item.id).sort()).toEqual([extra.id, last].sort());

    sandbox.control.deleteEvent(ROOM, extra.id ?? '');
  });

  it('answers 410 syncStateNotFound to every outstanding token once they are invalidated, in process or over HTTP', async () => {
    const delta = (await round(roomDelta(), roomToken)).deltaLink;
    const skip = (await page(roomDelta(), roomToken, 'odata.maxpagesize=2'))['@odata.nextLink'] ?? '';
    sandbox.control.invalidateDeltaTokens();

    for (const link of [delta, skip]) {
      const response = await call(link, roomToken);
      expect(response.status).toBe(410);
      expect(await response.json()).toMatchObject({ error: { code: 'syncStateNotFound', message: expect.stringMatching(/sync state/), innerError: { 'request-id': expect.any(String) } } });
    }

    const fresh = await round(roomDelta(), roomToken);
    expect((await round(fresh.deltaLink, roomToken)).items).toEqual([]);
    await createControlClient(sandbox.urls.graph).invalidateDeltaTokens();
    expect((await call(fresh.deltaLink, roomToken)).status).toBe(410);
  });

  it('checks the window, the options, the tokens and the scopes as calendarView does', async () => {
    const errorOf = async (url: string, token: string) => {
      const response = await call(url, token);
      return [response.status, ((await response.json()) as { error?: { code: string } }).error?.code ?? 'no error'];
    };
    expect(await errorOf(`${sandbox.urls.graph}/v1.0/me/calendarView/delta`, roomToken)).toEqual([400, 'ErrorInvalidParameter']);
    expect(await errorOf(roomDelta(`${ROME_DAY}&$select=subject`), roomToken)).toEqual([400, 'ErrorInvalidUrlQuery']);
    expect(await errorOf(`${sandbox.urls.graph}/v1.0/me/calendarView/delta?$deltatoken=nonsense`, roomToken)).toEqual([400, 'ErrorInvalidUrlQuery']);
    // A token belongs to its calendar.
    const roomLink = (await round(roomDelta(), roomToken)).deltaLink;
    expect(await errorOf(roomLink, averyToken)).toEqual([400, 'ErrorInvalidUrlQuery']);

    // Consent accumulates per account, so ReadBasic alone needs an account that never consented to more.
    const basic = await accessTokenFor(sandbox, 'huddle2@contoso.com', ['Calendars.ReadBasic']);
    expect(await errorOf(roomDelta(), basic)).toEqual([403, 'ErrorAccessDenied']);
    const usersPath = `${sandbox.urls.graph}/v1.0/users/${ROOM}/calendar/calendarView/delta?${ROME_DAY}`;
    const adminRead = await accessTokenFor(sandbox, ADMIN, ['Calendars.Read']);
    expect(await errorOf(usersPath, adminRead)).toEqual([403, 'ErrorAccessDenied']);
    const adminShared = await accessTokenFor(sandbox, ADMIN, ['Calendars.Read.Shared']);
    const viaUsers = await round(usersPath, adminShared);
    expect(viaUsers.items.map((item) => item.id)).toEqual((await round(roomDelta(), roomToken)).items.map((item) => item.id));
    expect(viaUsers.deltaLink).toContain(`/v1.0/users/${ROOM}/calendar/calendarView/delta?$deltatoken=`);

    // SDK-built URLs use the qualified function name.
    const qualified = await round(`${sandbox.urls.graph}/v1.0/me/calendarView/microsoft.graph.delta()?${ROME_DAY}`, roomToken);
    expect(qualified.items).toHaveLength(viaUsers.items.length);
  });
});
