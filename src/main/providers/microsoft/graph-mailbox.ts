import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { SourceEvent } from '../../calendar/calendar-source';
import { silentLogger, type Logger } from '../../health/logger';
import type { Detection, LinkSource } from '../../links';
import type { GraphApi } from './graph-api';

/**
 * Room mailbox fallback for join links. Exchange room mailboxes default to `DeleteComments`/`DeleteSubject` $true
 * (Set-CalendarProcessing), so the calendar item of an accepted meeting has no body; the invitation message in the
 * room's mailbox still has it. This finds that message and hands it to the link detector.
 *
 * How the message is found: a Graph `iCalUId` is the hex of the item's PidLidGlobalObjectId ([MS-OXCICAL] "UID"),
 * and every meeting message about the meeting carries PidLidCleanGlobalObjectId — the same bytes with the instance
 * date zeroed ([MS-OXPROPS] 2.57), so one value covers a series, each occurrence and each update. `message` has no
 * iCalUId to filter on and Graph does not filter on derived-type casts, but it does filter on single-value extended
 * properties, casting non-string values to their Edm type:
 *
 *   GET {mailbox}/messages?$filter=singleValueExtendedProperties/any(ep: ep/id eq 'Binary {6ED8DA90-…} Id 0x23'
 *       and cast(ep/value, Edm.Binary) eq binary'<base64>')&$select=…&$expand=singleValueExtendedProperties(…Id 0x3)
 *
 * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get). `/messages`, not the Inbox: a
 * processed request may have been moved to Deleted Items. One request per meeting (not per poll): results are cached
 * for a day, failures never reach the agenda.
 */

/** PSETID_Meeting named properties, as `singleValueExtendedProperties` ids. */
const GLOBAL_OBJECT_ID = 'Binary {6ED8DA90-450B-101B-98DA-00AA003F1305} Id 0x3';
const CLEAN_GLOBAL_OBJECT_ID = 'Binary {6ED8DA90-450B-101B-98DA-00AA003F1305} Id 0x23';
/** Every Exchange GlobalObjectId starts with this ByteArrayID; anything else cannot be correlated. */
const BYTE_ARRAY_ID = '040000008200E00074C5B7101A82E008';
/** Hex offset of the instance date (YH YL M D) inside the id. */
const DATE_START = 32;
const DATE_END = 40;
/** [MS-OXCICAL]: an encoded GlobalObjectId is at least 82 hex digits. */
const MIN_HEX_LENGTH = 82;

/** A meeting gets one original request and a few updates; more than this in one page is not worth reading. */
const MAX_MESSAGES = 10;
/** A room calendar is polled every 25 s by default: answers (found or not) are reused for a day. */
export const RECHECK_AFTER_MS = 24 * 60 * 60 * 1000;
/** A throttled or failed lookup is retried this much later, so a network blip does not hide a link for a day. */
export const RETRY_AFTER_FAILURE_MS = 10 * 60 * 1000;
/** Bounds memory on a kiosk that runs for months; a room has a few dozen meetings a day. */
const MAX_CACHED_MEETINGS = 500;

export type MailboxPath = '/me' | `/users/${string}`;

/** What identifies a calendar item; the Graph event itself fits. */
export interface InvitationLookup {
  iCalUId?: string | null;
  id: string;
  subject?: string | null;
}

export interface InvitationMailboxOptions {
  log?: Logger;
  /** Epoch ms; injectable so tests can move past the cache lifetime. */
  now?: () => number;
}

// ---------------------------------------------------------------- wire shapes (validated at the edge)

const ExtendedPropertySchema = z.looseObject({ id: z.string(), value: z.string().nullish() });

const InvitationMessageSchema = z.looseObject({
  id: z.string().min(1),
  subject: z.string().nullish(),
  body: z.looseObject({ contentType: z.string().nullish(), content: z.string().nullish() }).nullish(),
  receivedDateTime: z.string().nullish(),
  meetingMessageType: z.string().nullish(),
  singleValueExtendedProperties: z.array(ExtendedPropertySchema).nullish(),
});
type InvitationMessage = z.infer<typeof InvitationMessageSchema>;

const MessagePageSchema = z.looseObject({ value: z.array(z.unknown()) });

const LookupFieldsSchema = z.looseObject({ iCalUId: z.string().nullish().catch(null) });

// ---------------------------------------------------------------- ids and the query

interface MeetingIds {
  /** This item's GlobalObjectId (upper-case hex). */
  readonly exact: string;
  /** The series-wide clean id the query filters on. */
  readonly clean: string;
}

