import { z } from 'zod';
import { parseControlBody } from '../core/control';
import { emptyReply, jsonReply } from '../core/http';
import { route, type Route } from '../core/router';
import { controlPattern, oauthControlRoutes, type OAuthControl } from '../oauth2-generic/control';
import type { OAuthProvider } from '../oauth2-generic/provider';
import { meetingJson, participantJson, type ParticipantSeed, type WebexMeetingStore } from './meetings';

/** Test-side operations on the Webex stand-in (in process; over HTTP under /__sandbox/webex/). */
export interface WebexControl extends OAuthControl {
  /** Every stored meeting series as Webex serializes it. */
  meetings(): Record<string, unknown>[];
  /** Someone joins (or waits in the lobby of) a meeting; shows up in /v1/meetingParticipants once it has started. */
  addParticipant(meetingId: string, participant: ParticipantSeed): Record<string, unknown>;
  /** What the host does on the Webex site: the meeting is gone (tests clear the seed's meeting from "now"). */
  deleteMeeting(meetingId: string): void;
}

export function createWebexControl(oauth: OAuthProvider, meetings: WebexMeetingStore): WebexControl {
  return {
    ...oauth.control,
    meetings: () => meetings.all().map((meeting) => meetingJson(meeting)),
    addParticipant: (meetingId, seed) => {
      const meeting = meetings.find(meetingId);
      if (!meeting) throw new Error(`unknown Webex meeting "${meetingId}"`);
      return participantJson(meeting, meetings.addParticipant(meeting, seed));
    },
    deleteMeeting: (meetingId) => {
      if (!meetings.delete(meetingId)) throw new Error(`unknown Webex meeting "${meetingId}"`);
    },
  };
}

const participantBody = z.object({
  email: z.string(),
  displayName: z.string(),
  state: z.enum(['lobby', 'joined']).optional(),
  muted: z.boolean().optional(),
});

export function webexControlRoutes(control: WebexControl): Route[] {
  return [
    ...oauthControlRoutes('webex', control),
    route('GET', controlPattern('webex', 'meetings'), () => jsonReply(200, control.meetings())),
    route('DELETE', controlPattern('webex', 'meetings/(?<id>[^/]+)'), (_req, params) => {
      control.deleteMeeting(params['id'] ?? '');
      return emptyReply(204);
    }),
    route('POST', controlPattern('webex', 'meetings/(?<id>[^/]+)/participants'), (req, params) =>
      jsonReply(201, control.addParticipant(params['id'] ?? '', parseControlBody(req, participantBody))),
    ),
  ];
}
