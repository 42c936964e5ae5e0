import { z } from 'zod';
import type { Person } from '../../shared/invite';
import type { CalendarChoice } from '../../shared/model';
import type { GraphApi } from '../providers/microsoft/graph-api';
import { calendarPath } from '../providers/microsoft/graph-calendar';
import { newAttendees, type AttendeeWriter } from './attendees';

const GraphAttendeeSchema = z.object({ type: z.string().nullish(), emailAddress: z.object({ address: z.string().nullish(), name: z.string().nullish() }).loose().nullish() }).loose();
const AttendeesSchema = z.object({ attendees: z.array(GraphAttendeeSchema).nullish() }).loose();

/**
 * Graph replaces the whole `attendees` list on PATCH (event resource docs,
 * https://learn.microsoft.com/en-us/graph/api/event-update), so the current list is read first and the new people
 * appended. Exchange then sends them the meeting request from the room's mailbox. Needs the booking's write scope.
 */
export class GraphAttendees implements AttendeeWriter {
  constructor(private readonly graph: GraphApi) {}

  async addAttendees(calendar: CalendarChoice, eventId: string, people: readonly Person[]): Promise<void> {
    const path = `${calendarPath(calendar)}/events/${encodeURIComponent(eventId)}`;
    const current = (await this.graph.get(`${path}?$select=attendees`, AttendeesSchema)).attendees ?? [];
    const added = newAttendees(current.map((a) => a.emailAddress?.address ?? ''), people);
    if (added.length === 0) return;
    const attendees = [...current, ...added.map((person) => ({ type: 'required', emailAddress: { address: person.email, name: person.name } }))];
    await this.graph.patch(path, { attendees }, z.unknown());
  }
}
