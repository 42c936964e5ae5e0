import { base64url } from '../../core/ids';
import type { Reply } from '../../core/http';
import { ALLOWED_CONFERENCE_TYPES } from './conference';
import { calendarFor, googleJson, RANK, type CalendarCall } from './handler';
import { CalendarApiError, type AccessRole, type CalendarInfo } from './model';

function entry(calendar: CalendarInfo, role: AccessRole, account: string) {
  const primary = calendar.id === account;
  return {
    kind: 'calendar#calendarListEntry',
    etag: `"16${String(calendar.id.length).padStart(14, '0')}"`,
    id: calendar.id,
    summary: calendar.summary,
    ...(calendar.description ? { description: calendar.description } : {}),
    timeZone: calendar.timeZone,
    colorId: calendar.colorId,
    backgroundColor: calendar.backgroundColor,
    foregroundColor: calendar.foregroundColor,
    selected: true,
    accessRole: role,
    defaultReminders: primary ? [{ method: 'popup', minutes: 10 }] : [],
    ...(primary ? { notificationSettings: { notifications: [{ type: 'eventCreation', method: 'email' }] }, primary: true } : {}),
    conferenceProperties: { allowedConferenceSolutionTypes: ALLOWED_CONFERENCE_TYPES },
  };
}

function listSyncToken(epoch: number): string {
  return base64url(JSON.stringify({ list: true, epoch }));
}

/**
 * GET /calendar/v3/users/me/calendarList: the account's own calendar and every calendar shared with it, resource
 * calendars included. Calendar-list changes are not modelled: a sync token answers "no changes" until invalidated.
 */
export function listCalendars(call: CalendarCall): Reply {
  const params = call.req.url.searchParams;
  const epoch = call.ctx.store.syncEpoch;
  const syncToken = params.get('syncToken');
  if (syncToken !== null && syncToken !== listSyncToken(epoch)) {
    throw new CalendarApiError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.', 'calendar', { name: 'syncToken', type: 'parameter' });
  }
  const minRole = params.get('minAccessRole');
  const email = call.principal.account.email;
  const items = syncToken !== null ? [] : call.ctx.store.calendarsOf(email).filter(({ role }) => minRole === null || RANK[role] >= (RANK[minRole as AccessRole] ?? 0));
  return googleJson({
    kind: 'calendar#calendarList',
    etag: `"p3${String(epoch).padStart(12, '0')}l"`,
    nextSyncToken: listSyncToken(epoch),
    items: items.map(({ calendar, role }) => entry(calendar, role, email)),
  });
}

/** GET /calendar/v3/calendars/{calendarId} */
export function getCalendar(call: CalendarCall): Reply {
  const { calendar } = calendarFor(call, 'reader');
  return googleJson({
    kind: 'calendar#calendar',
    etag: `"${String(calendar.id.length).padStart(14, '0')}"`,
    id: calendar.id,
    summary: calendar.summary,
    timeZone: calendar.timeZone,
    conferenceProperties: { allowedConferenceSolutionTypes: ALLOWED_CONFERENCE_TYPES },
  });
}
