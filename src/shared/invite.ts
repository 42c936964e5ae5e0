import { z } from 'zod';

/**
 * "Invite people": what crosses the IPC boundary. Pure data, compiled into main and renderer.
 */

/** Where a person was found; one per directory the room's features allow. */
export const DirectorySourceSchema = z.enum(['microsoft', 'google', 'zoom', 'webex']);
export type DirectorySource = z.infer<typeof DirectorySourceSchema>;

/** Longest query the kiosk sends: a name or an address, typed with a finger. Longer input is refused, not cut. */
export const MAX_QUERY_LENGTH = 64;
/** Rows on the invite screen: more than a screenful of big rows is noise; a longer name narrows it. */
export const MAX_RESULTS = 12;
/** People in one invitation: a room invite, not a mailing list. */
export const MAX_INVITEES = 20;

/**
 * A lenient address check (one @, something dotted after it, no spaces or angle brackets): providers' directories hold
 * the real addresses; this only keeps header-breaking text (CR/LF, `<>`, commas) out of mail and calendar writes.
 */
export const EmailSchema = z
  .string()
  .max(254)
  .regex(/^[^\s@<>,;"()[\]\\]+@[^\s@<>,;"()[\]\\]+\.[^\s@<>,;"()[\]\\]+$/);

export const PersonSchema = z.object({
  /** Shown as text only (React escapes it); a directory may hold anything here. */
  name: z.string().max(200),
  email: EmailSchema,
  source: DirectorySourceSchema,
});
export type Person = z.infer<typeof PersonSchema>;

export const InviteQuerySchema = z.string().trim().min(1).max(MAX_QUERY_LENGTH);

export const InviteOptionsSchema = z.object({
  /** The directories whose search feature is on; empty means "directory search is off". */
  directories: z.array(DirectorySourceSchema).max(4),
  /** The room can mail the invitation from its own mailbox (Mail.Send / gmail.send on). */
  mail: z.boolean(),
  /** A booking made here is in progress, so there is something to invite people to. */
  booking: z.boolean(),
});
export type InviteOptions = z.infer<typeof InviteOptionsSchema>;

export const SearchResultSchema = z.object({
  people: z.array(PersonSchema).max(MAX_RESULTS),
  /** Directories that failed this time (the others' results are still shown). */
  unavailable: z.array(DirectorySourceSchema).max(4),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SendResultSchema = z.object({
  /** The people are attendees of the room's booking now. */
  attendees: z.boolean(),
  /** The invitation left the room's mailbox. */
  mailed: z.boolean(),
});
export type SendResult = z.infer<typeof SendResultSchema>;

/** The same address however a directory spells it. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
