import type { LiveMeeting } from '../../shared/model';

/** What a service lets the room see of a running meeting it started; null parts are not available. */
export type LiveView = Omit<LiveMeeting, 'service' | 'canEnd'>;

/**
 * A running meeting, read and ended through its service's API. Only Webex offers this to a meeting's host with
 * user scopes (meeting:participants_read, meeting:controls_read; ending with meeting:schedules_write).
 */
export interface LiveMeetingReader {
  read(meetingId: string): Promise<LiveView>;
  end(meetingId: string): Promise<void>;
}

/** For meetings whose service shows the room nothing while they run. */
export const NOTHING_VISIBLE: LiveView = { state: null, participants: null, controls: null };
