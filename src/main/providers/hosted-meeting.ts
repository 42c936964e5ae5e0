import { ConnectionLostError } from '../auth/connector';
import { UserFacingError } from '../bridge/router';
import type { Logger } from '../health/logger';
import { MEETING_SERVICE_NAMES, type MeetingService } from '../../shared/model';
import type { HostedMeeting } from '../meetings/meeting-factory';
import { ApiHttpError, mayHaveApplied } from './oauth2-api';

/** What the meeting factories share: the marker, the lost-answer recovery (Zoom, Webex) and the refusals. */

/** Where the marker goes (Zoom and Webex agenda): readable for the host, unique for the search. */
export function agendaWithMarker(marker: string): string {
  return `Started from the Roomdeck room screen (${marker})`;
}

/** The provider's refusal in words for the person at the kiosk. */
export function meetingRefusal(provider: MeetingService, error: unknown): unknown {
  if (error instanceof UserFacingError) return error;
  const name = MEETING_SERVICE_NAMES[provider];
  if (error instanceof ConnectionLostError) {
    return new UserFacingError('meeting-provider-disconnected', `${name} is no longer connected to this room. IT can connect it again in Settings.`);
  }
  if (error instanceof ApiHttpError && (error.status === 403 || error.status === 400)) {
    return new UserFacingError('meeting-not-allowed', `${name} did not allow this room's account to create the meeting. IT can check the ${name} connection in Settings.`);
  }
  return new UserFacingError('meeting-failed', `${name} could not create the meeting. Nothing was booked; please try again.`);
}

export interface CreateOnce {
  provider: MeetingService;
  post(): Promise<HostedMeeting>;
  /** The meeting carrying this request's marker, if the provider has it. */
  find(): Promise<HostedMeeting | null>;
  log: Logger;
}

/**
 * One create, never repeated: when the answer is lost (no answer, 5xx) the meeting may exist anyway, so the account is
 * searched for the marker. Found: that is the meeting. Not found: the create did not happen, and the person may tap
 * again (a new tap, a new marker) — a second POST here could race a first one the provider is still committing.
 */
export async function createOnce(steps: CreateOnce): Promise<HostedMeeting> {
  try {
    return await steps.post();
  } catch (error) {
    if (!mayHaveApplied(error)) throw meetingRefusal(steps.provider, error);
    steps.log.warn('meeting.create-answer-lost', { provider: steps.provider, error: error instanceof Error ? error.message : String(error) });
    const found = await steps.find().catch((lookup: unknown) => {
      throw meetingRefusal(steps.provider, lookup);
    });
    if (!found) throw meetingRefusal(steps.provider, error);
    steps.log.info('meeting.create-recovered', { provider: steps.provider });
    return found;
  }
}

/** Deletes a meeting, treating 404 as already deleted. */
export async function deleteIgnoringGone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (error instanceof ApiHttpError && error.status === 404) return;
    throw error;
  }
}
