import type { Event, EventMessageRequest } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { parseControlBody } from '../core/control';
import { emptyReply, jsonReply } from '../core/http';
import { route, type Route } from '../core/router';
import type { EntraContext } from './entra/context';
import { completeDeviceCode, type DeviceApproval } from './entra/device-flow';
import { parseLocalDate, type LocalDate } from '../core/time';
import { instanceIdOf, occurrenceIdOf, occurrenceOn } from './graph/calendar-view';
import type { MailStore, StoredMessage, WellKnownFolder } from './graph/mail-store';
import type { CalendarStore } from './graph/store';

/** A stored message with what the store keeps beside it: folder, MAPI properties, the calendar item it made. */
export interface ControlMessage extends EventMessageRequest {
  id: string;
  '@odata.type': string;
  folder: WellKnownFolder | null;
  eventId: string | null;
}

/** Test-side operations on the Microsoft stand-in (in-process; the same over HTTP under /__sandbox/). */
export interface MicrosoftControl {
  /** Every access and refresh token of the account stops working (Graph 401, refresh → invalid_grant bad_token). */
  revoke(account: string): void;
  /** What the verification page does when the person finishes (consent false = Cancel). */
  approveDeviceCode(approval: DeviceApproval): void;
  /** Graph permissions the account has consented to (OIDC scopes left out), sorted. */
  grantedScopes(account: string): string[];
  /** True for an access or refresh token that is neither expired nor revoked. */
  tokenIsLive(token: string): boolean;
  addEvent(ownerEmail: string, event: Event): Event;
  updateEvent(ownerEmail: string, id: string, patch: Event): Event;
  deleteEvent(ownerEmail: string, id: string): void;
  /** Cancels one instance of a series (`day` = its local start date, YYYY-MM-DD), as deleting an occurrence in Outlook. */
  cancelOccurrence(ownerEmail: string, seriesMasterId: string, day: string): Event;
  /**
   * Edits one instance of a series on its own (moves it, renames it…), as Outlook does: it becomes an `exception` with
   * the occurrence's id, listed instead of the occurrence. Editing it again updates the exception.
   */
  editOccurrence(ownerEmail: string, seriesMasterId: string, day: string, patch: Event): Event;
  /** Every outstanding calendarView delta token now answers 410 `syncStateNotFound` (Exchange evicted the sync state). */
  invalidateDeltaTokens(): void;
  /** Stored events (series masters, not expanded occurrences), times in their original zone. */
  events(ownerEmail: string): Event[];
  /** The mailbox's messages, newest first, every folder, with all their single-value extended properties. */
  messages(ownerEmail: string): ControlMessage[];
}

function controlMessage(mail: MailStore, stored: StoredMessage): ControlMessage {
  return {
    '@odata.type': stored.odataType,
    ...structuredClone(stored.message),
    id: stored.id,
    parentFolderId: stored.folderId,
    folder: mail.folder(stored.ownerUpn, stored.folderId)?.wellKnownName ?? null,
    singleValueExtendedProperties: stored.extendedProperties.map((property) => ({ ...property })),
    eventId: stored.eventId,
  };
}

function occurrenceDay(day: string): LocalDate {
  const parsed = parseLocalDate(day);
  if (!parsed) throw new Error(`occurrence day must be YYYY-MM-DD, got "${day}"`);
  return parsed;
}

function requireSeries(calendars: CalendarStore, owner: string, seriesMasterId: string, day: string): Event {
  occurrenceDay(day);
  const master = calendars.events(owner).find((event) => event.id === seriesMasterId);
  if (master?.type !== 'seriesMaster') throw new Error(`${owner} has no series with id ${seriesMasterId}`);
  return master;
}

function existingException(calendars: CalendarStore, owner: string, id: string): Event | null {
  return calendars.events(owner).find((event) => event.id === id && event.type === 'exception') ?? null;
}

/**
 * Outlook records a cancelled instance in the master's `cancelledOccurrences` (which changes the master); an
 * exception made of that instance goes with it.
 */
function cancelOccurrence(calendars: CalendarStore, owner: string, seriesMasterId: string, day: string): Event {
  const master = requireSeries(calendars, owner, seriesMasterId, day);
  const exception = existingException(calendars, owner, instanceIdOf(seriesMasterId, day));
  if (exception?.id) calendars.deleteEvent(owner, exception.id);
  const cancelled = new Set([...(master.cancelledOccurrences ?? []), occurrenceIdOf(seriesMasterId, day)]);
  return calendars.updateEvent(owner, seriesMasterId, { cancelledOccurrences: [...cancelled] });
}

