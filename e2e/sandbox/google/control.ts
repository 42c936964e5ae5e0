import { z } from 'zod';
import { parseControlBody, parseControlQuery } from '../core/control';
import { emptyReply, jsonReply } from '../core/http';
import { route, type Route } from '../core/router';
import { calendarViews } from './calendar/events-list';
import { overlaps, recordView } from './calendar/instances';
import type { ApiEvent, Person } from './calendar/model';
import { toApiEvent } from './calendar/serialize';
import type { GoogleCalendarStore, WriteOptions } from './calendar/store';
import type { GoogleOAuthContext } from './oauth/context';
import { approveDeviceCode, type GoogleDeviceApproval } from './oauth/device';

/** Test-side operations on the Google stand-in (in process; the same over HTTP under /__sandbox/google/). */
export interface GoogleControl {
  /** The account removes Roomdeck's access: every token dies (API 401, refresh → invalid_grant) and the grant is gone. */
  revoke(account: string): void;
  /** Scopes the account has granted the app (canonical URLs, `openid` as is), sorted. */
  grantedScopes(account: string): string[];
  /** True for an access token that is neither expired nor revoked, or a refresh token that is not revoked. */
  tokenIsLive(token: string): boolean;
  /** What google.com/device does when the person finishes (consent false = Cancel). */
  approveDeviceCode(approval: GoogleDeviceApproval): void;
  /** Every sync token issued so far answers 410 fullSyncRequired from now on. */
  invalidateSyncTokens(): void;
  /** The next Meet conference created stays "pending" for this many events.get calls, then turns "success". */
  pendingConference(reads: number): void;
  /** Stored events of a calendar (series, exceptions and single events, cancelled ones included), in its zone. */
  events(calendarId: string): ApiEvent[];
  /**
   * What the calendar holds in [start, end) as a fresh `events.list?singleEvents=true` would list it: occurrences
   * expanded, exceptions in their place, nothing cancelled; times in the calendar's zone.
   */
  instances(calendarId: string, window: { start: Date; end: Date }): ApiEvent[];
  /** Adds an event as Calendar would store it; `organizer` may name someone else (an invitation from outside). */
  addEvent(calendarId: string, event: ApiEvent): ApiEvent;
  /** Patch semantics; an occurrence id (`{seriesId}_{20261123T083000Z}`) makes an exception (a moved occurrence). */
  updateEvent(calendarId: string, eventId: string, patch: ApiEvent): ApiEvent;
  /** Cancels an event, a series, or one occurrence (a cancelled exception). */
  deleteEvent(calendarId: string, eventId: string): void;
}

function organizerOf(event: ApiEvent): Person | undefined {
  const email = event.organizer?.email;
  return email ? { email: email.toLowerCase(), displayName: event.organizer?.displayName ?? null } : undefined;
}

/** Control writes are the calendar's own (no actor), and may create Meet conferences like conferenceDataVersion=1. */
function controlWrite(event: ApiEvent): WriteOptions {
  const organizer = organizerOf(event);
  return { conferenceDataVersion: 1, actor: organizer ?? null, ...(organizer ? { organizer } : {}) };
}

