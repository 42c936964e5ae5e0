import type { Clock } from '../core/clock';
import { stableDigits, stableHex } from '../core/ids';
import { atTime, fromLocal, localDateOf, parseGraphDateTime, resolveTimeZone, toLocal } from '../core/time';
import { webexMeeting } from '../microsoft/invitations';
import { WEBEX_ORG_ID, WEBEX_SITE, type WebexPerson } from './accounts';

export interface ParticipantSeed {
  readonly email: string;
  readonly displayName: string;
  /** Default `joined`. */
  readonly state?: 'lobby' | 'joined';
  readonly muted?: boolean;
}

export interface Participant extends Required<ParticipantSeed> {
  readonly id: string;
  readonly host: boolean;
  readonly joinedTime: Date;
  leftTime: Date | null;
}

export interface MeetingControls {
  locked: boolean;
  recordingStarted: boolean;
  recordingPaused: boolean;
}

export interface WebexMeetingRecord {
  readonly id: string;
  readonly meetingNumber: string;
  readonly title: string;
  readonly agenda: string;
  readonly password: string;
  readonly phoneAndVideoSystemPassword: string;
  readonly timezone: string;
  readonly start: Date;
  readonly end: Date;
  readonly host: WebexPerson;
  readonly hostKey: string;
  readonly webLink: string;
  readonly invitees: readonly string[];
  readonly participants: Participant[];
  readonly controls: MeetingControls;
  endedAt: Date | null;
}

export interface NewWebexMeeting {
  readonly title: string;
  readonly agenda?: string;
  readonly password?: string;
  readonly timezone: string;
  readonly start: Date;
  readonly end: Date;
  readonly invitees?: readonly string[];
}

/** Webex reads `2019-11-01 20:00:00` as wall time in `timezone`, and ISO 8601 with an offset or Z as an instant. */
export function parseWebexTime(text: string, zone: string): Date | null {
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim())) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const local = parseGraphDateTime(text.trim().replace(' ', 'T'));
  return local ? fromLocal(local, zone) : null;
}

const pad = (value: number): string => String(Math.abs(value)).padStart(2, '0');

