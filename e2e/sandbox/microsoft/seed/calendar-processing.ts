import type { Event } from '@microsoft/microsoft-graph-types';
import { outlookHtml } from '../invitations';

/**
 * What a room mailbox's Resource Booking Attendant does to an accepted request before it becomes the calendar item
 * (`Set-CalendarProcessing`, MicrosoftDocs/office-docs-powershell exchange/Set-CalendarProcessing.md). The mailbox's
 * invitation message is not touched, which is why a kiosk can recover the join link from it.
 */
export interface CalendarProcessing {
  /** `-DeleteComments`: the body is removed. */
  readonly deleteComments: boolean;
  /** `-DeleteSubject`: the subject is removed. */
  readonly deleteSubject: boolean;
  /** `-AddOrganizerToSubject`: with DeleteSubject, the organizer's name becomes the subject. */
  readonly addOrganizerToSubject: boolean;
}

/** Exchange's defaults: all three `$true`. */
export const EXCHANGE_DEFAULTS: CalendarProcessing = { deleteComments: true, deleteSubject: true, addOrganizerToSubject: true };

/** What Teams Rooms' third-party join asks IT to set (`-DeleteComments $False -DeleteSubject $False`). */
export const KEEP_INVITATION: CalendarProcessing = { deleteComments: false, deleteSubject: false, addOrganizerToSubject: false };

/** The room's calendar copy of an accepted meeting. Only the delete combinations the seed uses are modelled. */
export function processForRoom(event: Event, processing: CalendarProcessing): Event {
  const organizer = event.organizer?.emailAddress?.name ?? event.organizer?.emailAddress?.address ?? '';
  const subject = processing.deleteSubject ? (processing.addOrganizerToSubject ? organizer : '') : event.subject;
  // Exchange keeps an HTML body, an empty document.
  const body = processing.deleteComments ? { contentType: 'html' as const, content: outlookHtml() } : event.body;
  return { ...event, subject, body };
}
