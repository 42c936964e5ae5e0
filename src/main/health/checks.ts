import { statfs } from 'node:fs/promises';
import { z } from 'zod';
import type { HealthStatus } from '../../shared/health';
import type { Agenda } from '../../shared/model';
import { ConnectionLostError } from '../auth/connector';
import { SignInNeededError } from '../auth/room-account';
import type { SourceEvent } from '../calendar/calendar-source';

/**
 * The self-checks, each a small function from what it looks at to ok / warn / bad. `reason` and `params` are for the
 * admin screen (translated there); `message` is the English sentence for the log and the mail to IT.
 */
export interface CheckOutcome {
  status: HealthStatus;
  reason: string;
  params: Record<string, number | string>;
  message: string;
}

const outcome = (status: HealthStatus, reason: string, message: string, params: CheckOutcome['params'] = {}): CheckOutcome => ({ status, reason, params, message });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MB = 1024 * 1024;

/** The room account's token, refreshed now: resolves false when no room account is signed in yet. */
export type RoomTokenProbe = () => Promise<boolean>;

/** A refused refresh is the one failure nobody in the room can fix: it must reach IT. A network error is not that. */
export async function checkTokens(probe: RoomTokenProbe): Promise<CheckOutcome> {
  try {
    if (!(await probe())) return outcome('ok', 'not-set-up', 'No room account is signed in yet.');
    return outcome('ok', 'token-valid', 'The room account’s token refreshes.');
  } catch (err) {
    if (err instanceof SignInNeededError || err instanceof ConnectionLostError) {
      return outcome('bad', 'sign-in-needed', `The room account’s sign-in was refused (${err.reason}): sign the room in again from its screen or Settings.`);
    }
    return outcome('warn', 'token-unreachable', `The sign-in service could not be reached to refresh the token: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Other services the room is connected to (Zoom, Webex, Dropbox, Google Drive…) whose provider refused the tokens. */
export function checkConnections(lostServices: readonly string[]): CheckOutcome {
  if (lostServices.length === 0) return outcome('ok', 'connections-ok', 'Every connected service accepts its tokens.');
  const services = lostServices.join(', ');
  return outcome('bad', 'connection-lost', `These connections were refused by their service and must be connected again in Settings: ${services}.`, { services });
}

/** Warn this long before a sign-in lifetime set by IT (Conditional Access sign-in frequency) runs out. */
export const CONSENT_WARN_DAYS = 14;

export function checkConsent(signedInAt: Date | null, now: Date, reauthDays: number | null): CheckOutcome {
  if (reauthDays === null || signedInAt === null) return outcome('ok', 'no-limit', 'No sign-in lifetime is configured for the room account.');
  const days = Math.floor((signedInAt.getTime() + reauthDays * DAY - now.getTime()) / DAY);
  if (days < 0) return outcome('bad', 'consent-expired', `The room account’s sign-in is older than the ${reauthDays} days IT allows: sign it in again.`, { days: reauthDays });
  if (days <= CONSENT_WARN_DAYS) return outcome('warn', 'consent-expiring', `The room account must sign in again within ${days} days.`, { days });
  return outcome('ok', 'consent-valid', `The room account’s sign-in is valid for ${days} more days.`, { days });
}

/** Stale means several polls missed; a minute-level poll interval still gets a few minutes of grace. */
export function checkSync(agenda: Agenda | null, now: Date, pollMs: number): CheckOutcome {
  if (!agenda) return outcome('warn', 'not-synced-yet', 'The room calendar has not been read yet.');
  const ageMs = now.getTime() - Date.parse(agenda.updatedAt);
  const minutes = Math.floor(ageMs / MINUTE);
  if (ageMs > Math.max(15 * MINUTE, 10 * pollMs)) return outcome('bad', 'sync-stale', `The room calendar was last read ${minutes} minutes ago.`, { minutes });
  if (ageMs > Math.max(3 * MINUTE, 3 * pollMs)) return outcome('warn', 'sync-late', `The room calendar was last read ${minutes} minutes ago.`, { minutes });
  return outcome('ok', 'sync-fresh', 'The room calendar is up to date.', { minutes });
}

/** Below these the token cache, settings and logs can no longer be written safely. */
export const DISK_BAD_MB = 200;
export const DISK_WARN_MB = 1024;

export async function checkDisk(dir: string): Promise<CheckOutcome> {
  const stats = await statfs(dir);
  const freeMb = Math.floor((stats.bavail * stats.bsize) / MB);
  if (freeMb < DISK_BAD_MB) return outcome('bad', 'disk-full', `Only ${freeMb} MB are free on the kiosk's data drive.`, { freeMb });
  if (freeMb < DISK_WARN_MB) return outcome('warn', 'disk-low', `Only ${freeMb} MB are free on the kiosk's data drive.`, { freeMb });
  return outcome('ok', 'disk-ok', `${freeMb} MB free on the data drive.`, { freeMb });
}

/** Entra and Google reject tokens whose times are off by more than about five minutes. */
export const CLOCK_BAD_SECONDS = 300;
export const CLOCK_WARN_SECONDS = 60;

/** The time according to a server the room talks to anyway (its `Date` header); null when it cannot be reached. */
export type ServerTimeProbe = () => Promise<Date | null>;

export async function checkClock(serverTime: ServerTimeProbe, now: () => Date): Promise<CheckOutcome> {
  const server = await serverTime();
  if (!server) return outcome('warn', 'clock-unknown', 'The clock could not be compared: the cloud service did not answer.');
  const seconds = Math.round(Math.abs(now().getTime() - server.getTime()) / 1000);
  if (seconds > CLOCK_BAD_SECONDS) return outcome('bad', 'clock-wrong', `The PC's clock is off by ${seconds} seconds: sign-in and calendar calls will fail. Check its time sync.`, { seconds });
  if (seconds > CLOCK_WARN_SECONDS) return outcome('warn', 'clock-drift', `The PC's clock is off by ${seconds} seconds.`, { seconds });
  return outcome('ok', 'clock-ok', 'The PC’s clock is right.', { seconds });
}

/** A HEAD request to `url`; its `Date` header (1 s resolution, which is plenty here). */
export function serverTimeOf(url: string, timeoutMs = 10_000): ServerTimeProbe {
  return async () => {
    try {
      const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
      const date = response.headers.get('date');
      const parsed = date ? new Date(date) : null;
      return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
    } catch {
      return null;
    }
  };
}

/** The fields of a Graph event that show what the room mailbox did to an invitation. */
const GraphInvitationSchema = z.object({
  isOrganizer: z.boolean().optional(),
  subject: z.string().nullable().optional(),
  body: z.object({ content: z.string().nullable().optional() }).nullable().optional(),
  organizer: z.object({ emailAddress: z.object({ name: z.string().nullable().optional() }).optional() }).nullable().optional(),
});

function graphInvitations(events: readonly SourceEvent[]): z.infer<typeof GraphInvitationSchema>[] {
  return events.flatMap((event) => {
    if (event.linkSource.source !== 'graph' || event.isCancelled) return [];
    const parsed = GraphInvitationSchema.safeParse(event.linkSource.event);
    return parsed.success && parsed.data.isOrganizer === false ? [parsed.data] : [];
  });
}

/** Only the text counts: Exchange leaves an empty HTML skeleton where it deleted the body. */
function bodyText(html: string | null | undefined): string {
  return (html ?? '').replace(/<[^>]{0,2000}>/g, ' ').replace(/&nbsp;/g, ' ').trim();
}

/**
 * Exchange room mailboxes delete invitation bodies (DeleteComments) and replace subjects with the organizer's name
 * (AddOrganizerToSubject) by default: join links disappear and the wall shows names. Graph cannot read the
 * mailbox's calendar processing settings, so this judges them from today's invitations from other people.
 */
export function checkMailbox(events: readonly SourceEvent[], meetingLinksOn: boolean): CheckOutcome {
  const invitations = graphInvitations(events);
  if (invitations.length === 0) return outcome('ok', 'mailbox-unknown', 'No invitations from other people today to judge the room mailbox by.');
  const stripped = invitations.filter((i) => bodyText(i.body?.content) === '').length;
  const renamed = invitations.filter((i) => i.subject && i.subject === i.organizer?.emailAddress?.name).length;
  const advice = 'Run Set-CalendarProcessing for the room mailbox as in docs/deploy.md.';
  if (stripped === invitations.length && !meetingLinksOn) {
    return outcome('warn', 'bodies-removed', `The room mailbox removes invitation bodies (${stripped} of ${invitations.length} today), so join links are lost. ${advice}`, { count: stripped });
  }
  if (renamed === invitations.length) {
    return outcome('warn', 'subjects-replaced', `The room mailbox replaces meeting subjects with the organizer's name (${renamed} of ${invitations.length} today). ${advice}`, { count: renamed });
  }
  if (stripped === invitations.length) return outcome('ok', 'bodies-removed-mitigated', 'The room mailbox removes invitation bodies; Roomdeck reads the links from the invitations instead.', { count: stripped });
  return outcome('ok', 'mailbox-ok', 'Invitations keep their bodies and subjects.');
}