export function createGoogleControl(oauth: GoogleOAuthContext, store: GoogleCalendarStore): GoogleControl {
  const serialized = (calendarId: string, eventId: string): ApiEvent => {
    const record = store.find(calendarId, eventId);
    if (!record) throw new Error(`${calendarId} has no event ${eventId}`);
    return toApiEvent(recordView(record), store.requireCalendar(calendarId).timeZone);
  };
  return {
    revoke: (account) => oauth.grants.revokeAccount(oauth.directory.require(account).email),
    grantedScopes: (account) => oauth.grants.granted(oauth.directory.require(account).email, oauth.app.clientId).sort(),
    tokenIsLive: (token) => oauth.grants.isLive(token),
    approveDeviceCode: (approval) => {
      approveDeviceCode(oauth, approval);
    },
    invalidateSyncTokens: () => store.invalidateSyncTokens(),
    pendingConference: (reads) => store.pendingConference(reads),
    events: (calendarId) => store.eventsIn(store.requireCalendar(calendarId).id).map((record) => serialized(calendarId, record.id)),
    instances: (calendarId, window) => {
      const calendar = store.requireCalendar(calendarId);
      return calendarViews(store, calendar, window, true)
        .filter((view) => view.status !== 'cancelled' && overlaps(view, window, calendar.timeZone))
        .map((view) => toApiEvent(view, calendar.timeZone));
    },
    addEvent: (calendarId, event) => serialized(calendarId, store.insert(calendarId, event, controlWrite(event)).id),
    updateEvent: (calendarId, eventId, patch) => serialized(calendarId, store.patch(calendarId, eventId, patch, controlWrite(patch)).id),
    deleteEvent: (calendarId, eventId) => store.remove(calendarId, eventId),
  };
}

const accountBody = z.object({ account: z.string() });
const tokenBody = z.object({ token: z.string() });
const approvalBody = z.object({ userCode: z.string(), account: z.string(), consent: z.boolean() });
const pendingBody = z.object({ reads: z.number().int().min(0) });
const windowQuery = z.object({ start: z.coerce.date(), end: z.coerce.date() });
/** A Calendar event resource; the store validates what matters (times, recurrence, ids) and names what is wrong. */
const eventBody = z.record(z.string(), z.unknown()).transform((value) => value as ApiEvent);

const PREFIX = '^/__sandbox/google';
const EVENTS = `${PREFIX}/calendars/(?<calendarId>[^/]+)/events`;

export function googleControlRoutes(control: GoogleControl): Route[] {
  // Operations without a result answer 204 once they ran.
  const noContent = (action: () => void) => {
    action();
    return emptyReply(204);
  };
  return [
    route('POST', new RegExp(`${PREFIX}/revoke$`), (req) => noContent(() => control.revoke(parseControlBody(req, accountBody).account))),
    route('GET', new RegExp(`${PREFIX}/accounts/(?<account>[^/]+)/scopes$`), (_req, params) => {
      const account = params['account'] ?? '';
      return jsonReply(200, { account, scopes: control.grantedScopes(account) });
    }),
    route('POST', new RegExp(`${PREFIX}/tokens/live$`), (req) => jsonReply(200, { live: control.tokenIsLive(parseControlBody(req, tokenBody).token) })),
    route('POST', new RegExp(`${PREFIX}/device-codes/approve$`), (req) => noContent(() => control.approveDeviceCode(parseControlBody(req, approvalBody)))),
    route('POST', new RegExp(`${PREFIX}/sync-tokens/invalidate$`), () => noContent(() => control.invalidateSyncTokens())),
    route('POST', new RegExp(`${PREFIX}/conferences/pending$`), (req) => noContent(() => control.pendingConference(parseControlBody(req, pendingBody).reads))),
    route('GET', new RegExp(`${EVENTS}$`), (_req, params) => jsonReply(200, control.events(params['calendarId'] ?? ''))),
    route('GET', new RegExp(`${PREFIX}/calendars/(?<calendarId>[^/]+)/instances$`), (req, params) =>
      jsonReply(200, control.instances(params['calendarId'] ?? '', parseControlQuery(req, windowQuery))),
    ),
    route('POST', new RegExp(`${EVENTS}$`), (req, params) => jsonReply(201, control.addEvent(params['calendarId'] ?? '', parseControlBody(req, eventBody)))),
    route(['PATCH', 'POST'], new RegExp(`${EVENTS}/(?<eventId>[^/]+)$`), (req, params) =>
      jsonReply(200, control.updateEvent(params['calendarId'] ?? '', params['eventId'] ?? '', parseControlBody(req, eventBody))),
    ),
    route('DELETE', new RegExp(`${EVENTS}/(?<eventId>[^/]+)$`), (_req, params) => noContent(() => control.deleteEvent(params['calendarId'] ?? '', params['eventId'] ?? ''))),
  ];
}
