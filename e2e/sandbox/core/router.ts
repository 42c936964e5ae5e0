import type { Reply, SandboxRequest } from './http';

export type RouteParams = Readonly<Record<string, string>>;

export interface Route {
  readonly methods: readonly string[];
  /** Matched against the decoded-as-sent pathname; named groups become params. */
  readonly pattern: RegExp;
  readonly handle: (req: SandboxRequest, params: RouteParams) => Reply | Promise<Reply>;
}

export function route(methods: string | readonly string[], pattern: RegExp, handle: Route['handle']): Route {
  return { methods: typeof methods === 'string' ? [methods] : methods, pattern, handle };
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: RouteParams }
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'none' };

function decodeParams(groups: Record<string, string | undefined> | undefined): RouteParams {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(groups ?? {})) if (value !== undefined) params[key] = decodeURIComponent(value);
  return params;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathKnown = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (candidate.methods.includes(method)) return { kind: 'found', route: candidate, params: decodeParams(match.groups) };
  }
  return pathKnown ? { kind: 'wrong-method' } : { kind: 'none' };
}
