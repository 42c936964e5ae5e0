import { z } from 'zod';
import type { Clock } from '../../ports';
import type { LiveMeetingReader, LiveView } from '../../meetings/live-meeting';
import type { OAuth2Api } from '../oauth2-api';

/**
 * Occurrences of a series (List Meetings with meetingType=meeting, https://developer.webex.com/docs/api/v1/meetings):
 * an instance exists once the meeting started; its `state` says whether it is still running.
 */
const InstanceListSchema = z.object({ items: z.array(z.object({ id: z.string().min(1), meetingSeriesId: z.string().optional(), state: z.string().optional() }).loose()) }).loose();
/** List Meeting Participants (https://developer.webex.com/docs/api/v1/meeting-participants): `state` end = has left. */
const ParticipantListSchema = z.object({
  items: z.array(z.object({ displayName: z.string().max(200), state: z.string(), muted: z.boolean().optional(), host: z.boolean().optional() }).loose()),
}).loose();
/** Get Meeting Control Status (https://developer.webex.com/docs/api/v1/meeting-controls). */
const ControlsSchema = z.object({ locked: z.boolean(), recordingStarted: z.boolean() }).loose();

/** An instant meeting started within the booking's day; Webex lists occurrences by their start. */
const LOOKBACK_MS = 24 * 60 * 60_000;
const LIST_MAX = '100';

/** Occurrence states that mean it is over; anything else not in progress (scheduled, ready, lobby) is still to come. */
const OVER = new Set(['ended', 'missed', 'expired']);

function stateOf(instance: { state?: string } | null): NonNullable<LiveView['state']> {
  if (instance?.state === 'inProgress') return 'in-progress';
  return instance?.state !== undefined && OVER.has(instance.state) ? 'ended' : 'waiting';
}

export interface WebexLiveOptions {
  /** webex.participants is on. */
  participants: boolean;
  /** webex.meeting-controls is on. */
  controls: boolean;
}

/** The Webex meeting the room started, as its host sees it: running or not, who is in it, locked or recording. */
export class WebexLiveMeeting implements LiveMeetingReader {
  constructor(
    private readonly api: OAuth2Api,
    private readonly clock: Clock,
    private readonly options: WebexLiveOptions,
  ) {}

  async read(seriesId: string): Promise<LiveView> {
    const instance = await this.instance(seriesId);
    const state = stateOf(instance);
    const running = instance !== null && state === 'in-progress';
    const [participants, controls] = await Promise.all([
      running && this.options.participants ? this.participants(instance.id) : null,
      running && this.options.controls ? this.controls(instance.id) : null,
    ]);
    return { state, participants, controls };
  }

  /** Ends the running occurrence for everyone (End a Meeting, meeting:schedules_write). */
  async end(seriesId: string): Promise<void> {
    const instance = await this.instance(seriesId);
    await this.api.call('POST', `/meetings/${encodeURIComponent(instance?.id ?? seriesId)}/end`);
  }

  private async instance(seriesId: string): Promise<{ id: string; state?: string } | null> {
    const now = this.clock.now().getTime();
    const query = { meetingType: 'meeting', meetingSeriesId: seriesId, from: new Date(now - LOOKBACK_MS).toISOString(), to: new Date(now + 60_000).toISOString(), max: LIST_MAX };
    const { items } = await this.api.json('GET', '/meetings', InstanceListSchema, { query });
    return items.find((item) => item.meetingSeriesId === seriesId) ?? null;
  }

  private async participants(instanceId: string): Promise<NonNullable<LiveView['participants']>> {
    const { items } = await this.api.json('GET', '/meetingParticipants', ParticipantListSchema, { query: { meetingId: instanceId, max: LIST_MAX } });
    return items
      .filter((item) => item.state !== 'end')
      .map((item) => ({ name: item.displayName, inLobby: item.state === 'lobby', muted: item.muted ?? false, host: item.host ?? false }));
  }

  private async controls(instanceId: string): Promise<NonNullable<LiveView['controls']>> {
    const controls = await this.api.json('GET', '/meetings/controls', ControlsSchema, { query: { meetingId: instanceId } });
    return { locked: controls.locked, recording: controls.recordingStarted };
  }
}
