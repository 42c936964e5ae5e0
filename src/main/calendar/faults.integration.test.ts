import { afterEach, describe, expect, it } from 'vitest';
import type { FaultAction } from '../../../e2e/sandbox';
import type { Agenda } from '../../shared/model';
import type { RoomProvider } from '../auth/room-account';
import { addMeeting, CALENDAR_SERVICE, MICROSOFT_ROOM, networkDown, ROOM_SERVICES, startVirtualKiosk, type VirtualKiosk } from '../../../e2e/harness/virtual-kiosk';

/**
 * Provider faults against the real client libraries and the sandbox, on a virtual timeline (hours pass in the time
 * their requests take). Each test states what must hold for the people in the room: the screen keeps its meetings,
 * says when they are stale or a sign-in is needed, loses and duplicates nothing, and recovers by itself.
 */
const MINUTE = 60_000;
const PROVIDERS: readonly RoomProvider[] = ['microsoft', 'google'];

function ids(agenda: Agenda): string[] {
  return agenda.meetings.map((m) => m.id);
}

function expectNoDuplicates(agenda: Agenda): void {
  expect(new Set(ids(agenda)).size).toBe(agenda.meetings.length);
}

function calendarRequests(kiosk: VirtualKiosk) {
  return kiosk.sandbox.control.requests({ service: CALENDAR_SERVICE[kiosk.provider] });
}

/** The room's calendar endpoint, as a fault path: Graph's calendarView delta, Calendar's events.list. */
const CALENDAR_PATH: Record<RoomProvider, string> = { microsoft: 'calendarView', google: '/events$' };

