import type { z } from 'zod';
import { emailKey, EmailSchema, MAX_RESULTS, type DirectorySource, type Person } from '../../shared/invite';
import type { Logger } from '../health/logger';

/**
 * A people directory the room may search: Graph users, Google Workspace directory, Zoom contacts, Webex people. Each
 * implementation is built only while its feature is on, asks for at most `limit` people, and answers with what its
 * provider sent that has a usable address; anything else in the provider's JSON is skipped, not fatal.
 */
export interface Directory {
  readonly source: DirectorySource;
  search(query: string, limit: number): Promise<Person[]>;
}

/** A directory refused the search: 'no-permission' when the token lacks the feature's scope (403). */
export class DirectoryError extends Error {
  override name = 'DirectoryError';
  constructor(
    readonly source: DirectorySource,
    readonly reason: 'no-permission' | 'failed',
    options: { cause?: unknown } = {},
  ) {
    super(`${source} directory search ${reason === 'no-permission' ? 'is not permitted' : 'failed'}`, options);
  }
}

/** A provider's entry as a Person, or null when it has no valid address (rooms without mail, broken records). */
export function toPerson(source: DirectorySource, name: string | null | undefined, email: string | null | undefined): Person | null {
  const address = EmailSchema.safeParse(email?.trim());
  if (!address.success) return null;
  const shown = name?.trim() || address.data;
  return { name: shown.slice(0, 200), email: address.data, source };
}

/**
 * A provider's list as people: each raw entry is checked on its own against `schema`, so one odd record (a room
 * without mail, a missing field) is skipped instead of hiding everyone else.
 */
export function peopleFrom<T>(source: DirectorySource, items: readonly unknown[] | null | undefined, schema: z.ZodType<T>, pick: (entry: T) => { name: string | null | undefined; email: string | null | undefined }): Person[] {
  return (items ?? []).flatMap((raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return [];
    const { name, email } = pick(parsed.data);
    const person = toPerson(source, name, email);
    return person ? [person] : [];
  });
}

/** A provider's HTTP failure as the port's error: 403 is a missing scope (the feature's consent), anything else a failure. */
export function directoryFailure(source: DirectorySource, status: number | null, cause: unknown): DirectoryError {
  return new DirectoryError(source, status === 403 ? 'no-permission' : 'failed', { cause });
}

/**
 * One list from several directories: the first directory to name an address wins (the caller orders directories by
 * how good their names are, the room's own first), the same address in another case is the same person, and the list
 * is cut at `limit`.
 */
export function mergePeople(lists: readonly (readonly Person[])[], limit: number = MAX_RESULTS): Person[] {
  const seen = new Set<string>();
  const merged: Person[] = [];
  for (const list of lists) {
    for (const person of list) {
      const key = emailKey(person.email);
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(person);
      if (merged.length >= limit) return merged;
    }
  }
  return merged;
}

/** Every directory at once; one that fails is named in `unavailable` and the others still answer. */
export async function searchDirectories(directories: readonly Directory[], query: string, log: Logger, limit: number = MAX_RESULTS): Promise<{ people: Person[]; unavailable: DirectorySource[] }> {
  const answers = await Promise.allSettled(directories.map((directory) => directory.search(query, limit)));
  const lists: Person[][] = [];
  const unavailable: DirectorySource[] = [];
  answers.forEach((answer, index) => {
    const source = directories[index]?.source;
    if (source === undefined) return;
    if (answer.status === 'fulfilled') {
      lists.push(answer.value);
      return;
    }
    unavailable.push(source);
    const reason: unknown = answer.reason;
    log.warn('directory.search-failed', { source, reason: reason instanceof DirectoryError ? reason.reason : 'failed', error: String(reason) });
  });
  return { people: mergePeople(lists, limit), unavailable };
}
