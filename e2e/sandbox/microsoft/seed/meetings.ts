import type { Attendee, Event, Location } from '@microsoft/microsoft-graph-types';
import { stableUuid } from '../../core/ids';
import type { DirectoryUser } from '../directory';
import {
  googleMeetInvitationHtml,
  googleMeetMeeting,
  gotoInvitationHtml,
  gotoMeeting,
  plainInvitationHtml,
  teamsInvitationHtml,
  teamsMeeting,
  webexInvitationHtml,
  webexMeeting,
  zoomInvitationHtml,
  zoomMeeting,
} from '../invitations';

/** Someone outside the directory (a customer or vendor who organises a meeting in our room). */
export interface ExternalPerson {
  readonly displayName: string;
  readonly mail: string;
}

export type Participant = DirectoryUser | ExternalPerson;

/** What one invitation contributes to an event: its body and, for Teams, the online-meeting fields. */
export interface Conferencing {
  readonly body: string;
  readonly fields: Event;
  /** Extra location entries (Zoom's add-in puts the join URL there; Teams adds "Microsoft Teams Meeting"). */
  readonly extraLocations: readonly Location[];
}

export interface ConferencingContext {
  /** Unique per meeting; all ids and links derive from it. */
  readonly seed: string;
  readonly tenantId: string;
  readonly organizer: Participant;
  readonly subject: string;
  readonly intro: string;
}

/**
 * `zoom-pasted`: a Zoom invitation pasted into an Outlook meeting (no add-in, so no join URL in the location).
 * `teams-external`: a Teams meeting organised in another tenant; the room's copy comes from the iCalendar invite and
 * has no onlineMeeting fields, only the body.
 */
export type ConferencingKind = 'teams' | 'teams-external' | 'zoom' | 'zoom-pasted' | 'webex' | 'webex-safelinks' | 'google-meet' | 'goto' | 'none';

/** The tenant external Teams organisers belong to. */
const EXTERNAL_TENANT_ID = stableUuid('tenant:fabrikam');

function organizerOid(organizer: Participant): string {
  return 'id' in organizer ? organizer.id : '00000000-0000-0000-0000-000000000000';
}

/** Builds the body and online-meeting fields of a seeded meeting for each conferencing service. */
export function conferencing(kind: ConferencingKind, ctx: ConferencingContext): Conferencing {
  const none = { fields: {}, extraLocations: [] };
  switch (kind) {
    case 'teams': {
      const meeting = teamsMeeting(ctx.seed, ctx.tenantId, organizerOid(ctx.organizer));
      return {
        body: teamsInvitationHtml(meeting, ctx.intro),
        fields: {
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
          onlineMeeting: { joinUrl: meeting.joinUrl, conferenceId: meeting.conferenceId, tollNumber: meeting.tollNumber },
        },
        extraLocations: [{ displayName: 'Microsoft Teams Meeting', locationType: 'default', uniqueId: 'Microsoft Teams Meeting', uniqueIdType: 'private' }],
      };
    }
    case 'teams-external': {
      const meeting = teamsMeeting(ctx.seed, EXTERNAL_TENANT_ID, organizerOid(ctx.organizer));
      return { ...none, body: teamsInvitationHtml(meeting, ctx.intro) };
    }
    case 'zoom-pasted':
      return { ...none, body: zoomInvitationHtml(zoomMeeting(ctx.seed), ctx.organizer.displayName, ctx.intro) };
    case 'zoom': {
      const meeting = zoomMeeting(ctx.seed);
      return {
        body: zoomInvitationHtml(meeting, ctx.organizer.displayName, ctx.intro),
        fields: {},
        extraLocations: [{ displayName: meeting.joinUrl, locationType: 'default', uniqueId: meeting.joinUrl, uniqueIdType: 'private' }],
      };
    }
    case 'webex':
    case 'webex-safelinks':
      return { ...none, body: webexInvitationHtml(webexMeeting(ctx.seed), { hostName: ctx.organizer.displayName, intro: ctx.intro, safeLinks: kind === 'webex-safelinks' }) };
    case 'google-meet':
      return { ...none, body: googleMeetInvitationHtml(googleMeetMeeting(ctx.seed), ctx.organizer.displayName, ctx.intro) };
    case 'goto':
      return { ...none, body: gotoInvitationHtml(gotoMeeting(ctx.seed), ctx.subject, ctx.intro) };
    case 'none':
      return { ...none, body: plainInvitationHtml(ctx.intro) };
  }
}

export function emailOf(participant: Participant): { name: string; address: string } {
  return { name: participant.displayName, address: participant.mail };
}

/** Attendee list as the room's copy of a meeting shows it: people (required) and the room (resource, accepted). */
export function attendeesFor(people: readonly Participant[], room: DirectoryUser, respondedAt: string, roomResponse: 'accepted' | 'tentativelyAccepted'): Attendee[] {
  return [
    ...people.map((person, index): Attendee => ({
      type: 'required',
      status: index % 3 === 2 ? { response: 'none', time: '0001-01-01T00:00:00Z' } : { response: 'accepted', time: respondedAt },
      emailAddress: emailOf(person),
    })),
    { type: 'resource', status: { response: roomResponse, time: respondedAt }, emailAddress: emailOf(room) },
  ];
}

export function roomLocation(room: DirectoryUser): Location {
  return {
    displayName: room.displayName,
    locationType: 'conferenceRoom',
    locationEmailAddress: room.mail,
    uniqueId: room.mail,
    uniqueIdType: 'directory',
  };
}
