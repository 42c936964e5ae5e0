import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Person } from '../../shared/invite';
import type { GraphApi } from '../providers/microsoft/graph-api';
import { GraphPageSchema } from '../providers/microsoft/graph-schemas';
import { directoryFailure, peopleFrom, type Directory } from './directory';

/** The fields $select asks for; `mail` is null for accounts without a mailbox, which cannot be invited. */
const GraphUserSchema = z.object({ displayName: z.string().nullish(), mail: z.string().nullish() }).loose();

/**
 * $search takes quoted "property:value" clauses; a double quote or backslash in the value would end the clause early
 * (https://learn.microsoft.com/en-us/graph/search-query-parameter#using-search-on-directory-object-collections), and
 * names never contain them, so they are dropped.
 */
function searchClause(query: string): string {
  const value = query.replace(/["\\]/g, ' ').trim();
  return `"displayName:${value}" OR "mail:${value}"`;
}

/**
 * Microsoft Entra users through Graph: `GET /users?$search=…` (https://learn.microsoft.com/en-us/graph/api/user-list),
 * which needs `ConsistencyLevel: eventual` (advanced query; a 400 Request_UnsupportedQuery without it) and
 * User.ReadBasic.All (feature microsoft.directory). Only the first page is read: the list is cut short anyway.
 */
export class GraphDirectory implements Directory {
  readonly source = 'microsoft';

  constructor(private readonly graph: GraphApi) {}

  async search(query: string, limit: number): Promise<Person[]> {
    const params = new URLSearchParams({ $search: searchClause(query), $select: 'displayName,mail', $top: String(limit), $count: 'true' });
    try {
      const page = await this.graph.get(`/users?${params.toString()}`, GraphPageSchema, { ConsistencyLevel: 'eventual' });
      return peopleFrom(this.source, page.value, GraphUserSchema, (user) => ({ name: user.displayName, email: user.mail }));
    } catch (error) {
      throw directoryFailure(this.source, error instanceof GraphError ? error.statusCode : null, error);
    }
  }
}
