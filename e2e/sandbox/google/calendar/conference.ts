import type { calendar_v3 } from '@googleapis/calendar';
import { googleMeetMeeting } from '../../microsoft/invitations';
import { CalendarApiError, type ApiEvent, type Conference } from './model';

const MEET_ICON = 'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png';
/** Workspace calendars allow only Meet (calendarList `conferenceProperties.allowedConferenceSolutionTypes`). */
export const ALLOWED_CONFERENCE_TYPES = ['hangoutsMeet'];

/** A Meet conference whose code and PIN derive from the seed, with the same generator the invitation bodies use. */
export function meetConference(seed: string, requestId: string | null, pendingReads: number): Conference {
  const meeting = googleMeetMeeting(seed);
  return { requestId, code: meeting.code, pin: meeting.pin, pendingReads };
}

export interface ConferenceWrite {
  /** `conferenceDataVersion` query parameter: below 1, Google ignores conferenceData in the body. */
  readonly version: number;
  /** Seed for a new conference's code (calendar, event id, request id). */
  readonly seed: string;
  /** How many events.get calls a new conference stays "pending" for. */
  readonly pendingReads: () => number;
}

/**
 * The conference after a write. A createRequest with the requestId already on the event is ignored ("If an ID
 * provided is the same as for the previous request, the request is ignored"); a new one makes a new conference.
 */
export function conferenceAfterWrite(input: ApiEvent, current: Conference | null, write: ConferenceWrite): Conference | null {
  if (write.version < 1 || !Object.prototype.hasOwnProperty.call(input, 'conferenceData')) return current;
  const data = input.conferenceData;
  if (data === null || data === undefined) return null;
  const request = data.createRequest;
  if (!request) return current;
  const type = request.conferenceSolutionKey?.type;
  if (!type || !ALLOWED_CONFERENCE_TYPES.includes(type)) throw new CalendarApiError(400, 'invalid', 'Invalid conference type value.');
  if (!request.requestId) throw new CalendarApiError(400, 'invalid', 'Invalid conference create request: requestId is required.');
  if (current?.requestId === request.requestId) return current;
  return meetConference(`${write.seed}:${request.requestId}`, request.requestId, write.pendingReads());
}

function entryPoints(conference: Conference): calendar_v3.Schema$EntryPoint[] {
  const url = `https://meet.google.com/${conference.code}`;
  return [
    { entryPointType: 'video', uri: url, label: url.replace('https://', '') },
    { entryPointType: 'more', uri: `https://tel.meet/${conference.code}?pin=${conference.pin}`, pin: conference.pin },
    { entryPointType: 'phone', uri: 'tel:+1-414-555-0123', label: '+1 414-555-0123', pin: conference.pin, regionCode: 'US' },
  ];
}

/** `conferenceData` + `hangoutLink` as Google returns them; while pending there are no entry points and no link yet. */
export function conferenceFields(conference: Conference | null): Pick<ApiEvent, 'conferenceData' | 'hangoutLink'> {
  if (!conference) return {};
  const pending = conference.pendingReads > 0;
  const createRequest = conference.requestId === null ? {} : { createRequest: { requestId: conference.requestId, conferenceSolutionKey: { type: 'hangoutsMeet' }, status: { statusCode: pending ? 'pending' : 'success' } } };
  const solution = { conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet', iconUri: MEET_ICON } };
  if (pending) return { conferenceData: { ...createRequest, ...solution } };
  return {
    hangoutLink: `https://meet.google.com/${conference.code}`,
    conferenceData: { ...createRequest, entryPoints: entryPoints(conference), ...solution, conferenceId: conference.code },
  };
}
