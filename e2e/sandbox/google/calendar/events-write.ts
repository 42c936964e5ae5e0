import { emptyReply, parseJsonBody, type Reply } from '../../core/http';
import { calendarFor, googleJson, type CalendarCall } from './handler';
import { findOccurrence, occurrenceView, parseInstanceId, recordView } from './instances';
import { CalendarApiError, type ApiEvent, type CalendarInfo, type EventView } from './model';
import { toApiEvent } from './serialize';
import { NOT_FOUND, type WriteOptions } from './store';

function bodyOf(call: CalendarCall): ApiEvent {
  let parsed: unknown;
  try {
    parsed = parseJsonBody(call.req);
  } catch {
    throw new CalendarApiError(400, 'parseError', 'Parse Error');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CalendarApiError(400, 'parseError', 'Parse Error');
  return parsed as ApiEvent;
}

function writeOptions(call: CalendarCall): WriteOptions {
  const version = Number(call.req.query['conferenceDataVersion'] ?? '0');
  if (version !== 0 && version !== 1) throw new CalendarApiError(400, 'invalid', 'Invalid conference data version.', 'global', { name: 'conferenceDataVersion', type: 'parameter' });
  return { conferenceDataVersion: version, actor: { email: call.principal.account.email, displayName: call.principal.account.displayName } };
}

function zoneOf(call: CalendarCall, calendar: CalendarInfo): string {
  return call.req.query['timeZone'] ?? calendar.timeZone;
}

function eventId(call: CalendarCall): string {
  return call.params['eventId'] ?? '';
}

/** A stored event, or an occurrence of a series that has no exception at that time. */
function viewOf(call: CalendarCall, calendar: CalendarInfo): EventView {
  const record = call.ctx.store.find(calendar.id, eventId(call));
  if (record) return recordView(record);
  const parsed = parseInstanceId(eventId(call));
  const series = parsed ? call.ctx.store.find(calendar.id, parsed.seriesId) : null;
  const occurrence = series && parsed ? findOccurrence(series, calendar, parsed.suffix) : null;
  if (!series || !occurrence) throw NOT_FOUND();
  return occurrenceView(series, occurrence);
}

/** GET …/events/{eventId}. Deleted events still answer 200 (status "cancelled"), as Google's do. */
export function getEvent(call: CalendarCall): Reply {
  const { calendar } = calendarFor(call, 'reader');
  const view = viewOf(call, calendar);
  const reply = googleJson(toApiEvent(view, zoneOf(call, calendar)));
  // Polling a pending Meet conference is what brings it to "success" (after the configured number of reads).
  if (view.id === view.record.id) call.ctx.store.noteConferenceRead(view.record);
  return reply;
}

/** POST …/events. A client-chosen id makes retries safe: the replay gets 409 duplicate instead of a second event. */
export function insertEvent(call: CalendarCall): Reply {
  const { calendar } = calendarFor(call, 'writer');
  const record = call.ctx.store.insert(calendar.id, bodyOf(call), writeOptions(call));
  return googleJson(toApiEvent(recordView(record), zoneOf(call, calendar)));
}

/** PATCH (merge) and PUT (replace) …/events/{eventId}; an occurrence id becomes an exception of its series. */
export function patchEvent(replace: boolean) {
  return (call: CalendarCall): Reply => {
    const { calendar } = calendarFor(call, 'writer');
    const record = call.ctx.store.patch(calendar.id, eventId(call), bodyOf(call), writeOptions(call), replace);
    return googleJson(toApiEvent(recordView(record), zoneOf(call, calendar)));
  };
}

/** DELETE …/events/{eventId}: 204, or 410 "deleted" the second time. */
export function deleteEvent(call: CalendarCall): Reply {
  const { calendar } = calendarFor(call, 'writer');
  call.ctx.store.remove(calendar.id, eventId(call));
  return emptyReply(204);
}
