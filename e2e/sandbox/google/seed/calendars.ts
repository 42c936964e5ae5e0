import { stableDigits } from '../../core/ids';
import type { AccessRole, CalendarInfo } from '../calendar/model';
import { FABRIKAM, type GoogleAccount } from '../directory';
import { ATLAS_ROOM, FABRIKAM_IT } from './accounts';

/**
 * Workspace's older resource-calendar ids: `{domain}_{hex of ASCII digits}@resource.calendar.google.com`
 * (e.g. `fabrikam.example_3431323838363939@…`). Clients must treat the id as opaque but recognise the suffix.
 */
function resourceCalendarId(seed: string): string {
  const hex = Buffer.from(stableDigits(`resource:${seed}`, 8), 'ascii').toString('hex');
  return `${FABRIKAM.domain}_${hex}@resource.calendar.google.com`;
}

export const ATLAS_RESOURCE: CalendarInfo = {
  id: resourceCalendarId('atlas'),
  // Workspace's generated resource name: Building-Floor-Name (capacity) [features].
  summary: 'Milano HQ-2-Atlas (8) [Meet hardware]',
  description: 'Atlas meeting room, second floor, Milano HQ.',
  timeZone: 'Europe/Rome',
  kind: 'resource',
  acl: new Map<string, AccessRole>([
    [ATLAS_ROOM.email, 'writer'],
    [FABRIKAM_IT.email, 'writer'],
  ]),
  colorId: '17',
  backgroundColor: '#9a9cff',
  foregroundColor: '#000000',
};

/** Everyone's own calendar: named by their email, in their zone, owned by them. */
export function primaryCalendar(account: GoogleAccount): CalendarInfo {
  return {
    id: account.email,
    summary: account.email,
    description: null,
    timeZone: account.timeZone,
    kind: 'primary',
    acl: new Map<string, AccessRole>([[account.email, 'owner']]),
    colorId: '14',
    backgroundColor: '#9fe1e7',
    foregroundColor: '#000000',
  };
}
