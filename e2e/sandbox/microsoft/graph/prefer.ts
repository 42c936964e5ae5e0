import { headerValue, type SandboxRequest } from '../../core/http';
import { resolveTimeZone } from '../../core/time';

export interface Preferences {
  /** As the client wrote it (echoed in timeZone fields), with its IANA equivalent; null = UTC. */
  readonly timeZone: { readonly name: string; readonly iana: string } | null;
  readonly maxPageSize: number | null;
  readonly bodyContentType: 'html' | 'text' | null;
  /** `Preference-Applied` value for what was honoured. */
  readonly applied: readonly string[];
}

/** Splits `a=1, b="x, y"` on commas outside quotes (several Prefer values may share one header). */
function splitPreferences(header: string): string[] {
  return header.match(/(?:[^,"]|"[^"]*")+/g)?.map((part) => part.trim()).filter(Boolean) ?? [];
}

function parsePair(part: string): [string, string] {
  const index = part.indexOf('=');
  if (index < 0) return [part.toLowerCase(), ''];
  return [part.slice(0, index).trim().toLowerCase(), part.slice(index + 1).trim().replace(/^"(.*)"$/, '$1')];
}

export function parsePrefer(req: SandboxRequest): Preferences {
  let timeZone: Preferences['timeZone'] = null;
  let maxPageSize: number | null = null;
  let bodyContentType: Preferences['bodyContentType'] = null;
  const applied: string[] = [];
  for (const [key, value] of splitPreferences(headerValue(req, 'prefer') ?? '').map(parsePair)) {
    if (key === 'outlook.timezone') {
      // An unknown zone name is ignored (times stay in UTC) rather than failing the request.
      const iana = resolveTimeZone(value);
      if (iana) {
        timeZone = { name: value, iana };
        applied.push(`outlook.timezone="${value}"`);
      }
    } else if (key === 'odata.maxpagesize' && /^\d+$/.test(value) && Number(value) > 0) {
      maxPageSize = Number(value);
      applied.push(`odata.maxpagesize=${value}`);
    } else if (key === 'outlook.body-content-type' && (value.toLowerCase() === 'text' || value.toLowerCase() === 'html')) {
      bodyContentType = value.toLowerCase() === 'text' ? 'text' : 'html';
      applied.push(`outlook.body-content-type="${bodyContentType}"`);
    }
  }
  return { timeZone, maxPageSize, bodyContentType, applied };
}

export function preferenceAppliedHeader(prefs: Preferences): Record<string, string> {
  return prefs.applied.length > 0 ? { 'preference-applied': prefs.applied.join(', ') } : {};
}
