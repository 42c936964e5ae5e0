/**
 * Structured log lines (one JSON object per line). Fields are data, never tokens: callers pass ids and codes.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

type Level = 'info' | 'warn' | 'error';

const SECRET_PATTERNS: readonly RegExp[] = [
  /\beyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]*/g, // JWTs
  /\b(access_token|refresh_token|id_token|code|client_secret|password)=[^&\s"]+/gi,
  /\bBearer\s+[\w.~+/-]+=*/gi,
];

/** Belt and braces: even if a caller slips a token into a field, it never reaches the log. */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, (m) => `${m.slice(0, 6)}…[redacted]`), text);
}

export function createLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const emit = (level: Level, event: string, fields: LogFields = {}): void => {
    const clean: LogFields = {};
    for (const [key, value] of Object.entries(fields)) clean[key] = typeof value === 'string' ? redact(value) : value;
    write(JSON.stringify({ t: now().toISOString(), level, event, ...clean }));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
