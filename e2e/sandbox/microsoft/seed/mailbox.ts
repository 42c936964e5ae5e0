import type { DateTimeTimeZone, EventMessageRequest, Recipient } from '@microsoft/microsoft-graph-types';
import { stableHex } from '../../core/ids';
import { formatGraphDateTime, toLocal } from '../../core/time';
import { bodyPreview } from '../graph/body-text';
import { graphId, instantOf } from '../graph/event-factory';
import { CLEAN_GLOBAL_OBJECT_ID_PROPERTY, cleanICalUId, GLOBAL_OBJECT_ID_PROPERTY, globalObjectIdValue, MESSAGE_CLASS_PROPERTY } from '../graph/global-object-id';
import type { NewMessage, WellKnownFolder } from '../graph/mail-store';
import type { SeededEvent } from './rooms';

/**
 * The meeting requests in each room's mailbox: one `eventMessageRequest` per seeded meeting, with the invitation's
 * original subject and body (the calendar item may have lost both, see calendar-processing.ts) and the MAPI
 * properties a client correlates them by.
 */

export interface SeededMessage {
  readonly ownerUpn: string;
  readonly message: NewMessage;
}

function utc(value: DateTimeTimeZone | null | undefined): DateTimeTimeZone | null {
  const instant = instantOf(value);
  return instant ? { dateTime: formatGraphDateTime(toLocal(instant, 'UTC')), timeZone: 'UTC' } : null;
}

function domainOf(address: string): string {
  return address.split('@')[1] ?? 'contoso.com';
}

/**
 * Where a processed request ends up depends on the mailbox's settings (kept in the Inbox, moved to Deleted Items
 * or removed); the seed files daily series in Deleted Items so a client reading only the Inbox misses them.
 */
function folderFor(seeded: SeededEvent): WellKnownFolder {
  return seeded.event.recurrence ? 'deleteditems' : 'inbox';
}

function requestFields(seeded: SeededEvent, id: string): EventMessageRequest {
  const { event, invitation } = seeded;
  const seed = `invitation:${seeded.id}`;
  const sent = event.createdDateTime ?? '';
  const organizer: Recipient = { emailAddress: event.organizer?.emailAddress ?? {} };
  return {
    createdDateTime: sent,
    lastModifiedDateTime: sent,
    changeKey: Buffer.from(stableHex(`changekey:${seed}`, 32), 'hex').toString('base64'),
    categories: [],
    receivedDateTime: sent,
    sentDateTime: sent,
    hasAttachments: false,
    internetMessageId: `<${stableHex(`mid:${seed}`, 40).toUpperCase()}@${domainOf(organizer.emailAddress?.address ?? '')}>`,
    subject: invitation.subject,
    bodyPreview: bodyPreview(invitation.body),
    importance: 'normal',
    conversationId: `AAQkA${Buffer.from(stableHex(`conversation:${seed}`, 32), 'hex').toString('base64url')}=`,
    conversationIndex: Buffer.from(stableHex(`index:${seed}`, 44), 'hex').toString('base64'),
    isDeliveryReceiptRequested: null,
    isReadReceiptRequested: false,
    // The attendant has processed it.
    isRead: true,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    meetingMessageType: 'meetingRequest',
    type: event.recurrence ? 'seriesMaster' : 'singleInstance',
    isOutOfDate: false,
    isAllDay: event.isAllDay ?? false,
    isDelegated: false,
    responseRequested: true,
    allowNewTimeProposals: true,
    body: { contentType: 'html', content: invitation.body },
    sender: organizer,
    from: organizer,
    toRecipients: (event.attendees ?? []).map((attendee): Recipient => ({ emailAddress: attendee.emailAddress ?? {} })),
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
    startDateTime: utc(event.start),
    endDateTime: utc(event.end),
    location: event.location ?? null,
    recurrence: event.recurrence ?? null,
    previousLocation: null,
    previousStartDateTime: null,
    previousEndDateTime: null,
  };
}

export function invitationMessage(seeded: SeededEvent): SeededMessage {
  const id = graphId(`message:invitation:${seeded.id}`);
  const iCalUId = seeded.event.iCalUId ?? '';
  return {
    ownerUpn: seeded.ownerUpn,
    message: {
      id,
      folder: folderFor(seeded),
      odataType: '#microsoft.graph.eventMessageRequest',
      message: requestFields(seeded, id),
      extendedProperties: [
        { id: MESSAGE_CLASS_PROPERTY, value: 'IPM.Schedule.Meeting.Request' },
        { id: GLOBAL_OBJECT_ID_PROPERTY, value: globalObjectIdValue(iCalUId) },
        { id: CLEAN_GLOBAL_OBJECT_ID_PROPERTY, value: globalObjectIdValue(cleanICalUId(iCalUId)) },
      ],
      eventId: seeded.id,
    },
  };
}
