import type { Account, AppState, CalendarChoice, Notice, SignInMethod } from '../../shared/model';
import type { SignInNeededError } from '../auth/microsoft-auth';
import { SignInCancelledError, type AccountSummary, type MicrosoftAuth, type SignedIn } from '../auth/microsoft-auth';
import type { KioskConfig } from '../config/kiosk-config';
import type { SettingsStore } from '../config/settings-store';
import type { Logger } from '../health/logger';
import type { ExternalBrowser } from '../ports';
import type { CalendarSource } from '../calendar/calendar-source';
import { isDeclined } from '../auth/microsoft-connector';

export interface RoomSetupDeps {
  config: KioskConfig;
  settings: SettingsStore;
  auth: MicrosoftAuth;
  /** Scopes the room's enabled Microsoft features need (the consent service decides; setup never adds its own). */
  scopes(): string[];
  /** What the room account's sign-in granted: the consent service records it. */
  onSignedIn(account: SignedIn): Promise<void>;
  browser: ExternalBrowser;
  calendarsFor(account: AccountSummary): CalendarSource;
  /** Starts (or restarts) the room's agenda once a calendar is chosen. */
  showRoom(account: AccountSummary, calendar: CalendarChoice): void;
  onState(state: AppState): void;
  log: Logger;
}

function toAccount(a: AccountSummary): Account {
  return { provider: 'microsoft', name: a.name, username: a.username };
}

/**
 * The room account's life cycle: first sign-in, calendar choice, and the "sign-in needed" state when access is
 * lost later. Main owns it; the renderer only draws `state`.
 */
export class RoomSetup {
  private state: AppState = { phase: 'starting' };

  constructor(private readonly deps: RoomSetupDeps) {}

  current(): AppState {
    return this.state;
  }

  async start(): Promise<void> {
    const { damaged } = await this.deps.settings.load();
    const saved = this.deps.settings.get().microsoft;
    const account = saved ? await this.deps.auth.findAccount(saved.homeAccountId) : null;
    if (saved && account && saved.calendar) return this.enterRoom(account, saved.calendar);
    if (account) return this.offerCalendars(account);
    const notice: Notice | null = damaged ? { code: 'settings-damaged' } : saved ? { code: 'session-lost' } : null;
    this.set({ phase: 'setup', notice });
    if (this.deps.config.autoSignIn) this.signIn(this.deps.config.signInMethod);
  }

  /** Returns at once: progress (device code, success, failure) arrives as state changes. */
  signIn(method: SignInMethod): void {
    if (this.state.phase === 'signing-in') return;
    this.set({ phase: 'signing-in', method, deviceCode: null });
    void this.runSignIn(method);
  }

  cancelSignIn(): void {
    this.deps.auth.cancelSignIn();
  }

  async chooseCalendar(calendarId: string): Promise<void> {
    if (this.state.phase !== 'choose-calendar') throw new Error('Not choosing a calendar now');
    const calendar = this.state.calendars.find((c) => c.id === calendarId);
    if (!calendar) throw new Error('Unknown calendar');
    const homeAccountId = this.deps.settings.get().microsoft?.homeAccountId;
    if (!homeAccountId) throw new Error('No signed-in account');
    const { name, username } = this.state.account;
    await this.deps.settings.update((s) => ({ ...s, microsoft: { homeAccountId, calendar } }));
    this.enterRoom({ homeAccountId, name, username }, calendar);
  }

  /** Access lost while the room is showing: keep the agenda, tell IT. */
  signInNeeded(err: SignInNeededError): void {
    if (this.state.phase !== 'ready' || this.state.signInNeeded) return;
    this.deps.log.warn('setup.sign-in-needed', { reason: err.reason });
    this.set({ ...this.state, signInNeeded: { code: 'sign-in-needed', detail: err.reason } });
  }

  private async runSignIn(method: SignInMethod): Promise<void> {
    const { auth, browser } = this.deps;
    const scopes = this.deps.scopes();
    try {
      const account =
        method === 'device-code'
          ? await auth.signInWithDeviceCode(scopes, (deviceCode) => this.set({ phase: 'signing-in', method, deviceCode }))
          : await auth.signInWithBrowser(scopes, browser);
      await this.afterSignIn(account);
    } catch (err) {
      const code = err instanceof SignInCancelledError ? 'sign-in-cancelled' : signInFailureCode(err);
      this.deps.log.warn('setup.sign-in-failed', { code, error: err instanceof Error ? err.message : String(err) });
      this.set({ phase: 'setup', notice: { code, detail: err instanceof Error ? err.message.slice(0, 300) : undefined } });
    }
  }

  /** The same account signing in again keeps its calendar; another account starts the choice afresh. */
  private async afterSignIn(account: SignedIn): Promise<void> {
    await this.deps.onSignedIn(account);
    const saved = this.deps.settings.get().microsoft;
    const calendar = saved?.homeAccountId === account.homeAccountId ? saved.calendar : null;
    await this.deps.settings.update((s) => ({ ...s, microsoft: { homeAccountId: account.homeAccountId, calendar } }));
    if (calendar) return this.enterRoom(account, calendar);
    return this.offerCalendars(account);
  }

  private async offerCalendars(account: AccountSummary): Promise<void> {
    let calendars: CalendarChoice[];
    try {
      calendars = await this.deps.calendarsFor(account).listCalendars();
    } catch (err) {
      this.deps.log.warn('setup.calendars-failed', { error: String(err) });
      this.set({ phase: 'choose-calendar', account: toAccount(account), calendars: [], notice: { code: 'calendars-unavailable' } });
      return;
    }
    const preset = this.deps.config.room.calendarOwner?.toLowerCase();
    const chosen = preset ? calendars.find((c) => c.ownerEmail.toLowerCase() === preset) : undefined;
    this.set({ phase: 'choose-calendar', account: toAccount(account), calendars, notice: null });
    if (chosen) await this.chooseCalendar(chosen.id);
  }

  private enterRoom(account: AccountSummary, calendar: CalendarChoice): void {
    this.set({ phase: 'ready', account: toAccount(account), signInNeeded: null });
    this.deps.showRoom(account, calendar);
  }

  private set(state: AppState): void {
    this.state = state;
    this.deps.onState(state);
  }
}

function signInFailureCode(err: unknown): string {
  if (isDeclined(err)) return 'sign-in-declined';
  const text = err instanceof Error ? err.message : '';
  if (/expired_token|code_expired/.test(text)) return 'sign-in-expired';
  return 'sign-in-failed';
}