function editOccurrence(calendars: CalendarStore, owner: string, seriesMasterId: string, day: string, patch: Event): Event {
  const master = requireSeries(calendars, owner, seriesMasterId, day);
  const id = instanceIdOf(seriesMasterId, day);
  if (existingException(calendars, owner, id)) return calendars.updateEvent(owner, id, patch);
  const occurrence = occurrenceOn(master, occurrenceDay(day));
  if (!occurrence) throw new Error(`the series ${seriesMasterId} has no occurrence on ${day}`);
  const calendarId = calendars.calendarOf(seriesMasterId);
  return calendars.addEvent(owner, { ...occurrence, type: 'exception', ...patch }, { id, ...(calendarId ? { calendarId } : {}) });
}

export function createMicrosoftControl(entra: EntraContext, calendars: CalendarStore, mail: MailStore): MicrosoftControl {
  return {
    revoke: (account) => entra.tokens.revokeAccount(entra.directory.require(account).userPrincipalName),
    approveDeviceCode: (approval) => {
      completeDeviceCode(entra, approval);
    },
    grantedScopes: (account) => entra.consent.granted(entra.directory.require(account).userPrincipalName),
    tokenIsLive: (token) => entra.tokens.isLive(token),
    addEvent: (owner, event) => calendars.addEvent(owner, event),
    updateEvent: (owner, id, patch) => calendars.updateEvent(owner, id, patch),
    deleteEvent: (owner, id) => calendars.deleteEvent(owner, id),
    cancelOccurrence: (owner, id, day) => cancelOccurrence(calendars, owner, id, day),
    editOccurrence: (owner, id, day, patch) => editOccurrence(calendars, owner, id, day, patch),
    invalidateDeltaTokens: () => calendars.forgetHistory(),
    events: (owner) => calendars.events(owner),
    messages: (owner) => mail.messages(owner).map((stored) => controlMessage(mail, stored)),
  };
}

const accountBody = z.object({ account: z.string() });
const approvalBody = z.object({ userCode: z.string(), account: z.string(), consent: z.boolean() });
const tokenBody = z.object({ token: z.string() });
/** A Graph event resource; the store checks what matters (start/end, recurrence) and names what is wrong. */
const eventBody = z.record(z.string(), z.unknown()).transform((value) => value as Event);

const MAILBOX_EVENTS = '^/__sandbox/mailboxes/(?<owner>[^/]+)/events';

export function microsoftControlRoutes(control: MicrosoftControl): Route[] {
  return [
    route('POST', /^\/__sandbox\/revoke$/, (req) => {
      control.revoke(parseControlBody(req, accountBody).account);
      return emptyReply(204);
    }),
    route('POST', /^\/__sandbox\/device-codes\/approve$/, (req) => {
      control.approveDeviceCode(parseControlBody(req, approvalBody));
      return emptyReply(204);
    }),
    route('GET', /^\/__sandbox\/accounts\/(?<account>[^/]+)\/scopes$/, (_req, params) => {
      const account = params['account'] ?? '';
      return jsonReply(200, { account, scopes: control.grantedScopes(account) });
    }),
    route('POST', /^\/__sandbox\/tokens\/live$/, (req) => jsonReply(200, { live: control.tokenIsLive(parseControlBody(req, tokenBody).token) })),
    route('GET', new RegExp(`${MAILBOX_EVENTS}$`), (_req, params) => jsonReply(200, control.events(params['owner'] ?? ''))),
    route('POST', new RegExp(`${MAILBOX_EVENTS}$`), (req, params) => jsonReply(201, control.addEvent(params['owner'] ?? '', parseControlBody(req, eventBody)))),
    route(['PATCH', 'POST'], new RegExp(`${MAILBOX_EVENTS}/(?<id>[^/]+)$`), (req, params) =>
      jsonReply(200, control.updateEvent(params['owner'] ?? '', params['id'] ?? '', parseControlBody(req, eventBody))),
    ),
    route('GET', /^\/__sandbox\/mailboxes\/(?<owner>[^/]+)\/messages$/, (_req, params) => jsonReply(200, control.messages(params['owner'] ?? ''))),
    route('DELETE', new RegExp(`${MAILBOX_EVENTS}/(?<id>[^/]+)$`), (_req, params) => {
      control.deleteEvent(params['owner'] ?? '', params['id'] ?? '');
      return emptyReply(204);
    }),
    route('DELETE', new RegExp(`${MAILBOX_EVENTS}/(?<id>[^/]+)/occurrences/(?<day>[^/]+)$`), (_req, params) =>
      jsonReply(200, control.cancelOccurrence(params['owner'] ?? '', params['id'] ?? '', params['day'] ?? '')),
    ),
    route('PATCH', new RegExp(`${MAILBOX_EVENTS}/(?<id>[^/]+)/occurrences/(?<day>[^/]+)$`), (req, params) =>
      jsonReply(200, control.editOccurrence(params['owner'] ?? '', params['id'] ?? '', params['day'] ?? '', parseControlBody(req, eventBody))),
    ),
    route('POST', /^\/__sandbox\/graph\/delta-tokens\/invalidate$/, () => {
      control.invalidateDeltaTokens();
      return emptyReply(204);
    }),
  ];
}
