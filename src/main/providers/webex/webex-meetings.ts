import { z } from 'zod';
import { UserFacingError } from '../../bridge/router';
import { silentLogger, type Logger } from '../../health/logger';
import type { HostedMeeting, MeetingFactory, MeetingRequest } from '../../meetings/meeting-factory';
import type { BookingSlot } from '../../meetings/room-booker';
import type { Clock } from '../../ports';
import { agendaWithMarker, createOnce, deleteIgnoringGone, meetingRefusal } from '../hosted-meeting';
import type { OAuth2Api } from '../oauth2-api';

/**
 * A meeting in Webex's answers (Create a Meeting / List Meetings, https://developer.webex.com/docs/api/v1/meetings):
 * start and end are ISO 8601 with the meeting zone's offset; webLink is the join link; `state` tells an ended or
 * cancelled occurrence from a live one.
 */
const WebexMeetingSchema = z
  .object({
    id: z.string().min(1),
    webLink: z.url({ protocol: /^https$/ }),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    agenda: z.string().optional(),
    state: z.string().optional(),
  })
  .loose();
const WebexMeetingListSchema = z.object({ items: z.array(WebexMeetingSchema) }).loose();
type WebexMeeting = z.infer<typeof WebexMeetingSchema>;

/** Webex filters lists on the start time: a meeting overlapping now may have started this long ago. */
const LONGEST_MEETING_MS = 24 * 60 * 60_000;
/** Our own meeting starts within a minute of the slot (the slot starts on the minute). */
const OWN_START_SLACK_MS = 5 * 60_000;
const LIST_MAX = '100';
/** Occurrences that no longer hold the account's time. */
const OVER = new Set(['ended', 'missed', 'expired', 'cancelled']);

function hosted(meeting: WebexMeeting): HostedMeeting {
  return { id: meeting.id, joinUrl: meeting.webLink };
}

function overlaps(meeting: WebexMeeting, slot: BookingSlot): boolean {
  if (meeting.state !== undefined && OVER.has(meeting.state)) return false;
  return Date.parse(meeting.start) < slot.end.getTime() && Date.parse(meeting.end) > slot.start.getTime();
}

/**
 * Webex meetings hosted by the connected account, checked against the account's schedule first: Webex hosts one
 * meeting at a time per host, and the seed's overlap-check feature exists so Meet now does not collide with one.
 */
export class WebexMeetingFactory implements MeetingFactory {
  readonly meetingProvider = 'webex';

  constructor(
    private readonly api: OAuth2Api,
    private readonly clock: Clock,
    private readonly log: Logger = silentLogger,
  ) {}

  async create(request: MeetingRequest): Promise<HostedMeeting> {
    await this.checkOverlap(request.slot);
    return createOnce({
      provider: 'webex',
      log: this.log,
      post: async () => hosted(await this.api.json('POST', '/meetings', WebexMeetingSchema, { body: this.body(request) })),
      find: () => this.findByMarker(request),
    });
  }

  async discard(id: string): Promise<void> {
    await deleteIgnoringGone(() => this.api.call('DELETE', `/meetings/${encodeURIComponent(id)}`)).catch((error: unknown) => {
      throw meetingRefusal('webex', error);
    });
  }

  private body(request: MeetingRequest): object {
    // The slot starts on the minute, which may be a few seconds ago; Webex refuses a start in the past.
    const start = new Date(Math.max(request.slot.start.getTime(), this.clock.now().getTime()));
    return {
      title: request.topic,
      agenda: agendaWithMarker(request.marker),
      start: start.toISOString(),
      end: request.slot.end.toISOString(),
      timezone: 'UTC',
      // The link goes on the screen and into invitations we send ourselves; Webex mailing the room account is noise.
      sendEmail: false,
    };
  }

  private async checkOverlap(slot: BookingSlot): Promise<void> {
    const from = new Date(slot.start.getTime() - LONGEST_MEETING_MS);
    const scheduled = await this.list('scheduledMeeting', from, slot.end).catch((error: unknown) => {
      throw meetingRefusal('webex', error);
    });
    if (scheduled.some((meeting) => overlaps(meeting, slot))) {
      throw new UserFacingError('meeting-host-busy', "The room's Webex account already has a meeting at this time. Choose another service, or a time after that meeting.");
    }
  }

  private async findByMarker(request: MeetingRequest): Promise<HostedMeeting | null> {
    const series = await this.list('meetingSeries', new Date(request.slot.start.getTime() - OWN_START_SLACK_MS), request.slot.end);
    const found = series.find((meeting) => meeting.agenda?.includes(request.marker));
    return found ? hosted(found) : null;
  }

  private async list(meetingType: 'scheduledMeeting' | 'meetingSeries', from: Date, to: Date): Promise<WebexMeeting[]> {
    const query = { meetingType, from: from.toISOString(), to: to.toISOString(), max: LIST_MAX };
    return (await this.api.json('GET', '/meetings', WebexMeetingListSchema, { query })).items;
  }
}
