import type { SignInMethod } from '../../shared/model';
import type { ConsentPrompter } from './connector';
import type { CalendarSource } from '../calendar/calendar-source';

/** The room account as setup sees it; `key` is the provider's stable id (msal homeAccountId, Google `sub`). */
export interface RoomAccountSummary {
  key: string;
  name: string;
  username: string;
}

/** A finished sign-in: the account and every scope its token carries. */
export interface RoomSignIn extends RoomAccountSummary {
  scopes: string[];
}

export type RoomProvider = 'microsoft' | 'google';

/** The sign-in was stopped from the room screen (Cancel): not a failure worth a warning. */
export class SignInCancelledError extends Error {
  override name = 'SignInCancelledError';
}

/** Access lost while the room is showing (refresh token revoked, consent withdrawn): only a new sign-in helps. */
export class SignInNeededError extends Error {
  override name = 'SignInNeededError';
  constructor(readonly reason: string) {
    super(`Sign-in needed: ${reason}`);
  }
}

/**
 * A provider that can be the room's own account (Microsoft 365 or Google Workspace): it signs the room in, finds
 * it again after a restart, and reads its calendars.
 */
export interface RoomAccount {
  readonly provider: RoomProvider;
  /** Sign-in methods the provider allows on a kiosk (Google has no device flow for Calendar scopes). */
  readonly methods: readonly SignInMethod[];
  find(key: string): Promise<RoomAccountSummary | null>;
  signIn(method: SignInMethod, scopes: string[], prompter: ConsentPrompter, signal: AbortSignal): Promise<RoomSignIn>;
  calendars(account: RoomAccountSummary): CalendarSource;
}
