import type { Person } from '../../shared/invite';
import { emailKey } from '../../shared/invite';
import type { CalendarChoice } from '../../shared/model';

/**
 * Adds people to a booking of the room as attendees, so the meeting is in their calendars too. Graph and Google
 * implement it. Adding someone already there changes nothing, so a retried "Send invitation" never doubles anyone.
 */
export interface AttendeeWriter {
  addAttendees(calendar: CalendarChoice, eventId: string, people: readonly Person[]): Promise<void>;
}

/** The people not yet on the event (compared by address, any case), in the order they were chosen. */
export function newAttendees(existing: readonly string[], people: readonly Person[]): Person[] {
  const present = new Set(existing.map(emailKey));
  return people.filter((person) => {
    const key = emailKey(person.email);
    if (present.has(key)) return false;
    present.add(key);
    return true;
  });
}
