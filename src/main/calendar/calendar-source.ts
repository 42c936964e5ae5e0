import type { CalendarChoice, ShowAs } from '../../shared/model';
import type { LinkSource } from '../links';

/** A calendar entry as every provider reports it, before privacy and presentation rules are applied. */
export interface SourceEvent {
  id: string;
  subject: string | null;
  organizer: string | null;
  /** Instants for timed events; for all-day events the calendar dates (`YYYY-MM-DD`, end exclusive). */
  start: string;
  end: string;
  isAllDay: boolean;
  showAs: ShowAs;
  isPrivate: boolean;
  isCancelled: boolean;
  /** The raw event, as the join-link detector reads it. */
  linkSource: LinkSource;
}

/** The port calendar services see; Microsoft Graph and Google Calendar implement it. */
export interface CalendarSource {
  listCalendars(): Promise<CalendarChoice[]>;
  eventsBetween(calendar: CalendarChoice, start: Date, end: Date): Promise<SourceEvent[]>;
}
