import type { SignInMethod } from '../../../shared/model';
import type { ConsentPrompter } from '../../auth/connector';
import type { MicrosoftAuth, SignedIn } from '../../auth/microsoft-auth';
import type { RoomAccount, RoomAccountSummary, RoomSignIn } from '../../auth/room-account';
import type { CalendarSource } from '../../calendar/calendar-source';
import { GraphCalendarSource } from './graph-calendar';
import type { GraphApi } from './graph-api';

function toRoomSignIn(signed: SignedIn): RoomSignIn {
  return { key: signed.homeAccountId, name: signed.name, username: signed.username, scopes: signed.scopes };
}

/** A Microsoft 365 room account: device code by default (nobody types on the wall), the system browser if IT prefers. */
export class MicrosoftRoomAccount implements RoomAccount {
  readonly provider = 'microsoft' as const;
  readonly methods: readonly SignInMethod[] = ['device-code', 'browser'];

  constructor(
    private readonly auth: MicrosoftAuth,
    /** A Graph client whose tokens carry the calendar feature's scopes for that account. */
    private readonly calendarGraph: (accountKey: string) => GraphApi,
  ) {}

  async find(key: string): Promise<RoomAccountSummary | null> {
    const account = await this.auth.findAccount(key);
    return account ? { key: account.homeAccountId, name: account.name, username: account.username } : null;
  }

  async signIn(method: SignInMethod, scopes: string[], prompter: ConsentPrompter, signal: AbortSignal): Promise<RoomSignIn> {
    const onAbort = () => this.auth.cancelSignIn();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const signed =
        method === 'device-code'
          ? await this.auth.signInWithDeviceCode(scopes, (code) => prompter.showDeviceCode(code))
          : await this.auth.signInWithBrowser(scopes, { open: (url) => prompter.openBrowser(url) });
      return toRoomSignIn(signed);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  calendars(account: RoomAccountSummary): CalendarSource {
    return new GraphCalendarSource(this.calendarGraph(account.key), account);
  }
}
