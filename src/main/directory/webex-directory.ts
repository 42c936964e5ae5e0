import { z } from 'zod';
import { EmailSchema, type Person } from '../../shared/invite';
import { ApiHttpError, type OAuth2Api } from '../providers/oauth2-api';
import { directoryFailure, peopleFrom, type Directory } from './directory';

const WebexPersonSchema = z.object({ displayName: z.string().nullish(), emails: z.array(z.string()).nullish() }).loose();
const WebexPeopleSchema = z.object({ items: z.array(z.unknown()).nullish() }).loose();

/**
 * Webex people: `GET /people?displayName=…` or, for something typed as an address, `?email=…`
 * (https://developer.webex.com/docs/api/v1/people/list-people): a user-level token must say whom to look for.
 * Scope spark:people_read (feature webex.directory).
 */
export class WebexDirectory implements Directory {
  readonly source = 'webex';

  constructor(private readonly api: OAuth2Api) {}

  async search(query: string, limit: number): Promise<Person[]> {
    const by = EmailSchema.safeParse(query).success ? 'email' : 'displayName';
    try {
      const answer = await this.api.json('GET', '/people', WebexPeopleSchema, { query: { [by]: query, max: String(limit) } });
      return peopleFrom(this.source, answer.items, WebexPersonSchema, (person) => ({ name: person.displayName, email: person.emails?.[0] }));
    } catch (error) {
      throw directoryFailure(this.source, error instanceof ApiHttpError ? error.status : null, error);
    }
  }
}
