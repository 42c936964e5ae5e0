/**
 * Time-zone arithmetic on top of Intl (no dependency). Graph speaks "local wall time + zone name" and accepts both
 * Windows zone names ("W. Europe Standard Time") and IANA names, so the sandbox needs both directions.
 */

export interface LocalDateTime {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Windows zone ids Graph/Outlook use, mapped to their CLDR "001" IANA zone. */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Russian Standard Time': 'Europe/Moscow',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
};

/** Outlook stores the Windows name in originalStartTimeZone; these are the zones the seed uses and their neighbours. */
const IANA_TO_WINDOWS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/London': 'GMT Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'Asia/Tokyo': 'Tokyo Standard Time',
};

const WINDOWS_BY_LOWER = new Map(Object.entries(WINDOWS_TO_IANA).map(([windows, iana]) => [windows.toLowerCase(), iana]));
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function isIanaZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** IANA zone for a Graph zone name (Windows or IANA), or null if neither. */
export function resolveTimeZone(name: string): string | null {
  const trimmed = name.trim();
  const windows = WINDOWS_BY_LOWER.get(trimmed.toLowerCase());
  if (windows) return windows;
  return trimmed !== '' && isIanaZone(trimmed) ? trimmed : null;
}

export function windowsZoneName(iana: string): string {
  return IANA_TO_WINDOWS[iana] ?? iana;
}

export function toLocal(instant: Date, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
    millisecond: instant.getUTCMilliseconds(),
  };
}

function localAsUtcMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}

function offsetMs(instant: Date, zone: string): number {
  return localAsUtcMs(toLocal(instant, zone)) - instant.getTime();
}

function sameWallTime(a: LocalDateTime, b: LocalDateTime): boolean {
  return localAsUtcMs(a) === localAsUtcMs(b);
}

/** The instant a wall-clock time denotes in a zone. A time inside a DST gap resolves forward (02:30 → 03:30). */
export function fromLocal(local: LocalDateTime, zone: string): Date {
  const guess = localAsUtcMs(local);
  const first = guess - offsetMs(new Date(guess), zone);
  const second = guess - offsetMs(new Date(first), zone);
  const candidates = first === second ? [first] : [first, second];
  const valid = candidates.filter((candidate) => sameWallTime(toLocal(new Date(candidate), zone), local));
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(...candidates));
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Graph's wire format: no offset, seven fractional digits ("2026-11-22T14:00:00.0000000"). */
export function formatGraphDateTime(local: LocalDateTime): string {
  const date = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
  return `${date}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}.${pad(local.millisecond * 10000, 7)}`;
}

const GRAPH_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/;

export function parseGraphDateTime(text: string): LocalDateTime | null {
  const match = GRAPH_LOCAL.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: Math.floor(Number((fraction ?? '0').padEnd(7, '0')) / 10000),
  };
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Query-string instants (calendarView window). Graph reads the offset when there is one and UTC otherwise. A space
 * where the "+" of an offset was is accepted: an unencoded "+" in a query string arrives as a space.
 */
export function parseQueryInstant(text: string): Date | null {
  const repaired = text.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  const match = ISO_INSTANT.exec(repaired);
  if (!match) return null;
  const instant = new Date(`${match[1]}${match[2] ?? 'Z'}`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function localDateOf(local: LocalDateTime | LocalDate): LocalDate {
  return { year: local.year, month: local.month, day: local.day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 0 = Sunday, as in Date#getUTCDay. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(compareDates(to, from) / 86_400_000);
}

/** `YYYY-MM-DD` as a calendar date, or null when it is not one in that form. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

export function formatLocalDate(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function atTime(date: LocalDate, hour: number, minute: number): LocalDateTime {
  return { ...date, hour, minute, second: 0, millisecond: 0 };
}
