import { gaxios } from 'google-auth-library';
import { z } from 'zod';
import { dateToInstant } from '../../../shared/room-day';
import { retryAfterMs } from '../../calendar/backoff';
import { RetryLaterError, type SourceEvent, type SyncWindow } from '../../calendar/calendar-source';
import { GoogleErrorBodySchema } from './google-schemas';

/**
 * The cursor handed to the caller: Google's sync token plus the calendar and window of the full sync it continues.
 * Google's token remembers the original timeMin/timeMax and cannot be combined with new ones, so a token is only
 * worth reusing for the very same window; any other window (the room's next day) starts with a full sync. The
 * room's window is a whole day, so that is one full sync a day. base64url JSON keeps it one opaque string.
 */
const CursorSchema = z.object({ v: z.literal(1), calendarId: z.string(), start: z.string(), end: z.string(), syncToken: z.string().min(1) });

export function encodeCursor(calendarId: string, window: SyncWindow, syncToken: string): string {
  const cursor: z.infer<typeof CursorSchema> = { v: 1, calendarId, start: window.start.toISOString(), end: window.end.toISOString(), syncToken };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): z.infer<typeof CursorSchema> | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Google's sync token to continue from, or null (full sync) for no cursor, an unreadable one, or another calendar or window. */
export function syncTokenFor(cursor: string | null, calendarId: string, window: SyncWindow): string | null {
  const decoded = cursor === null ? null : decodeCursor(cursor);
  if (!decoded || decoded.calendarId !== calendarId) return null;
  return decoded.start === window.start.toISOString() && decoded.end === window.end.toISOString() ? decoded.syncToken : null;
}

/** The event's span as instants; all-day dates are days of `timeZone` (the calendar's), as Google's timeMin/timeMax read them. */
function spanOf(event: SourceEvent, timeZone: string): { start: number; end: number } {
  if (!event.isAllDay) return { start: Date.parse(event.start), end: Date.parse(event.end) };
  return { start: Date.parse(dateToInstant(event.start, timeZone)), end: Date.parse(dateToInstant(event.end, timeZone)) };
}

/**
 * Google's own test for timeMin/timeMax (timeMin bounds the end, timeMax the start, both exclusive), applied to what
 * incremental sync returns: the sync token does not filter changes by the full sync's window.
 */
export function overlapsWindow(event: SourceEvent, window: SyncWindow, timeZone: string): boolean {
  const span = spanOf(event, timeZone);
  return span.start < window.end.getTime() && span.end > window.start.getTime();
}

export function httpStatusOf(err: unknown): number | null {
  return err instanceof gaxios.GaxiosError ? (err.status ?? err.response?.status ?? null) : null;
}

/** Google's guide: "A 410 status code, Gone, indicates that the sync token is invalid" — wipe and sync in full. */
export function syncTokenRejected(err: unknown): boolean {
  return httpStatusOf(err) === 410;
}

/** 403 is also Google's "slow down" when it comes from the usageLimits domain (rateLimitExceeded, userRateLimitExceeded…). */
export function isUsageLimit(err: gaxios.GaxiosError): boolean {
  const body = GoogleErrorBodySchema.safeParse(err.response?.data);
  const first = body.success ? body.data.error.errors?.[0] : undefined;
  return first?.domain === 'usageLimits' || first?.reason === 'rateLimitExceeded' || first?.reason === 'userRateLimitExceeded';
}

function asksToWait(err: gaxios.GaxiosError, status: number): boolean {
  return status === 429 || status >= 500 || (status === 403 && isUsageLimit(err));
}

/**
 * Throttling (429, 403 usageLimits) and outages (5xx) as RetryLaterError: the server's Retry-After when it sent one,
 * else `fallbackMs()` (the caller's backoff). Anything else is not ours to translate: null.
 */
export function retryLaterOf(err: unknown, fallbackMs: () => number, now: Date): RetryLaterError | null {
  const status = httpStatusOf(err);
  if (status === null || !(err instanceof gaxios.GaxiosError) || !asksToWait(err, status)) return null;
  const fallback = fallbackMs();
  return new RetryLaterError(retryAfterMs(err.response?.headers.get('retry-after'), now) ?? fallback, status);
}
