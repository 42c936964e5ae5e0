import type { CalendarChoice } from '../../../shared/model';
import type { HostedMeeting, MeetingFactory, MeetingRequest } from '../../meetings/meeting-factory';
import { BookingRefusedError } from '../../meetings/room-booker';
import { meetingRefusal } from '../hosted-meeting';
import type { GoogleRoomBooker } from './google-booker';

/** The connected Google account's own calendar: where a Meet for another provider's room is made. */
const PRIMARY: CalendarChoice = { id: 'primary', name: 'primary', ownerName: '', ownerEmail: '', isRoomAccountOwn: true };

/**
 * Google Meet for a Microsoft room: Google makes a Meet only as part of a Calendar event, so the meeting is an
 * event in the connected Google account's primary calendar, and the room's own calendar gets the booking with the
 * link. Google's client-chosen event id and requestId make the create idempotent, unlike Zoom's and Webex's.
 */
export class GoogleMeetFactory implements MeetingFactory {
  readonly meetingProvider = 'meet';

  constructor(private readonly google: GoogleRoomBooker) {}

  async create(request: MeetingRequest): Promise<HostedMeeting> {
    try {
      return await this.google.createMeeting(PRIMARY, request.slot, request.topic, request.marker);
    } catch (error) {
      // Google's refusals are worded for a room booking; here nothing of the room was touched yet.
      throw meetingRefusal('meet', error instanceof BookingRefusedError ? error.cause : error);
    }
  }

  discard(id: string): Promise<void> {
    return this.google.deleteMeeting(PRIMARY, id);
  }
}
