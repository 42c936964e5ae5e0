import type { BookingSlot } from './room-booker';

/** Services whose meetings live in their own account, not in the room's calendar event (Zoom, Webex). */
export type HostedMeetingProvider = 'zoom' | 'webex';

export interface HostedMeeting {
  id: string;
  joinUrl: string;
}

export interface MeetingRequest {
  slot: BookingSlot;
  topic: string;
  /** Unique per tap: written into the meeting so a create whose answer got lost can be found again. */
  marker: string;
}

/**
 * Creates an online meeting in a provider's account. Neither Zoom nor Webex takes an idempotency key, so a create
 * is never retried blindly: after a lost answer the account's meetings are searched for the request's marker.
 * Failures are UserFacingErrors (or ConnectionLostError) worded for the person at the kiosk.
 */
export interface MeetingFactory {
  readonly meetingProvider: HostedMeetingProvider;
  create(request: MeetingRequest): Promise<HostedMeeting>;
  /** Deletes a meeting whose room booking failed; one already gone counts as deleted. */
  discard(id: string): Promise<void>;
}
