/**
 * Structural comparison of JSON documents: same keys, same JSON types. Used to hold the sandbox's live responses
 * against example payloads from the providers' docs, so a drift in shape (renamed key, string vs number) fails.
 */

type JsonKind = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object';

function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const kind = typeof value;
  return kind === 'string' || kind === 'number' || kind === 'boolean' ? kind : 'object';
}

export interface ShapeOptions {
  /** Paths (`a.b`, `value[].c`) where the live document may have keys the fixture lacks, or `'any'` (fixture truncated). */
  readonly allowExtra?: readonly string[] | 'any';
  /** Paths where the live document may hold null although the fixture has a value (e.g. a room has no givenName). */
  readonly nullable?: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === 'object';
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function compare(expected: unknown, actual: unknown, path: string, options: ShapeOptions, out: string[]): void {
  const expectedKind = kindOf(expected);
  const actualKind = kindOf(actual);
  // The docs write null for "no value in this example": any type is acceptable there.
  if (expectedKind === 'null') return;
  if (actualKind === 'null' && (options.nullable ?? []).includes(path)) return;
  if (expectedKind !== actualKind) {
    out.push(`${path || '(root)'}: fixture has ${expectedKind}, live has ${actualKind}`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const [template] = expected;
    if (template !== undefined) for (const item of actual) compare(template, item, `${path}[]`, options, out);
    return;
  }
  if (!isRecord(expected) || !isRecord(actual)) return;
  for (const [key, value] of Object.entries(expected)) {
    if (!(key in actual)) out.push(`${join(path, key)}: missing in live response`);
    else compare(value, actual[key], join(path, key), options, out);
  }
  for (const key of Object.keys(actual)) {
    const extraAllowed = options.allowExtra === 'any' || (options.allowExtra ?? []).includes(join(path, key));
    if (!(key in expected) && !extraAllowed) out.push(`${join(path, key)}: not in fixture`);
  }
}

/** Human-readable differences; empty when the live document conforms to the fixture. */
export function shapeDifferences(fixture: unknown, live: unknown, options: ShapeOptions = {}): string[] {
  const out: string[] = [];
  compare(fixture, live, '', options, out);
  return out;
}
