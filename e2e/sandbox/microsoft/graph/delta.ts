import type { Event } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { Reply, SandboxRequest } from '../../core/http';
import { base64url } from '../../core/ids';
import type { Route } from '../../core/router';
import { DEFAULT_PAGE_SIZE, instancesInWindow, type TimeWindow } from './calendar-view';
import type { GraphContext } from './context';
import { graphError, graphErrorNamed, graphJson } from './errors';
import { parsePrefer, preferenceAppliedHeader, type Preferences } from './prefer';
import { graphRoute, ME, metadata, parseWindow, targetCalendar, type Authed } from './routes';
import { eventToWire } from './serialize';
import type { CalendarStore, StoredCalendar } from './store';

/**
 * calendarView delta (learn.microsoft.com/graph/delta-query-events and /graph/api/event-delta).
 *
 * A round is a list of items fixed by its first request: the window's instances as of watermark `to` (full round) or
 * what changed in (`from`, `to`] (incremental round). Every page but the last carries `@odata.nextLink` with a
 * $skiptoken; the last carries `@odata.deltaLink` with a $deltatoken for `to`, never both. Tokens are opaque base64
 * of {calendar, window, watermark}, so links are replayed verbatim and a replayed link gives the same answer.
 */

const EVENT_TYPE = '#microsoft.graph.event';

/** Options the docs say delta on calendarView rejects ("$select is not supported"; nor $expand/$filter/$orderby/$search). */
const UNSUPPORTED_OPTIONS = ['$select', '$expand', '$filter', '$orderby', '$search'];

interface RoundState {
  readonly calendarId: string;
  readonly window: TimeWindow;
  /** null: a full round (the initial sync). */
  readonly from: number | null;
  readonly to: number;
  readonly offset: number;
  /** The page size the round started with; a later Prefer: odata.maxpagesize overrides it. */
  readonly size: number | null;
}

type DeltaItem = { readonly kind: 'event'; readonly event: Event } | { readonly kind: 'removed'; readonly id: string };

// ---------------------------------------------------------------- tokens

const watermark = z.number().int().min(0);
const TokenWindow = z.object({ c: z.string().min(1), s: z.string(), e: z.string() });
const DeltaTokenSchema = TokenWindow.extend({ w: watermark });
const SkipTokenSchema = TokenWindow.extend({ f: watermark.nullable(), t: watermark, o: z.number().int().min(0), n: z.number().int().min(1).nullable() });
type TokenWindowFields = z.infer<typeof TokenWindow>;

function encodeToken(value: Record<string, unknown>): string {
  return base64url(JSON.stringify(value));
}

function decodeToken<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function windowFields(state: RoundState): TokenWindowFields {
  return { c: state.calendarId, s: state.window.start.toISOString(), e: state.window.end.toISOString() };
}

function windowOf(fields: TokenWindowFields): TimeWindow | null {
  const start = new Date(fields.s);
  const end = new Date(fields.e);
  return Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end ? null : { start, end };
}

/** Graph treats query option names case-insensitively ($skipToken and $skiptoken both occur in the wild). */
function queryParam(req: SandboxRequest, name: string): string | undefined {
  const key = Object.keys(req.query).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : req.query[key];
}

/** The same path with only the state token: tokens carry everything else (docs: "simply copy and apply" the link). */
function stateLink(req: SandboxRequest, name: '$skiptoken' | '$deltatoken', token: string): string {
  return `${req.origin}${req.url.pathname}?${name}=${token}`;
}

// ---------------------------------------------------------------- where a request stands in its round

type Resolved = { readonly state: RoundState } | { readonly reply: Reply };

function fromWindow(ctx: GraphContext, req: SandboxRequest, calendar: StoredCalendar): Resolved {
  const window = parseWindow(req);
  if (window === 'missing') return { reply: graphErrorNamed(req, ctx.clock, 'missingWindow') };
  if (window === 'invalid') return { reply: graphErrorNamed(req, ctx.clock, 'badWindow') };
  return { state: { calendarId: calendar.id, window, from: null, to: ctx.calendars.watermark(), offset: 0, size: null } };
}

function fromDeltaToken(ctx: GraphContext, req: SandboxRequest, calendar: StoredCalendar, text: string): Resolved {
  const token = decodeToken(DeltaTokenSchema, text);
  const window = token && windowOf(token);
  if (!token || !window || token.c !== calendar.id) return { reply: graphErrorNamed(req, ctx.clock, 'badDeltaToken') };
  if (!ctx.calendars.canReplayFrom(token.w)) return { reply: graphErrorNamed(req, ctx.clock, 'syncStateNotFound') };
  return { state: { calendarId: calendar.id, window, from: token.w, to: ctx.calendars.watermark(), offset: 0, size: null } };
}

function fromSkipToken(ctx: GraphContext, req: SandboxRequest, calendar: StoredCalendar, text: string): Resolved {
  const token = decodeToken(SkipTokenSchema, text);
  const window = token && windowOf(token);
  if (!token || !window || token.c !== calendar.id || (token.f ?? token.t) > token.t) return { reply: graphErrorNamed(req, ctx.clock, 'badSkipToken') };
  if (!ctx.calendars.canReplayFrom(token.f ?? token.t)) return { reply: graphErrorNamed(req, ctx.clock, 'syncStateNotFound') };
  return { state: { calendarId: calendar.id, window, from: token.f, to: token.t, offset: token.o, size: token.n } };
}

