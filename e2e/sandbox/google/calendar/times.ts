import { atTime, formatLocalDate, fromLocal, parseGraphDateTime, parseLocalDate, resolveTimeZone, toLocal } from '../../core/time';
import type { calendar_v3 } from '@googleapis/calendar';
import { CalendarApiError, type EventTime } from './model';

const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, '0');

const RFC3339_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Query bounds (timeMin, timeMax, updatedMin): RFC 3339 with a mandatory offset, or null when malformed. */
export function parseRfc3339(text: string): Date | null {
  if (!RFC3339_WITH_OFFSET.test(text.trim())) return null;
  const instant = new Date(text.trim());
  return Number.isNaN(instant.getTime()) ? null : instant;
}


function offsetMinutes(instant: Date, zone: string): number {
  const local = toLocal(instant, zone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** `2026-11-23T10:30:00+01:00` (or `…Z` in UTC): how Google writes times, in the response's time zone. */
export function formatRfc3339(instant: Date, zone: string): string {
  const local = toLocal(instant, zone);
  const offset = offsetMinutes(instant, zone);
  const suffix = offset === 0 && zone === 'UTC' ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${formatLocalDate(local)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${suffix}`;
}

/** Where an all-day date begins: midnight in the zone the calendar (or the request) reads it in. */
export function instantOf(time: EventTime, zone: string): Date {
  return time.kind === 'dateTime' ? time.instant : fromLocal(atTime(time.date, 0, 0), zone);
}

export function formatEventTime(time: EventTime, zone: string): calendar_v3.Schema$EventDateTime {
  const zoneField = time.timeZone ? { timeZone: time.timeZone } : {};
  return time.kind === 'date' ? { date: formatLocalDate(time.date), ...zoneField } : { dateTime: formatRfc3339(time.instant, zone), ...zoneField };
}

/** The suffix of an occurrence's id: `20261123T083000Z` (UTC) for timed series, `20261123` for all-day ones. */
export function instanceSuffix(time: EventTime): string {
  if (time.kind === 'date') return formatLocalDate(time.date).replace(/-/g, '');
  return time.instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A start or end as a client wrote it. A dateTime without an offset needs a timeZone; Google's own messages
 * are used for the errors, since clients show them to admins.
 */
export function parseEventTime(input: calendar_v3.Schema$EventDateTime | undefined, which: 'start' | 'end'): EventTime {
  if (!input || (!input.date && !input.dateTime)) throw new CalendarApiError(400, 'required', `Missing ${which} time.`);
  const timeZone = input.timeZone ?? null;
  if (timeZone !== null && resolveTimeZone(timeZone) !== timeZone) throw new CalendarApiError(400, 'invalid', `Invalid time zone definition for ${which} time.`);
  if (input.date) {
    const date = parseLocalDate(input.date);
    if (!date) throw new CalendarApiError(400, 'invalid', `Invalid ${which} time.`);
    return { kind: 'date', date, timeZone };
  }
  const text = input.dateTime ?? '';
  const withOffset = parseRfc3339(text);
  if (withOffset) return { kind: 'dateTime', instant: withOffset, timeZone };
  const local = parseGraphDateTime(text);
  if (!local) throw new CalendarApiError(400, 'invalid', `Invalid ${which} time.`);
  if (timeZone === null) throw new CalendarApiError(400, 'badRequest', `Missing time zone definition for ${which} time.`);
  return { kind: 'dateTime', instant: fromLocal(local, timeZone), timeZone };
}
