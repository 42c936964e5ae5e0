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

/**
 * Graph's wall time, `2026-11-22T14:00:00.0000000` (no offset: the zone is beside it). Checked here, because one
 * event whose date is no date would otherwise throw while the whole listing is read and keep the agenda stale.
 */
const GraphDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/, 'not a Graph dateTime')
  .refine((value) => !Number.isNaN(Date.parse(`${value.slice(0, 23)}Z`)), 'not a real date and time');

const DateTimeTimeZone = z.object({ dateTime: GraphDateTime, timeZone: z.string().nullish() }).loose();

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

/**
 * One page of a Graph collection; items are validated one by one so a single odd event cannot hide the rest. A delta
 * page carries `@odata.nextLink` (more pages in this round) or, on the last page, `@odata.deltaLink` — never both.
 */
export const GraphPageSchema = z
  .object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().url().optional(), '@odata.deltaLink': z.string().url().optional() })
  .loose();

/** An instance that left a delta's calendarView (deleted, cancelled, moved out): Graph sends nothing but its id. */
const GraphRemovedSchema = z.object({ id: z.string().min(1), '@removed': z.object({ reason: z.string().nullish() }).loose() }).loose();

/** A delta item, tagged: either a whole event (added or changed) or the id of one that went away. */
export const GraphDeltaItemSchema = z.union([
  GraphRemovedSchema.transform((item) => ({ kind: 'removed' as const, id: item.id })),
  GraphEventSchema.transform((event) => ({ kind: 'event' as const, event })),
]);
export type GraphDeltaItem = z.output<typeof GraphDeltaItemSchema>;