function resolveRound(ctx: GraphContext, req: SandboxRequest, calendar: StoredCalendar): Resolved {
  const skip = queryParam(req, '$skiptoken');
  if (skip !== undefined) return fromSkipToken(ctx, req, calendar, skip);
  const delta = queryParam(req, '$deltatoken');
  if (delta !== undefined) return fromDeltaToken(ctx, req, calendar, delta);
  return fromWindow(ctx, req, calendar);
}

// ---------------------------------------------------------------- what a round contains

/** The instances in a window that belong to event `id`: itself, or its occurrences (its exceptions carry their own ids). */
function instancesOf(instances: readonly Event[], id: string): Event[] {
  return instances.filter((event) => event.id === id || (event.type === 'occurrence' && event.seriesMasterId === id));
}

/**
 * One changed event in an incremental round: its instances in the window now (as updates, whole), and the ones that
 * left it (deleted, cancelled occurrence, moved out) as `@removed`. An event changed wholly outside the window also
 * comes back as `@removed` — the event-delta docs say so, and clients must filter such ids. Instances are read from
 * the whole calendar at each end, so an occurrence an exception stands in for is the exception's, not the series'.
 */
function changeItems(id: string, before: readonly Event[], after: readonly Event[]): DeltaItem[] {
  if (before.length === 0 && after.length === 0) return [{ kind: 'removed', id }];
  const still = new Set(after.map((event) => event.id));
  const gone: DeltaItem[] = before.filter((event) => !still.has(event.id)).map((event) => ({ kind: 'removed', id: event.id ?? '' }));
  return [...gone, ...after.map((event): DeltaItem => ({ kind: 'event', event }))];
}

function roundItems(store: CalendarStore, state: RoundState): DeltaItem[] {
  if (state.from === null) return instancesInWindow(store.eventsAt(state.calendarId, state.to), state.window).map((event) => ({ kind: 'event', event }));
  const changed = store.changedBetween(state.calendarId, state.from, state.to);
  if (changed.length === 0) return [];
  const before = instancesInWindow(store.eventsAt(state.calendarId, state.from), state.window);
  const after = instancesInWindow(store.eventsAt(state.calendarId, state.to), state.window);
  return changed.flatMap((id) => changeItems(id, instancesOf(before, id), instancesOf(after, id)));
}

function itemToWire(item: DeltaItem, prefs: Preferences): Record<string, unknown> {
  if (item.kind === 'removed') return { '@odata.type': EVENT_TYPE, id: item.id, '@removed': { reason: 'deleted' } };
  return { '@odata.type': EVENT_TYPE, ...eventToWire(item.event, prefs, null) };
}

/** `@odata.nextLink` while the round has more, else `@odata.deltaLink` for the next round. */
function roundLink(req: SandboxRequest, state: RoundState, size: number, total: number): Record<string, string> {
  const fields = windowFields(state);
  if (state.offset + size < total) {
    const next = encodeToken({ ...fields, f: state.from, t: state.to, o: state.offset + size, n: size });
    return { '@odata.nextLink': stateLink(req, '$skiptoken', next) };
  }
  return { '@odata.deltaLink': stateLink(req, '$deltatoken', encodeToken({ ...fields, w: state.to })) };
}

function unsupportedOption(req: SandboxRequest): string | null {
  return Object.keys(req.query).find((key) => UNSUPPORTED_OPTIONS.includes(key.toLowerCase())) ?? null;
}

const calendarViewDelta: Authed = (ctx, req, params, principal) => {
  const target = targetCalendar(ctx, req, params, principal);
  if ('reply' in target) return target.reply;
  const unsupported = unsupportedOption(req);
  // The docs only say these are unsupported; the exact error Graph returns is unverified.
  if (unsupported) return graphError(req, ctx.clock, 400, 'ErrorInvalidUrlQuery', `The query parameter '${unsupported}' is not supported with change tracking over the 'CalendarView' resource.`);
  const round = resolveRound(ctx, req, target.calendar);
  if ('reply' in round) return round.reply;
  const prefs = parsePrefer(req);
  const size = Math.min(1000, prefs.maxPageSize ?? round.state.size ?? DEFAULT_PAGE_SIZE);
  const items = roundItems(ctx.calendars, round.state);
  const page = items.slice(round.state.offset, round.state.offset + size);
  const body = { '@odata.context': metadata(req, 'Collection(event)'), ...roundLink(req, round.state, size, items.length), value: page.map((item) => itemToWire(item, prefs)) };
  return graphJson(req, 200, body, preferenceAppliedHeader(prefs));
};

/** SDK-built requests use the qualified name `microsoft.graph.delta()`; people write `delta`. */
const DELTA = '(?:delta|microsoft\\.graph\\.delta(?:\\(\\))?)';

export function deltaRoutes(ctx: GraphContext): Route[] {
  return [
    graphRoute(ctx, `${ME}/(?:calendar/)?calendarView/${DELTA}`, calendarViewDelta),
    graphRoute(ctx, `${ME}/calendars/(?<calendar>[^/]+)/calendarView/${DELTA}`, calendarViewDelta),
  ];
}
