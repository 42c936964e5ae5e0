import { z } from 'zod';
import { EmailSchema, type Person } from '../../shared/invite';
import { getJson, ProviderApiError, type OAuth2Connection } from '../auth/oauth2-api';
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

  constructor(private readonly connection: OAuth2Connection) {}

  async search(query: string, limit: number): Promise<Person[]> {
    const by = EmailSchema.safeParse(query).success ? 'email' : 'displayName';
    const params = new URLSearchParams({ [by]: query, max: String(limit) });
    try {
      const answer = await getJson('webex', this.connection, 'GET /people', `/people?${params.toString()}`, WebexPeopleSchema);
      return peopleFrom(this.source, answer.items, WebexPersonSchema, (person) => ({ name: person.displayName, email: person.emails?.[0] }));
    } catch (error) {
      throw directoryFailure(this.source, error instanceof ProviderApiError ? error.status : null, error);
    }
  }
}
