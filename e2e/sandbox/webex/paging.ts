import type { SandboxRequest } from '../core/http';

/**
 * Webex pages with RFC 5988 `Link: <…>; rel="next"` headers, never body tokens. The next link carries only `max` and
 * an opaque cursor: the original query parameters are dropped (as WebexCommunity/WebexPythonSDK#169 reports), so a
 * client must follow the link verbatim rather than rebuild it.
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly headers: Record<string, string>;
}

export interface CursorState<Q> {
  readonly query: Q;
  readonly offset: number;
}

export function encodeCursor<Q>(state: CursorState<Q>): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor<Q>(text: string): CursorState<Q> | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { query?: Q; offset?: unknown };
    return value.query !== undefined && typeof value.offset === 'number' ? { query: value.query, offset: value.offset } : null;
  } catch {
    return null;
  }
}

export function parseMax(value: string | undefined, fallback: number, limit: number): number | null {
  if (value === undefined) return fallback;
  const max = Number(value);
  return Number.isInteger(max) && max >= 1 && max <= limit ? max : null;
}

export function pageOf<T, Q>(req: SandboxRequest, all: readonly T[], state: CursorState<Q>, max: number): Page<T> {
  const end = state.offset + max;
  if (end >= all.length) return { items: all.slice(state.offset), headers: {} };
  const next = `${req.origin}${req.path}?max=${max}&cursor=${encodeCursor({ query: state.query, offset: end })}`;
  return { items: all.slice(state.offset, end), headers: { link: `<${next}>; rel="next"` } };
}