export function meetingIdsOf(iCalUId: string | null | undefined): MeetingIds | null {
  const hex = (iCalUId ?? '').trim().toUpperCase();
  const isEncoded = hex.length >= MIN_HEX_LENGTH && hex.length % 2 === 0 && /^[0-9A-F]+$/.test(hex) && hex.startsWith(BYTE_ARRAY_ID);
  return isEncoded ? { exact: hex, clean: `${hex.slice(0, DATE_START)}00000000${hex.slice(DATE_END)}` } : null;
}

function base64OfHex(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

/** Values are percent-encoded here because the Graph client passes query strings through as written. */
export function invitationQuery(mailboxPath: MailboxPath, cleanId: string): string {
  const params: [string, string][] = [
    ['$filter', `singleValueExtendedProperties/any(ep: ep/id eq '${CLEAN_GLOBAL_OBJECT_ID}' and cast(ep/value, Edm.Binary) eq binary'${base64OfHex(cleanId)}')`],
    ['$select', 'subject,body,receivedDateTime,microsoft.graph.eventMessage/meetingMessageType'],
    ['$expand', `singleValueExtendedProperties($filter=id eq '${GLOBAL_OBJECT_ID}')`],
    ['$top', String(MAX_MESSAGES)],
  ];
  return `${mailboxPath}/messages?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}

// ---------------------------------------------------------------- choosing the invitation

interface Invitation {
  readonly message: InvitationMessage;
  readonly isRequest: boolean;
  /** The message's own GlobalObjectId: equal to the item's for an update of just this occurrence. */
  readonly globalObjectId: string | null;
  readonly receivedAt: number;
}

function hexOfBase64(value: string | null | undefined): string | null {
  return value ? Buffer.from(value, 'base64').toString('hex').toUpperCase() : null;
}

function toInvitation(message: InvitationMessage): Invitation {
  const property = message.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === GLOBAL_OBJECT_ID.toLowerCase());
  const receivedAt = Date.parse(message.receivedDateTime ?? '');
  return {
    message,
    isRequest: message.meetingMessageType === 'meetingRequest',
    globalObjectId: hexOfBase64(property?.value),
    receivedAt: Number.isNaN(receivedAt) ? 0 : receivedAt,
  };
}

/** Requests before cancellations, this occurrence's own update before the series', then the newest. */
function better(a: Invitation, b: Invitation, exact: string): number {
  const isExact = (invitation: Invitation): number => (invitation.globalObjectId === exact ? 1 : 0);
  return Number(b.isRequest) - Number(a.isRequest) || isExact(b) - isExact(a) || b.receivedAt - a.receivedAt;
}

function pickInvitation(invitations: readonly Invitation[], exact: string): InvitationMessage | null {
  return [...invitations].sort((a, b) => better(a, b, exact))[0]?.message ?? null;
}

/** The message as a Graph link source: the detector reads `body` (and `subject`) the same way as an event's. */
function linkSourceOf(message: InvitationMessage): LinkSource {
  return { source: 'graph', event: { id: message.id, subject: message.subject ?? null, body: message.body ?? null } };
}

// ---------------------------------------------------------------- the mailbox

interface CacheEntry {
  readonly invitations: readonly Invitation[];
  readonly expiresAt: number;
}

type Failure = 'mailbox' | 'transient';

/**
 * 429, 5xx, timeouts and token trouble pass; any other refusal (403 without Mail.Read, 404 for an unknown mailbox,
 * 400 for a query this tenant does not accept) will repeat for every meeting, so the whole mailbox pauses.
 */
function classify(error: unknown): Failure {
  if (!(error instanceof GraphError)) return 'transient';
  const status = error.statusCode;
  return status >= 400 && status < 500 && status !== 408 && status !== 429 && status !== 401 ? 'mailbox' : 'transient';
}

function describeError(error: unknown): { status: number | null; code: string } {
  if (error instanceof GraphError) return { status: error.statusCode, code: error.code ?? 'GraphError' };
  return { status: null, code: error instanceof Error ? error.name : 'unknown' };
}

export class GraphInvitationMailbox {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<CacheEntry>>();
  private pausedUntil = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(
    private readonly graph: GraphApi,
    private readonly mailboxPath: MailboxPath,
    options: InvitationMailboxOptions = {},
  ) {
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  /** The invitation behind a calendar item, or null (none, not correlatable, or the mailbox is unreadable). Never throws. */
  async invitationFor(event: InvitationLookup): Promise<LinkSource | null> {
    const ids = meetingIdsOf(event.iCalUId);
    if (!ids) return null;
    try {
      const entry = await this.entryFor(ids.clean, event.id);
      const message = pickInvitation(entry.invitations, ids.exact);
      return message ? linkSourceOf(message) : null;
    } catch (error) {
      // Defence in depth: lookups handle their own failures; an agenda must never break on this path.
      this.log.error('mailbox.lookup-crashed', { eventId: event.id, error: String(error) });
      return null;
    }
  }

  private entryFor(cleanId: string, eventId: string): Promise<CacheEntry> {
    const known = this.known(cleanId);
    if (known) return Promise.resolve(known);
    // Occurrences of one series share the clean id: concurrent asks make one request.
    const pending = this.inFlight.get(cleanId) ?? this.serially(() => this.lookup(cleanId, eventId)).finally(() => this.inFlight.delete(cleanId));
    this.inFlight.set(cleanId, pending);
    return pending;
  }

  /** A fresh cached answer, or the empty answer while the mailbox is paused; null when the mailbox must be asked. */
  private known(cleanId: string): CacheEntry | null {
    const now = this.now();
    const cached = this.cache.get(cleanId);
    if (cached && now < cached.expiresAt) return cached;
    return now < this.pausedUntil ? { invitations: [], expiresAt: this.pausedUntil } : null;
  }

  /**
   * One mailbox request at a time: Exchange allows an app only a few concurrent requests per mailbox, and a first
   * 403 then stops the queued lookups before they are sent.
   */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lookup(cleanId: string, eventId: string): Promise<CacheEntry> {
    const known = this.known(cleanId);
    if (known) return known;
    try {
      const page = await this.graph.get(invitationQuery(this.mailboxPath, cleanId), MessagePageSchema);
      const invitations = this.validMessages(page.value).map(toInvitation);
      this.log.info('mailbox.lookup', { eventId, messages: invitations.length });
      return this.remember(cleanId, { invitations, expiresAt: this.now() + RECHECK_AFTER_MS });
    } catch (error) {
      return this.failed(cleanId, eventId, error);
    }
  }

  private validMessages(items: readonly unknown[]): InvitationMessage[] {
    return items.flatMap((item) => {
      const checked = InvitationMessageSchema.safeParse(item);
      if (!checked.success) this.log.warn('mailbox.message-skipped', { issue: checked.error.issues[0]?.message });
      return checked.success ? [checked.data] : [];
    });
  }

  private failed(cleanId: string, eventId: string, error: unknown): CacheEntry {
    const { status, code } = describeError(error);
    if (classify(error) === 'mailbox') {
      this.pausedUntil = this.now() + RECHECK_AFTER_MS;
      this.log.warn('mailbox.unavailable', { mailbox: this.mailboxPath, status, code, retryAt: new Date(this.pausedUntil).toISOString() });
      return { invitations: [], expiresAt: this.pausedUntil };
    }
    this.log.warn('mailbox.lookup-failed', { eventId, status, code });
    return this.remember(cleanId, { invitations: [], expiresAt: this.now() + RETRY_AFTER_FAILURE_MS });
  }

  private remember(cleanId: string, entry: CacheEntry): CacheEntry {
    this.cache.delete(cleanId);
    if (this.cache.size >= MAX_CACHED_MEETINGS) this.evict();
    this.cache.set(cleanId, entry);
    return entry;
  }

  /** Drops expired entries, else the oldest (Map keeps insertion order). */
  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(key);
    const oldest = this.cache.keys().next();
    if (this.cache.size >= MAX_CACHED_MEETINGS && !oldest.done) this.cache.delete(oldest.value);
  }
}

// ---------------------------------------------------------------- helpers for the agenda

/**
 * Whether to look in the mailbox: a Microsoft event with no join link that people may still want to join.
 * Cancelled and all-day entries are skipped (nothing to join), so they never cost a request.
 */
export function needsMailboxLookup(event: SourceEvent, detection: Detection): boolean {
  return event.linkSource.source === 'graph' && detection.join === null && !event.isCancelled && !event.isAllDay;
}

/** The lookup key of a Microsoft source event (its raw Graph event carries iCalUId). */
export function invitationLookupOf(event: SourceEvent): InvitationLookup {
  const raw = event.linkSource.source === 'graph' ? LookupFieldsSchema.safeParse(event.linkSource.event) : null;
  const fields = raw?.success ? raw.data : null;
  return { id: event.id, iCalUId: fields?.iCalUId ?? null, subject: event.subject };
}
