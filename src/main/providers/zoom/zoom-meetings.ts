import { z } from 'zod';
import { silentLogger, type Logger } from '../../health/logger';
import type { HostedMeeting, MeetingFactory, MeetingRequest } from '../../meetings/meeting-factory';
import { agendaWithMarker, createOnce, deleteIgnoringGone, meetingRefusal } from '../hosted-meeting';
import type { OAuth2Api } from '../oauth2-api';

/**
 * A meeting in Zoom's answers (Create a meeting / List meetings,
 * https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings): the numeric id, the
 * join_url for participants, and the agenda we wrote the marker into. start_url carries the host's key (ZAK) and is
 * deliberately not read.
 */
const ZoomMeetingSchema = z.object({ id: z.number().int().positive(), join_url: z.url({ protocol: /^https$/ }), agenda: z.string().optional() }).loose();
const ZoomMeetingListSchema = z.object({ meetings: z.array(ZoomMeetingSchema) }).loose();
type ZoomMeeting = z.infer<typeof ZoomMeetingSchema>;

/** Zoom's largest page: the room's upcoming meetings fit in one. */
const LIST_PAGE_SIZE = '300';

function hosted(meeting: ZoomMeeting): HostedMeeting {
  return { id: String(meeting.id), joinUrl: meeting.join_url };
}

/** Zoom wants whole minutes; the booking's own length is the meeting's, at least one minute. */
function minutesOf(request: MeetingRequest): number {
  return Math.max(1, Math.round((request.slot.end.getTime() - request.slot.start.getTime()) / 60_000));
}

/**
 * Zoom meetings hosted by the connected account. A scheduled meeting (type 2) starting now rather than an instant
 * one (type 1): it has the booking's length, so it shows up in the account's upcoming list — which is where a create
 * whose answer got lost is looked for — and participants may join before the host, as the room may not start it.
 */
export class ZoomMeetingFactory implements MeetingFactory {
  readonly meetingProvider = 'zoom';

  constructor(
    private readonly api: OAuth2Api,
    private readonly log: Logger = silentLogger,
  ) {}

  create(request: MeetingRequest): Promise<HostedMeeting> {
    return createOnce({
      provider: 'zoom',
      log: this.log,
      post: async () => hosted(await this.api.json('POST', '/users/me/meetings', ZoomMeetingSchema, { body: this.body(request) })),
      find: () => this.findByMarker(request.marker),
    });
  }

  async discard(id: string): Promise<void> {
    await deleteIgnoringGone(() => this.api.call('DELETE', `/meetings/${encodeURIComponent(id)}`)).catch((error: unknown) => {
      throw meetingRefusal('zoom', error);
    });
  }

  private body(request: MeetingRequest): object {
    return {
      topic: request.topic,
      type: 2,
      // Zoom reads a start_time ending in Z as UTC whatever `timezone` says; to the second, as Zoom writes it.
      start_time: request.slot.start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      duration: minutesOf(request),
      timezone: 'UTC',
      agenda: agendaWithMarker(request.marker),
      settings: { join_before_host: true, jbh_time: 0, waiting_room: false },
    };
  }

  private async findByMarker(marker: string): Promise<HostedMeeting | null> {
    const list = await this.api.json('GET', '/users/me/meetings', ZoomMeetingListSchema, { query: { type: 'upcoming', page_size: LIST_PAGE_SIZE } });
    const found = list.meetings.find((meeting) => meeting.agenda?.includes(marker));
    return found ? hosted(found) : null;
  }
}
