import { scopesFor } from '../../../shared/features';
import type { CalendarChoice } from '../../../shared/model';
import { GoogleAuth } from '../../auth/google-auth';
import { ConsentBrowser, googleConfigOf, type SandboxGoogle } from '../../auth/google-auth.test-support';
import { MemoryVault } from '../../auth/memory-vault';
import type { SourceEvent } from '../../calendar/calendar-source';
import { silentLogger } from '../../health/logger';
import { GoogleCalendarSource, type GoogleCalendarOptions } from './google-calendar';

// Monday 23 November 2026, 10:10 in Rome (CET, +01:00): the seed's day is built around it.
export const ANCHOR = new Date('2026-11-23T09:10:00Z');
export const ROME_DAY = { start: new Date('2026-11-22T23:00:00Z'), end: new Date('2026-11-23T23:00:00Z') };
export const ROME_TWO_DAYS = { start: ROME_DAY.start, end: new Date('2026-11-24T23:00:00Z') };

/** The sandbox's Google room (`sandbox.google`), by shape: main may not import e2e code. */
export interface SandboxGoogleRoom extends SandboxGoogle {
  roomAccount: string;
  roomCalendarId: string;
}

/** The Atlas room account signed in through the real google-auth-library consent flow, and its resource calendar. */
export interface GoogleRoomConnection {
  auth: GoogleAuth;
  atlas: CalendarChoice;
  source(options?: GoogleCalendarOptions): GoogleCalendarSource;
}

/** `consent` plays the person in the browser (e2e/sandbox/google/test-support's completeInBrowser for the room account). */
export async function connectGoogleRoom(google: SandboxGoogleRoom, consent: (url: string) => Promise<unknown>): Promise<GoogleRoomConnection> {
  const auth = new GoogleAuth(googleConfigOf(google), new MemoryVault(), silentLogger);
  await auth.signIn(scopesFor('google', ['google.calendar']), new ConsentBrowser(consent), new AbortController().signal);
  const source = (options: GoogleCalendarOptions = {}) =>
    new GoogleCalendarSource(auth.accessClient(), google.config.calendarRootUrl, { name: 'Atlas', username: google.roomAccount }, silentLogger, options);
  const atlas = (await source().listCalendars()).find((calendar) => calendar.id === google.roomCalendarId);
  if (!atlas) throw new Error('the Atlas resource calendar is not listed');
  return { auth, atlas, source };
}

export function bySubject(events: SourceEvent[], subject: string): SourceEvent {
  const found = events.find((event) => event.subject === subject);
  if (!found) throw new Error(`no "${subject}" in ${events.map((event) => event.subject).join(', ')}`);
  return found;
}
