import { z } from 'zod';
import type { Person } from '../../shared/invite';
import { ApiHttpError, type OAuth2Api } from '../providers/oauth2-api';
import { directoryFailure, peopleFrom, type Directory } from './directory';

/** Zoom answers at most 25 contacts a page (https://developers.zoom.us/docs/api/chat/#tag/contacts/GET/contacts). */
const ZOOM_MAX_PAGE = 25;

const ZoomContactSchema = z.object({ email: z.string().nullish(), first_name: z.string().nullish(), last_name: z.string().nullish() }).loose();
/** Zoom refuses a token without the scope with 400 and code 4711, not 403 (https://developers.zoom.us/docs/api/errors). */
const ZoomErrorSchema = z.object({ code: z.number() }).loose();

function statusOf(error: unknown): number | null {
  if (!(error instanceof ApiHttpError)) return null;
  const body = ZoomErrorSchema.safeParse(error.body);
  return error.status === 400 && body.success && body.data.code === 4711 ? 403 : error.status;
}

const ZoomContactsSchema = z.object({ contacts: z.array(z.unknown()).nullish() }).loose();

/**
 * Zoom company contacts: `GET /contacts?search_key=…` (scope contact:read:list_contacts, feature zoom.directory). Zoom's
 * default page size is 1, so page_size is always sent; presence is not asked for (nothing shows it).
 */
export class ZoomDirectory implements Directory {
  readonly source = 'zoom';

  constructor(private readonly api: OAuth2Api) {}

  async search(query: string, limit: number): Promise<Person[]> {
    const params = { search_key: query, query_presence_status: 'false', page_size: String(Math.min(limit, ZOOM_MAX_PAGE)) };
    try {
      const answer = await this.api.json('GET', '/contacts', ZoomContactsSchema, { query: params });
      return peopleFrom(this.source, answer.contacts, ZoomContactSchema, (contact) => ({
        name: [contact.first_name, contact.last_name].filter(Boolean).join(' '),
        email: contact.email,
      }));
    } catch (error) {
      throw directoryFailure(this.source, statusOf(error), error);
    }
  }
}