/** `2019-11-01T20:00:00+08:00`: Webex answers in the meeting's zone, with the offset. */
export function webexTime(instant: Date, zone: string): string {
  const local = toLocal(instant, zone);
  const offsetMin = Math.round((Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${sign}${pad(Math.trunc(offsetMin / 60))}:${pad(offsetMin % 60)}`;
}

export type MeetingPhase = 'scheduled' | 'inProgress' | 'ended';

export class WebexMeetingStore {
  private readonly meetings = new Map<string, WebexMeetingRecord>();
  private created = 0;

  constructor(private readonly clock: Clock) {}

  /** Like Webex, no idempotency key: each call creates a new meeting. */
  create(host: WebexPerson, input: NewWebexMeeting): WebexMeetingRecord {
    const seed = `webex-meeting:${++this.created}:${this.clock().toISOString()}`;
    const link = webexMeeting(seed);
    const record: WebexMeetingRecord = {
      id: stableHex(`${seed}:id`, 32),
      meetingNumber: link.meetingNumber,
      title: input.title,
      agenda: input.agenda ?? '',
      password: input.password ?? link.password,
      phoneAndVideoSystemPassword: link.numericPassword,
      timezone: input.timezone,
      start: input.start,
      end: input.end,
      host,
      hostKey: stableDigits(`${seed}:hostkey`, 6),
      webLink: link.joinUrl,
      invitees: [...(input.invitees ?? [])],
      participants: [],
      controls: { locked: false, recordingStarted: false, recordingPaused: false },
      endedAt: null,
    };
    this.meetings.set(record.id, record);
    return record;
  }

  /** By series id, or by an instance id (`<series>_I_<n>`, `<series>_<start>`). */
  find(id: string): WebexMeetingRecord | null {
    return this.meetings.get(id) ?? this.meetings.get(id.split('_')[0] ?? '') ?? null;
  }

  delete(id: string): boolean {
    const meeting = this.find(id);
    return meeting ? this.meetings.delete(meeting.id) : false;
  }

  all(): WebexMeetingRecord[] {
    return [...this.meetings.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  phase(meeting: WebexMeetingRecord): MeetingPhase {
    const now = this.clock().getTime();
    if (meeting.endedAt !== null || now >= meeting.end.getTime()) return 'ended';
    return now >= meeting.start.getTime() ? 'inProgress' : 'scheduled';
  }

  /** Who is in the meeting: the room (its host) from the start, plus anyone a test let in. */
  participants(meeting: WebexMeetingRecord): Participant[] {
    if (this.phase(meeting) === 'scheduled') return [];
    const host: Participant = {
      id: `${meeting.id}_${stableHex(meeting.host.email, 8)}`,
      email: meeting.host.email,
      displayName: meeting.host.displayName,
      state: 'joined',
      muted: false,
      host: true,
      joinedTime: meeting.start,
      leftTime: meeting.endedAt,
    };
    return [host, ...meeting.participants];
  }

  addParticipant(meeting: WebexMeetingRecord, seed: ParticipantSeed): Participant {
    const participant: Participant = {
      id: `${meeting.id}_${stableHex(`${seed.email}:${meeting.participants.length}`, 8)}`,
      email: seed.email,
      displayName: seed.displayName,
      state: seed.state ?? 'joined',
      muted: seed.muted ?? false,
      host: false,
      joinedTime: this.clock(),
      leftTime: null,
    };
    meeting.participants.push(participant);
    return participant;
  }

  end(meeting: WebexMeetingRecord): void {
    meeting.endedAt = this.clock();
    for (const participant of meeting.participants) participant.leftTime ??= meeting.endedAt;
  }
}

export function meetingJson(meeting: WebexMeetingRecord, meetingType: 'meetingSeries' | 'scheduledMeeting' = 'meetingSeries'): Record<string, unknown> {
  const scheduled = meetingType === 'scheduledMeeting';
  return {
    id: scheduled ? `${meeting.id}_${meeting.start.toISOString().replace(/[-:]|\.\d{3}/g, '')}` : meeting.id,
    ...(scheduled ? { meetingSeriesId: meeting.id } : {}),
    meetingNumber: meeting.meetingNumber,
    title: meeting.title,
    agenda: meeting.agenda,
    password: meeting.password,
    phoneAndVideoSystemPassword: meeting.phoneAndVideoSystemPassword,
    meetingType,
    state: meeting.endedAt === null ? 'active' : 'ended',
    timezone: meeting.timezone,
    start: webexTime(meeting.start, meeting.timezone),
    end: webexTime(meeting.end, meeting.timezone),
    hostUserId: meeting.host.id,
    hostDisplayName: meeting.host.displayName,
    hostEmail: meeting.host.email,
    hostKey: meeting.hostKey,
    siteUrl: WEBEX_SITE,
    webLink: meeting.webLink,
    sipAddress: `${meeting.meetingNumber}@${WEBEX_SITE}`,
    dialInIpAddress: '173.243.2.68',
    enabledAutoRecordMeeting: false,
    allowAnyUserToBeCoHost: false,
    enabledJoinBeforeHost: false,
    enableConnectAudioBeforeHost: false,
    joinBeforeHostMinutes: 0,
    excludePassword: false,
    publicMeeting: false,
    reminderTime: 10,
    unlockedMeetingJoinSecurity: 'allowJoin',
    sessionTypeId: 3,
    enableAutomaticLock: false,
    automaticLockMinutes: 0,
    allowFirstUserToBeCoHost: false,
    allowAuthenticatedDevices: false,
    telephony: {
      accessCode: meeting.meetingNumber,
      callInNumbers: [
        { label: 'Italy Toll', callInNumber: '+39-02-5550-1234', tollType: 'toll' },
        { label: 'US Toll', callInNumber: '+1-415-555-0199', tollType: 'toll' },
      ],
      links: [{ rel: 'globalCallinNumbers', href: `/v1/meetings/${meeting.id}/globalCallinNumbers`, method: 'GET' }],
    },
    meetingOptions: { enabledChat: true, enabledVideo: true, enabledPolling: false, enabledNote: true, noteType: 'allowAll', enabledFileTransfer: false, enabledUCFRichMedia: false },
    attendeePrivileges: {
      enabledShareContent: true,
      enabledSaveDocument: false,
      enabledPrintDocument: false,
      enabledAnnotate: false,
      enabledViewParticipantList: true,
      enabledViewThumbnails: false,
      enabledRemoteControl: true,
      enabledViewAnyDocument: false,
      enabledViewAnyPage: false,
      enabledContactOperatorPrivately: false,
      enabledChatHost: true,
      enabledChatPresenter: true,
      enabledChatOtherParticipants: true,
    },
    scheduledType: 'meeting',
    enabledBreakoutSessions: false,
    audioConnectionOptions: {
      audioConnectionType: 'webexAudio',
      enabledTollFreeCallIn: false,
      enabledGlobalCallIn: true,
      enabledAudienceCallBack: false,
      entryAndExitTone: 'beep',
      allowHostToUnmuteParticipants: false,
      allowAttendeeToUnmuteSelf: true,
      muteAttendeeUponEntry: true,
    },
  };
}

export function participantJson(meeting: WebexMeetingRecord, participant: Participant): Record<string, unknown> {
  const joined = participant.joinedTime.toISOString();
  return {
    id: participant.id,
    orgId: WEBEX_ORG_ID,
    host: participant.host,
    coHost: false,
    spaceModerator: false,
    email: participant.email,
    displayName: participant.displayName,
    invitee: meeting.invitees.includes(participant.email),
    muted: participant.muted,
    meetingStartTime: meeting.start.toISOString(),
    video: 'on',
    state: participant.leftTime === null ? participant.state : 'end',
    joinedTime: joined,
    ...(participant.leftTime === null ? {} : { leftTime: participant.leftTime.toISOString() }),
    siteUrl: WEBEX_SITE,
    meetingId: meeting.id,
    hostEmail: meeting.host.email,
    devices: [
      {
        correlationId: stableHex(`${participant.id}:device`, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        deviceType: participant.host ? 'webex_room_device' : 'webex_meeting_center_windows',
        audioType: 'voip',
        joinedTime: joined,
        callType: 'callIn',
      },
    ],
  };
}

/** One meeting already on the room's Webex account on the seed day (15:00–16:00 Rome), so overlap checks have data. */
export function seedWebexMeetings(store: WebexMeetingStore, host: WebexPerson, anchor: Date): void {
  const zone = resolveTimeZone(host.timezone) ?? 'UTC';
  const day = localDateOf(toLocal(anchor, zone));
  store.create(host, { title: 'Partner review', agenda: 'Quarterly partner review', timezone: zone, start: fromLocal(atTime(day, 15, 0), zone), end: fromLocal(atTime(day, 16, 0), zone) });
}
