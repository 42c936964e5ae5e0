import type { Clock } from '../../core/clock';
import type { ApiAuthDeps } from '../api-auth';
import type { GoogleCalendarStore } from './store';

export interface CalendarApiContext extends ApiAuthDeps {
  readonly clock: Clock;
  readonly store: GoogleCalendarStore;
}
