import type { MeetingService } from '../../shared/model';
import type { BookingSlot } from './room-booker';

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
 * Creates an online meeting in a provider's own account, beside the room's booking rather than inside it: Zoom,
 * Webex, and Meet for a room whose calendar is not Google's. Zoom and Webex take no idempotency key, so a create is
 * never retried blindly: after a lost answer the account's meetings are searched for the request's marker.
 * Failures are UserFacingErrors worded for the person at the kiosk.
 */
export interface MeetingFactory {
  readonly meetingProvider: MeetingService;
  create(request: MeetingRequest): Promise<HostedMeeting>;
  /** Deletes a meeting whose room booking failed; one already gone counts as deleted. */
  discard(id: string): Promise<void>;
}
