import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';
import { base64url, randomToken, stableLetters } from '../core/ids';
import { atTime, fromLocal, localDateOf, parseGraphDateTime, resolveTimeZone, toLocal } from '../core/time';
import { zoomMeeting } from '../microsoft/invitations';
import type { ZoomUser } from './accounts';

/** A meeting as the sandbox stores it; serialized by meetingJson. */
export interface ZoomMeetingRecord {
  readonly id: number;
  readonly uuid: string;
  readonly host: ZoomUser;
  readonly topic: string;
  readonly type: number;
  readonly startTime: Date;
  readonly duration: number;
  readonly timezone: string;
  readonly agenda: string;
  readonly createdAt: Date;
  readonly password: string;
  readonly numericPassword: string;
  readonly encryptedPassword: string;
  readonly joinUrl: string;
  readonly startUrl: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface NewZoomMeeting {
  readonly topic?: string;
  readonly type?: number;
  /** Zoom's start_time: `...Z` is UTC, anything else is wall time in `timezone`. */
  readonly startTime?: string;
  readonly duration?: number;
  readonly timezone?: string;
  readonly agenda?: string;
  readonly password?: string;
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** The settings Zoom echoes for a default licensed user (a subset of the documented object). */
const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  host_video: false,
  participant_video: false,
  join_before_host: false,
  jbh_time: 0,
  mute_upon_entry: false,
  watermark: false,
  use_pmi: false,
  approval_type: 2,
  audio: 'both',
  auto_recording: 'none',
  waiting_room: true,
  meeting_authentication: false,
  encryption_type: 'enhanced_encryption',
  private_meeting: false,
  email_notification: true,
};

/** Zoom writes instants to the second with a Z. */
export function zoomInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function parseZoomStart(text: string, zone: string): Date | null {
  if (/Z$/i.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const local = parseGraphDateTime(text);
  return local ? fromLocal(local, zone) : null;
}

/** A start_url carries a host token (ZAK): anyone holding it starts the meeting as the host. Never log it. */
function startUrlFor(host: ZoomUser, id: number, joinUrl: string, now: Date): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const exp = Math.floor(now.getTime() / 1000) + 7200;
  const payload = base64url(JSON.stringify({ aud: 'clientsm', uid: host.id, iss: 'web', mnum: String(id), exp, iat: exp - 7200 }));
  return `${new URL(joinUrl).origin}/s/${id}?zak=${header}.${payload}.${randomToken(32)}`;
}

export class ZoomMeetingStore {
  private readonly meetings = new Map<number, ZoomMeetingRecord>();
  private created = 0;

  constructor(private readonly clock: Clock) {}

  /** No idempotency key exists: every call makes a new meeting, exactly like Zoom (a retried POST duplicates). */
  create(host: ZoomUser, input: NewZoomMeeting, start: Date | null): ZoomMeetingRecord {
    const now = this.clock();
    const seed = `zoom-meeting:${++this.created}:${now.toISOString()}`;
    const link = zoomMeeting(seed);
    const id = Number(link.meetingId);
    const encryptedPassword = new URL(link.joinUrl).searchParams.get('pwd') ?? '';
    // Without a start_time a scheduled meeting becomes an instant one (Zoom's documented behaviour).
    const type = start === null && (input.type ?? 2) === 2 ? 1 : (input.type ?? 2);
    const record: ZoomMeetingRecord = {
      id,
      uuid: randomBytes(16).toString('base64'),
      host,
      topic: input.topic ?? 'Zoom Meeting',
      type,
      startTime: start ?? now,
      duration: input.duration ?? 60,
      timezone: input.timezone ?? host.timezone,
      agenda: input.agenda ?? '',
      createdAt: now,
      password: input.password ?? stableLetters(`${seed}:pw`, 6, 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
      numericPassword: link.passcode,
      encryptedPassword,
      joinUrl: link.joinUrl,
      startUrl: startUrlFor(host, id, link.joinUrl, now),
      settings: { ...DEFAULT_SETTINGS, ...(input.settings ?? {}) },
    };
    this.meetings.set(id, record);
    return record;
  }

  find(id: number): ZoomMeetingRecord | null {
    return this.meetings.get(id) ?? null;
  }

  delete(id: number): boolean {
    return this.meetings.delete(id);
  }

  /** Meetings hosted by the user, soonest first. */
  hostedBy(host: ZoomUser): ZoomMeetingRecord[] {
    return [...this.meetings.values()].filter((meeting) => meeting.host.id === host.id).sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  }

  all(): ZoomMeetingRecord[] {
    return [...this.meetings.values()];
  }
}

/** Two meetings already on the room's Zoom account on the seed day (Rome time), so lists are never empty. */
export function seedZoomMeetings(store: ZoomMeetingStore, host: ZoomUser, anchor: Date): void {
  const zone = resolveTimeZone(host.timezone) ?? 'UTC';
  const day = localDateOf(toLocal(anchor, zone));
  const seeds = [
    { topic: 'Weekly facilities sync', hour: 14, minute: 0, duration: 30, agenda: 'Open tickets, supplies, visitors' },
    { topic: 'Vendor demo: room displays', hour: 16, minute: 30, duration: 60, agenda: 'Demo of the new room displays' },
  ];
  for (const seed of seeds) {
    const start = fromLocal(atTime(day, seed.hour, seed.minute), zone);
    store.create(host, { topic: seed.topic, type: 2, duration: seed.duration, timezone: zone, agenda: seed.agenda }, start);
  }
}

export function meetingJson(meeting: ZoomMeetingRecord): Record<string, unknown> {
  return {
    uuid: meeting.uuid,
    id: meeting.id,
    host_id: meeting.host.id,
    host_email: meeting.host.email,
    topic: meeting.topic,
    type: meeting.type,
    status: 'waiting',
    start_time: zoomInstant(meeting.startTime),
    duration: meeting.duration,
    timezone: meeting.timezone,
    agenda: meeting.agenda,
    created_at: zoomInstant(meeting.createdAt),
    start_url: meeting.startUrl,
    join_url: meeting.joinUrl,
    password: meeting.password,
    h323_password: meeting.numericPassword,
    pstn_password: meeting.numericPassword,
    encrypted_password: meeting.encryptedPassword,
    settings: meeting.settings,
    pre_schedule: false,
  };
}

/** The shorter entry in GET /users/{userId}/meetings. */
export function meetingListItem(meeting: ZoomMeetingRecord): Record<string, unknown> {
  return {
    uuid: meeting.uuid,
    id: meeting.id,
    host_id: meeting.host.id,
    topic: meeting.topic,
    type: meeting.type,
    start_time: zoomInstant(meeting.startTime),
    duration: meeting.duration,
    timezone: meeting.timezone,
    agenda: meeting.agenda,
    created_at: zoomInstant(meeting.createdAt),
    join_url: meeting.joinUrl,
  };
}
