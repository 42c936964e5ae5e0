import { z } from 'zod';

/**
 * Only the fields Roomdeck reads, loose so everything else (description, conferenceData, hangoutLink…) passes
 * through untouched for the link detector. Calendar v3 reference: https://developers.google.com/calendar/api/v3/reference/events
 */
const Person = z.object({ email: z.string().nullish(), displayName: z.string().nullish(), self: z.boolean().nullish() }).loose();

export const GoogleCalendarEntrySchema = z
  .object({
    id: z.string().min(1),
    summary: z.string().nullish(),
    summaryOverride: z.string().nullish(),
    primary: z.boolean().nullish(),
  })
  .loose();
export type GoogleCalendarEntry = z.infer<typeof GoogleCalendarEntrySchema>;

/** `dateTime` is RFC 3339 with an offset (timed events), `date` is `YYYY-MM-DD` (all-day events). */
const EventTime = z
  .object({
    dateTime: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an RFC 3339 date-time').nullish(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  })
  .loose();
export type GoogleEventTime = z.infer<typeof EventTime>;

const Attendee = Person.extend({ responseStatus: z.string().nullish() });

export const GoogleEventSchema = z
  .object({
    id: z.string().min(1),
    status: z.string().nullish(),
    summary: z.string().nullish(),
    organizer: Person.nullish(),
    // A cancelled occurrence may carry only id, status, recurringEventId and originalStartTime.
    start: EventTime.nullish(),
    end: EventTime.nullish(),
    originalStartTime: EventTime.nullish(),
    transparency: z.string().nullish(),
    visibility: z.string().nullish(),
    attendees: z.array(Attendee).nullish().catch(null),
  })
  .loose();
export type GoogleEvent = z.infer<typeof GoogleEventSchema>;

/**
 * One page of a Calendar v3 collection; items are validated one by one so a single odd one cannot hide the rest.
 * `nextSyncToken` comes only on the last page; `timeZone` (events.list) is the zone all-day dates are read in.
 */
export const GooglePageSchema = z
  .object({ items: z.array(z.unknown()).nullish(), nextPageToken: z.string().nullish(), nextSyncToken: z.string().nullish(), timeZone: z.string().nullish() })
  .loose();
export type GooglePage = z.infer<typeof GooglePageSchema>;

/** Calendar's error body (`{error: {code, message, errors[{domain, reason}]}}`); only what tells 410/429/403 apart. */
export const GoogleErrorBodySchema = z.object({
  error: z.object({ errors: z.array(z.object({ domain: z.string().nullish(), reason: z.string().nullish() }).loose()).nullish() }).loose(),
});
