import { calendar, type calendar_v3 } from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';
import type { Person } from '../../shared/invite';
import type { CalendarChoice } from '../../shared/model';
import { newAttendees, type AttendeeWriter } from './attendees';

/**
 * events.patch replaces the `attendees` array (https://developers.google.com/calendar/api/v3/reference/events/patch),
 * so the current list is read first. `sendUpdates: 'all'` has Google mail the new guests the invitation with the
 * Meet link, which is how a Google room reaches them when gmail.send is off.
 */
export class GoogleAttendees implements AttendeeWriter {
  private readonly api: calendar_v3.Calendar;

  constructor(auth: OAuth2Client, calendarRootUrl: string) {
    this.api = calendar({ version: 'v3', auth, rootUrl: calendarRootUrl });
  }

  async addAttendees(choice: CalendarChoice, eventId: string, people: readonly Person[]): Promise<void> {
    const { data } = await this.api.events.get({ calendarId: choice.id, eventId });
    const current = data.attendees ?? [];
    const added = newAttendees(current.map((a) => a.email ?? ''), people);
    if (added.length === 0) return;
    const attendees = [...current, ...added.map((person) => ({ email: person.email, displayName: person.name }))];
    await this.api.events.patch({ calendarId: choice.id, eventId, sendUpdates: 'all', requestBody: { attendees } });
  }
}
