import { route, type Route } from '../../core/router';
import { API_SCOPES } from '../scopes';
import { getCalendar, listCalendars } from './calendar-list';
import type { CalendarApiContext } from './context';
import { listEvents } from './events-list';
import { deleteEvent, getEvent, insertEvent, patchEvent } from './events-write';
import { calendarMethod } from './handler';

const EVENTS = '^/calendar/v3/calendars/(?<calendarId>[^/]+)/events';

/** Calendar v3 under `rootUrl + calendar/v3/…`, each method with the scopes its reference page lists. */
export function calendarRoutes(ctx: CalendarApiContext): Route[] {
  const read = API_SCOPES.eventsRead;
  const write = API_SCOPES.eventsWrite;
  return [
    route('GET', /^\/calendar\/v3\/users\/me\/calendarList$/, calendarMethod(ctx, API_SCOPES.calendarListRead, 'calendar.v3.CalendarList.List', listCalendars)),
    route('GET', /^\/calendar\/v3\/calendars\/(?<calendarId>[^/]+)$/, calendarMethod(ctx, API_SCOPES.calendarGet, 'calendar.v3.Calendars.Get', getCalendar)),
    route('GET', new RegExp(`${EVENTS}$`), calendarMethod(ctx, read, 'calendar.v3.Events.List', listEvents)),
    route('POST', new RegExp(`${EVENTS}$`), calendarMethod(ctx, write, 'calendar.v3.Events.Insert', insertEvent)),
    route('GET', new RegExp(`${EVENTS}/(?<eventId>[^/]+)$`), calendarMethod(ctx, read, 'calendar.v3.Events.Get', getEvent)),
    route('PATCH', new RegExp(`${EVENTS}/(?<eventId>[^/]+)$`), calendarMethod(ctx, write, 'calendar.v3.Events.Patch', patchEvent(false))),
    route('PUT', new RegExp(`${EVENTS}/(?<eventId>[^/]+)$`), calendarMethod(ctx, write, 'calendar.v3.Events.Update', patchEvent(true))),
    route('DELETE', new RegExp(`${EVENTS}/(?<eventId>[^/]+)$`), calendarMethod(ctx, write, 'calendar.v3.Events.Delete', deleteEvent)),
  ];
}
