/** Scope lists as the three providers write them: space-separated, case-sensitive, order kept, duplicates dropped. */

export function parseScopes(value: string | undefined): string[] {
  const result: string[] = [];
  for (const scope of (value ?? '').split(/[\s,]+/)) if (scope !== '' && !result.includes(scope)) result.push(scope);
  return result;
}

export function formatScopes(scopes: readonly string[]): string {
  return scopes.join(' ');
}

export function sortedUnion(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** True when any scope of `anyOf` is held (an empty `anyOf` needs no scope). */
export function holdsAny(held: readonly string[], anyOf: readonly string[]): boolean {
  return anyOf.length === 0 || anyOf.some((scope) => held.includes(scope));
}
