import { z } from 'zod';

/** Only the fields Roomdeck reads; everything else passes through untouched for the link detector. */
const EmailAddress = z.object({ name: z.string().nullish(), address: z.string().nullish() }).loose();

export const GraphCalendarSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().nullish(),
    isDefaultCalendar: z.boolean().nullish(),
    owner: EmailAddress.nullish(),
  })
  .loose();

const DateTimeTimeZone = z.object({ dateTime: z.string().min(10), timeZone: z.string().nullish() }).loose();

export const GraphEventSchema = z
  .object({
    id: z.string().min(1),
    subject: z.string().nullish(),
    start: DateTimeTimeZone,
    end: DateTimeTimeZone,
    isAllDay: z.boolean().nullish(),
    isCancelled: z.boolean().nullish(),
    showAs: z.string().nullish(),
    sensitivity: z.string().nullish(),
    organizer: z.object({ emailAddress: EmailAddress.nullish() }).loose().nullish(),
  })
  .loose();
export type GraphEvent = z.infer<typeof GraphEventSchema>;

/** One page of a Graph collection; items are validated one by one so a single odd event cannot hide the rest. */
export const GraphPageSchema = z
  .object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().url().optional() })
  .loose();
