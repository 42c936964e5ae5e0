/**
 * Structured log lines (one JSON object per line). Fields are data, never tokens: callers pass ids and codes, and
 * `redact` is the belt and braces for the day one slips through (an error message that quotes a request, a URL).
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

type Level = 'info' | 'warn' | 'error';

/** A log line explains what happened; a 1 MB error body does not help and would make redaction slow. */
export const MAX_FIELD_CHARS = 2000;

const REDACTED = '[redacted]';

/**
 * Every pattern is linear-time: each starts at a word boundary or a fixed prefix, and none nests quantifiers that
 * can overlap, so a hostile megabyte of `a.a.a…` cannot stall the kiosk while it logs.
 */
const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  // JWTs (ID and access tokens), also when cut short: the second segment carries names and emails.
  [/\beyJ[\w-]{8,}(?:\.[\w-]*){0,2}/g, `[jwt]`],
  // Google access and refresh tokens, which are not JWTs.
  [/\bya29\.[\w.-]+/g, REDACTED],
  [/\b1\/\/[\w-]{10,}/g, REDACTED],
  // Secrets by name: key=value in URLs and form bodies, key: value in messages, "key":"value" in JSON.
  [
    /\b(access_token|refresh_token|id_token|device_code|code_verifier|client_secret|assertion|password|passcode)(\s*[=:]\s*"?|"\s*:\s*")[^&\s",;}]+/gi,
    `$1$2${REDACTED}`,
  ],
  // Short names that are secrets only as URL or form parameters ("status code: 429" stays readable).
  [/\b(code|user_code|token|sig|signature)=[^&\s"#]+/gi, `$1=${REDACTED}`],
  // Authorization header values.
  [/\b(Bearer|Basic)\s+[\w.~+/-]+=*/gi, `$1 ${REDACTED}`],
  // Emails: keep the domain (which tenant, which service), drop the person. The look-behind makes a long run of
  // word characters cost one attempt, not one per position.
  [/(?<![\w.+%-])[\w.+%-]{1,64}@((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})\b/gi, '[email]@$1'],
];

/** Field names whose value is a secret or a person whatever it looks like. */
const SECRET_KEY = /token|secret|password|passcode|pin$|^pin|cookie|authorization|code_?verifier|assertion/i;
const PERSON_KEY = /^(email|mail|upn|username|user|organizer|attendees?|name|displayName|subject)$/i;

function truncate(text: string): string {
  return text.length <= MAX_FIELD_CHARS ? text : `${text.slice(0, MAX_FIELD_CHARS)}…[${text.length - MAX_FIELD_CHARS} more chars]`;
}

/** Removes tokens, codes and email addresses from free text. */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), truncate(text));
}

function cleanField(key: string, value: LogFields[string]): LogFields[string] {
  if (typeof value !== 'string') return value;
  if (SECRET_KEY.test(key)) return REDACTED;
  if (PERSON_KEY.test(key)) return '[person]';
  return redact(value);
}

export function createLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const emit = (level: Level, event: string, fields: LogFields = {}): void => {
    const clean: LogFields = {};
    for (const [key, value] of Object.entries(fields)) clean[key] = cleanField(key, value);
    // Our own keys go last so a field named `level` or `t` cannot forge them.
    write(JSON.stringify({ ...clean, t: now().toISOString(), level, event: redact(event) }));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
