import type { SignInMethod } from '../../../shared/model';
import type { ConsentPrompter } from '../../auth/connector';
import type { GoogleAuth } from '../../auth/google-auth';
import type { RoomAccount, RoomAccountSummary, RoomSignIn } from '../../auth/room-account';
import type { CalendarSource } from '../../calendar/calendar-source';
import type { Logger } from '../../health/logger';
import { GoogleCalendarSource } from './google-calendar';

/**
 * A Google Workspace room account. Only the browser flow: Google blocks embedded web views and its device flow
 * does not allow Calendar scopes, so IT signs the room in once in the system browser (loopback + PKCE).
 */
export class GoogleRoomAccount implements RoomAccount {
  readonly provider = 'google' as const;
  readonly methods: readonly SignInMethod[] = ['browser'];

  constructor(
    private readonly auth: GoogleAuth,
    private readonly calendarRootUrl: string,
    private readonly log: Logger,
  ) {}

  async find(key: string): Promise<RoomAccountSummary | null> {
    const signed = await this.auth.restore();
    return signed && signed.accountKey === key ? { key, name: signed.name, username: signed.username } : null;
  }

  async signIn(_method: SignInMethod, scopes: string[], prompter: ConsentPrompter, signal: AbortSignal): Promise<RoomSignIn> {
    const signed = await this.auth.signIn(scopes, prompter, signal);
    return { key: signed.accountKey, name: signed.name, username: signed.username, scopes: signed.scopes };
  }

  calendars(account: RoomAccountSummary): CalendarSource {
    return new GoogleCalendarSource(this.auth.accessClient(), this.calendarRootUrl, account, this.log);
  }
}
