import type { LocalDate } from '../../core/time';

/**
 * Exchange's meeting identity. A Graph `iCalUId` is the hex form of the MAPI PidLidGlobalObjectId of the item
 * ([MS-OXCICAL] 2.1.3.1.1.20.26 "UID": ByteArrayID, InstanceDate YYYY MM DD, CreationDateTime, Padding, DataSize,
 * data). An occurrence's id carries its instance date; the series and every meeting message about the meeting
 * carry PidLidCleanGlobalObjectId, the same bytes with the date zeroed ([MS-OXPROPS] 2.57). That is how a room's
 * calendar item and the invitation in its mailbox are correlated.
 */

/** PSETID_Meeting named properties as Graph's singleValueExtendedProperties ids ("{type} {guid} Id {id}"). */
export const GLOBAL_OBJECT_ID_PROPERTY = 'Binary {6ED8DA90-450B-101B-98DA-00AA003F1305} Id 0x3';
export const CLEAN_GLOBAL_OBJECT_ID_PROPERTY = 'Binary {6ED8DA90-450B-101B-98DA-00AA003F1305} Id 0x23';
/** PidTagMessageClass, e.g. IPM.Schedule.Meeting.Request for an invitation. */
export const MESSAGE_CLASS_PROPERTY = 'String 0x001A';

/** Hex offset of the 4-byte instance date (after the 16-byte ByteArrayID). */
const DATE_START = 32;
const DATE_END = 40;

function hex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, '0');
}

/** The iCalUId of one occurrence of a series: the series' id with the occurrence's date written in. */
export function occurrenceICalUId(seriesICalUId: string, date: LocalDate): string {
  const instanceDate = `${hex(date.year, 4)}${hex(date.month, 2)}${hex(date.day, 2)}`;
  return `${seriesICalUId.slice(0, DATE_START)}${instanceDate}${seriesICalUId.slice(DATE_END)}`;
}

/** The clean form (date zeroed), shared by the series, its occurrences and the meeting messages. */
export function cleanICalUId(iCalUId: string): string {
  return `${iCalUId.slice(0, DATE_START)}00000000${iCalUId.slice(DATE_END)}`;
}

/** As Graph returns a Binary extended property: base64 of the bytes. */
export function globalObjectIdValue(iCalUId: string): string {
  return Buffer.from(iCalUId, 'hex').toString('base64');
}
