import type { ApiAuthDeps } from '../api-auth';

export interface PeopleApiContext extends ApiAuthDeps {
  /** Accounts whose "other contacts" cache was warmed up by an empty-query search (lower-case emails). */
  readonly warmedUp: Set<string>;
}
