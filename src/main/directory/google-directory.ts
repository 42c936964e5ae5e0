import type { OAuth2Client } from 'google-auth-library';
import { z } from 'zod';
import type { Person } from '../../shared/invite';
import { httpStatusOf } from '../providers/google/google-sync';
import { directoryFailure, peopleFrom, type Directory } from './directory';

/**
 * The fields of a Person we read (https://developers.google.com/people/api/rest/v1/people): proto3 JSON leaves empty
 * lists out, so every list is optional; entries are checked one by one so one odd person does not hide the rest.
 */
const GooglePersonSchema = z
  .object({
    names: z.array(z.object({ displayName: z.string().nullish() }).loose()).nullish(),
    emailAddresses: z.array(z.object({ value: z.string().nullish() }).loose()).nullish(),
  })
  .loose();
const SearchDirectoryAnswerSchema = z.object({ people: z.array(z.unknown()).nullish() }).loose();

/**
 * The Workspace directory: `people:searchDirectoryPeople` over domain profiles
 * (https://developers.google.com/people/api/rest/v1/people/searchDirectoryPeople), scope directory.readonly (feature
 * google.directory). Through google-auth-library's authorized request, which refreshes the room's token as needed.
 */
export class GoogleDirectory implements Directory {
  readonly source = 'google';

  constructor(
    private readonly auth: OAuth2Client,
    private readonly peopleRootUrl: string,
  ) {}

  async search(query: string, limit: number): Promise<Person[]> {
    const url = new URL('v1/people:searchDirectoryPeople', this.peopleRootUrl);
    const params = { query, readMask: 'names,emailAddresses', sources: 'DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE', pageSize: limit };
    let data: unknown;
    try {
      ({ data } = await this.auth.request({ url: url.href, params }));
    } catch (error) {
      throw directoryFailure(this.source, httpStatusOf(error), error);
    }
    const answer = SearchDirectoryAnswerSchema.safeParse(data);
    if (!answer.success) throw directoryFailure(this.source, null, answer.error);
    return peopleFrom(this.source, answer.data.people, GooglePersonSchema, (person) => ({ name: person.names?.[0]?.displayName, email: person.emailAddresses?.[0]?.value }));
  }
}
