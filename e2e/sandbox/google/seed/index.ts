import type { GoogleCalendarStore } from '../calendar/store';
import { GOOGLE_SEED_ACCOUNTS } from './accounts';
import { ATLAS_RESOURCE, primaryCalendar } from './calendars';
import { seedAtlasDay } from './day';

export { ATLAS_ROOM, FABRIKAM_IT, GOOGLE_EXTERNALS, GOOGLE_PEOPLE, GOOGLE_SEED_ACCOUNTS } from './accounts';
export { ATLAS_RESOURCE } from './calendars';

/** Every account's own calendar, the Atlas room resource (shared with the room account and IT), and its day. */
export function loadGoogleSeed(store: GoogleCalendarStore, anchor: Date): void {
  for (const account of GOOGLE_SEED_ACCOUNTS) store.addCalendar(primaryCalendar(account));
  store.addCalendar(ATLAS_RESOURCE);
  seedAtlasDay(store, anchor);
}