describe.each(PROVIDERS)('%s room: provider faults', (provider) => {
  let kiosk: VirtualKiosk | null = null;
  afterEach(async () => {
    await kiosk?.stop();
    kiosk = null;
  });

  it('network down for an hour: meetings stay, marked stale, polls back off; back up: fresh within the longest backoff, nothing duplicated, tokens refreshed', async () => {
    kiosk = await startVirtualKiosk(provider);
    const before = kiosk.latest();
    kiosk.sandbox.control.clearRequests();
    await networkDown(kiosk.sandbox.control, provider);
    await kiosk.timeline.advance(60 * MINUTE);

    const during = kiosk.latest();
    expect(during.staleSince).not.toBeNull();
    expect(ids(during)).toEqual(ids(before));
    // 30 s polls would be 120 requests; doubling up to 5 min keeps an hour's outage to a handful.
    const tries = calendarRequests(kiosk).length;
    expect(tries).toBeGreaterThanOrEqual(5);
    expect(tries).toBeLessThanOrEqual(20);

    kiosk.sandbox.control.clearFaults();
    kiosk.sandbox.control.clearRequests();
    const back = kiosk.timeline.now().toISOString();
    await kiosk.timeline.advance(6 * MINUTE);
    const after = kiosk.latest();
    expect(after.staleSince).toBeNull();
    expect(after.updatedAt > back).toBe(true);
    expect(ids(after).sort()).toEqual(ids(before).sort());
    expectNoDuplicates(after);
    // The access token died during the hour (the sandbox's last one hour): the client refreshed it by itself.
    const [auth] = ROOM_SERVICES[provider];
    expect(kiosk.sandbox.control.requests({ service: auth }).some((r) => r.grantType === 'refresh_token')).toBe(true);
  });

  it('429 with Retry-After: the next call waits at least that long, then the agenda is fresh again', async () => {
    kiosk = await startVirtualKiosk(provider);
    kiosk.sandbox.control.clearRequests();
    kiosk.sandbox.control.addFault({ service: CALENDAR_SERVICE[provider], path: CALENDAR_PATH[provider], action: { type: 'status', status: 429, retryAfter: 600 } });
    await kiosk.timeline.advance(20 * MINUTE);

    const calls = calendarRequests(kiosk).filter((r) => r.path.match(CALENDAR_PATH[provider]));
    const throttled = calls.findIndex((r) => r.status === 429);
    const next = calls[throttled + 1];
    expect(throttled).toBeGreaterThanOrEqual(0);
    expect(next).toBeDefined();
    expect(Date.parse(next?.at ?? '') - Date.parse(calls[throttled]?.at ?? '')).toBeGreaterThanOrEqual(600_000);
    expect(kiosk.staleAgendas()).toBeGreaterThan(0);
    expect(kiosk.latest().staleSince).toBeNull();
  });

  it('5xx for half an hour: polls back off instead of hammering the service, and the agenda comes back by itself', async () => {
    kiosk = await startVirtualKiosk(provider);
    const before = kiosk.latest();
    kiosk.sandbox.control.clearRequests();
    kiosk.sandbox.control.addFault({ service: CALENDAR_SERVICE[provider], path: CALENDAR_PATH[provider], times: 1_000_000, action: { type: 'status', status: 500 } });
    await kiosk.timeline.advance(30 * MINUTE);
    const tries = calendarRequests(kiosk).filter((r) => r.path.match(CALENDAR_PATH[provider]));
    expect(tries.every((r) => r.status === 500)).toBe(true);
    // 30 s polls would be 60 tries; waits doubling up to 5 minutes make it about eight.
    expect(tries.length).toBeGreaterThanOrEqual(5);
    expect(tries.length).toBeLessThanOrEqual(12);
    expect(kiosk.latest().staleSince).not.toBeNull();
    expect(ids(kiosk.latest())).toEqual(ids(before));

    kiosk.sandbox.control.clearFaults();
    await kiosk.timeline.advance(6 * MINUTE);
    expect(kiosk.latest().staleSince).toBeNull();
    expect(ids(kiosk.latest()).sort()).toEqual(ids(before).sort());
  });

  const transient: [string, FaultAction, number][] = [
    ['a 503 burst', { type: 'status', status: 503, retryAfter: 1 }, 5],
    ['a connection reset', { type: 'reset' }, 1],
    ['a response that never comes (client time-out)', { type: 'hang' }, 1],
  ];
  it.each(transient)('%s: the screen goes stale, then recovers by itself with the same meetings', async (_name, action, times) => {
    kiosk = await startVirtualKiosk(provider);
    const before = kiosk.latest();
    kiosk.sandbox.control.addFault({ service: CALENDAR_SERVICE[provider], path: CALENDAR_PATH[provider], times, action });
    await kiosk.timeline.advance(30 * MINUTE);
    expect(kiosk.staleAgendas()).toBeGreaterThan(0);
    const after = kiosk.latest();
    expect(after.staleSince).toBeNull();
    expect(ids(after).sort()).toEqual(ids(before).sort());
    expectNoDuplicates(after);
  }, 60_000);

  it('a revoked refresh token: "sign in again" is shown and the agenda is kept', async () => {
    kiosk = await startVirtualKiosk(provider);
    const before = kiosk.latest();
    if (provider === 'microsoft') kiosk.sandbox.control.revoke(MICROSOFT_ROOM);
    else kiosk.sandbox.control.google.revoke(kiosk.sandbox.google.roomAccount);
    // Past the access token's hour, so the client must use the (revoked) refresh token.
    await kiosk.timeline.advance(65 * MINUTE);
    const state = kiosk.state();
    expect(state?.phase).toBe('ready');
    expect(state?.phase === 'ready' ? state.signInNeeded : null).not.toBeNull();
    expect(ids(kiosk.latest())).toEqual(ids(before));
  });

  it('the sync cursor is invalidated: a full resync, the new meeting shown once, nothing duplicated', async () => {
    kiosk = await startVirtualKiosk(provider);
    const before = kiosk.latest();
    if (provider === 'microsoft') kiosk.sandbox.control.invalidateDeltaTokens();
    else kiosk.sandbox.control.google.invalidateSyncTokens();
    await addMeeting(kiosk, 'After the resync', 30);
    kiosk.sandbox.control.clearRequests();
    await kiosk.timeline.advance(MINUTE);
    expect(calendarRequests(kiosk).some((r) => r.status === 410)).toBe(true);
    const after = kiosk.latest();
    expect(after.staleSince).toBeNull();
    expect(after.meetings.filter((m) => m.subject === 'After the resync')).toHaveLength(1);
    expect(after.meetings).toHaveLength(before.meetings.length + 1);
    expectNoDuplicates(after);
  });
});
