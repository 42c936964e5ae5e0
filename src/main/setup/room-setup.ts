import type { Account, AppState, CalendarChoice, MeetingService, Notice, SignInMethod } from '../../shared/model';
import type { ConsentPrompter } from '../auth/connector';
import { isDeclined } from '../auth/microsoft-connector';
import {
  SignInCancelledError,
  type RoomAccount,
  type RoomAccountSummary,
  type RoomProvider,
  type RoomSignIn,
  type SignInNeededError,
} from '../auth/room-account';
import { ConsentRefusedError } from '../auth/connector';
import { LoopbackError } from '../auth/loopback';
import type { KioskConfig } from '../config/kiosk-config';
import type { SettingsStore } from '../config/settings-store';
import type { RoomSettings } from '../policy/room-settings';
import type { Logger } from '../health/logger';
import type { ExternalBrowser } from '../ports';

export interface RoomSetupDeps {
  config: KioskConfig;
  /** The settings in force (policy > admin > install): which provider, which calendar, which sign-in method. */
  roomSettings(): RoomSettings;
  settings: SettingsStore;
  /** The providers IT configured as possible room accounts. */
  accounts: Partial<Record<RoomProvider, RoomAccount>>;
  /** Scopes the room's enabled features of that provider need (the consent service decides). */
  scopes(provider: RoomProvider): string[];
  /** What the room account's sign-in granted: the consent service records it. */
  onSignedIn(provider: RoomProvider, signed: RoomSignIn): Promise<void>;
  /** Starts (or restarts) the room's agenda once a calendar is chosen. */
  showRoom(provider: RoomProvider, account: RoomAccountSummary, calendar: CalendarChoice): void;
  /** The host's browser (system browser in Electron, a new tab in the web host) for loopback sign-ins. */
  browser: ExternalBrowser;
  onState(state: AppState): void;
  /** Whether "Book now" may be offered for this room (its booking feature is on). */
  canBook(provider: RoomProvider): boolean;
  /** Online-meeting services "Meet now" may offer for this room. */
  meetNow(provider: RoomProvider): MeetingService[];
  log: Logger;
}

function toAccount(provider: RoomProvider, a: RoomAccountSummary): Account {
  return { provider, name: a.name, username: a.username };
}

function signInFailureCode(err: unknown): string {
  if (err instanceof SignInCancelledError || (err instanceof LoopbackError && err.error === 'cancelled')) return 'sign-in-cancelled';
  if (isDeclined(err) || err instanceof ConsentRefusedError || (err instanceof LoopbackError && err.error === 'access_denied')) return 'sign-in-declined';
  const text = err instanceof Error ? err.message : '';
  if (/expired_token|code_expired/.test(text)) return 'sign-in-expired';
  return 'sign-in-failed';
}

/**
 * The room account's life cycle: first sign-in (Microsoft 365 or Google Workspace), calendar choice, and the "sign-in
 * needed" state when access is lost later. Main owns it; the renderer only draws `state`.
 */
export class RoomSetup {
  private state: AppState = { phase: 'starting' };
  private signing: AbortController | null = null;

  constructor(private readonly deps: RoomSetupDeps) {}

  current(): AppState {
    return this.state;
  }

  private offered(): RoomProvider[] {
    const only = this.deps.roomSettings().provider;
    return (['microsoft', 'google'] as const).filter((p) => this.deps.accounts[p] && (only === null || only === p));
  }

  private firstRun(): boolean {
    return this.deps.settings.get().firstConfig === 'pending';
  }

  async start(): Promise<void> {
    const { damaged } = await this.deps.settings.load();
    const saved = this.deps.settings.get().room;
    const provider = saved ? this.deps.accounts[saved.provider] : undefined;
    const account = saved && provider ? await provider.find(saved.key) : null;
    if (saved && account && saved.calendar) return this.afterCalendar(saved.provider, account, saved.calendar);
    if (saved && account) return this.offerCalendars(saved.provider, account, true);
    const notice: Notice | null = damaged ? { code: 'settings-damaged' } : saved ? { code: 'session-lost' } : null;
    this.showSetup(notice);
    const first = this.offered()[0];
    if (this.deps.config.autoSignIn && first) this.signIn(first, this.deps.roomSettings().signInMethod);
  }

  private showSetup(notice: Notice | null): void {
    this.set({ phase: 'setup', notice, providers: this.offered(), firstRun: this.firstRun() });
  }

  /** The wizard's Back: from the calendars to the sign-in, from the later steps to the calendars (no auto-pick). */
  async back(): Promise<void> {
    const room = this.deps.settings.get().room;
    if (this.state.phase === 'choose-calendar') return this.showSetup(null);
    if (this.state.phase === 'configure' && room) {
      const { name, username } = this.state.account;
      return this.offerCalendars(room.provider, { key: room.key, name, username }, false);
    }
  }

  /** The wizard's last step: the home screen from now on, also after a restart. */
  async finish(): Promise<void> {
    const room = this.deps.settings.get().room;
    if (this.state.phase !== 'configure' || !room?.calendar) throw new Error('Not configuring now');
    const { name, username } = this.state.account;
    await this.deps.settings.update((s) => ({ ...s, firstConfig: 'done' }));
    this.deps.log.info('setup.first-config-done', { provider: room.provider });
    this.enterRoom(room.provider, { key: room.key, name, username }, room.calendar);
  }

  /** Returns at once: progress (device code, browser page, success, failure) arrives as state changes. */
  signIn(provider: RoomProvider, requested: SignInMethod): void {
    const account = this.deps.accounts[provider];
    if (!account || this.state.phase === 'signing-in') return;
    const method = account.methods.includes(requested) ? requested : (account.methods[0] ?? 'browser');
    this.set({ phase: 'signing-in', provider, method, deviceCode: null, browserUrl: null });
    void this.runSignIn(account, method);
  }

  cancelSignIn(): void {
    this.signing?.abort();
  }

  async chooseCalendar(calendarId: string): Promise<void> {
    if (this.state.phase !== 'choose-calendar') throw new Error('Not choosing a calendar now');
    const calendar = this.state.calendars.find((c) => c.id === calendarId);
    const room = this.deps.settings.get().room;
    if (!calendar) throw new Error('Unknown calendar');
    if (!room) throw new Error('No signed-in account');
    const { name, username } = this.state.account;
    await this.deps.settings.update((s) => ({ ...s, room: { ...room, calendar } }));
    await this.afterCalendar(room.provider, { key: room.key, name, username }, calendar);
  }

  /**
   * The first configuration goes on to features, privacy and PIN; an unattended install (autoSignIn: the demo, a
   * scripted roll-out) has nobody to ask, so it ends here.
   */
  private async afterCalendar(provider: RoomProvider, account: RoomAccountSummary, calendar: CalendarChoice): Promise<void> {
    if (this.firstRun() && this.deps.config.autoSignIn) await this.deps.settings.update((s) => ({ ...s, firstConfig: 'done' }));
    if (this.firstRun()) return this.set({ phase: 'configure', account: toAccount(provider, account) });
    this.enterRoom(provider, account, calendar);
  }

  /** A feature switch changed what the home screen may offer. */
  refreshActions(): void {
    const room = this.deps.settings.get().room;
    if (this.state.phase !== 'ready' || !room) return;
    const actions = this.actions(room.provider);
    if (actions.canBook !== this.state.canBook || actions.meetNow.join() !== this.state.meetNow.join()) this.set({ ...this.state, ...actions });
  }

  private actions(provider: RoomProvider): { canBook: boolean; meetNow: MeetingService[] } {
    return { canBook: this.deps.canBook(provider), meetNow: this.deps.meetNow(provider) };
  }

  /** Access lost while the room is showing: keep the agenda, tell IT. */
  signInNeeded(err: SignInNeededError): void {
    if (this.state.phase !== 'ready' || this.state.signInNeeded) return;
    this.deps.log.warn('setup.sign-in-needed', { reason: err.reason });
    this.set({ ...this.state, signInNeeded: { code: 'sign-in-needed', detail: err.reason } });
  }

  private prompter(): ConsentPrompter {
    const update = (change: { deviceCode?: Extract<AppState, { phase: 'signing-in' }>['deviceCode']; browserUrl?: string }) => {
      if (this.state.phase === 'signing-in') this.set({ ...this.state, ...change });
    };
    return {
      showDeviceCode: (deviceCode) => update({ deviceCode }),
      openBrowser: async (browserUrl) => {
        update({ browserUrl });
        await this.deps.browser.open(browserUrl);
      },
    };
  }

  private async runSignIn(account: RoomAccount, method: SignInMethod): Promise<void> {
    const controller = new AbortController();
    this.signing = controller;
    try {
      const signed = await account.signIn(method, this.deps.scopes(account.provider), this.prompter(), controller.signal);
      if (controller.signal.aborted) throw new SignInCancelledError('Sign-in cancelled');
      await this.afterSignIn(account.provider, signed);
    } catch (err) {
      const code = controller.signal.aborted ? 'sign-in-cancelled' : signInFailureCode(err);
      this.deps.log.warn('setup.sign-in-failed', { provider: account.provider, code, error: err instanceof Error ? err.message : String(err) });
      this.showSetup({ code, detail: err instanceof Error ? err.message.slice(0, 300) : undefined });
    } finally {
      this.signing = null;
    }
  }

  /** The same account signing in again keeps its calendar; another account starts the choice afresh. */
  private async afterSignIn(provider: RoomProvider, signed: RoomSignIn): Promise<void> {
    await this.deps.onSignedIn(provider, signed);
    const saved = this.deps.settings.get().room;
    const calendar = saved?.provider === provider && saved.key === signed.key ? saved.calendar : null;
    await this.deps.settings.update((s) => ({ ...s, room: { provider, key: signed.key, calendar } }));
    if (calendar) return this.afterCalendar(provider, signed, calendar);
    return this.offerCalendars(provider, signed, true);
  }

  private async offerCalendars(provider: RoomProvider, account: RoomAccountSummary, autoPick: boolean): Promise<void> {
    const source = this.deps.accounts[provider];
    let calendars: CalendarChoice[];
    try {
      if (!source) throw new Error(`${provider} is no longer configured`);
      calendars = await source.calendars(account).listCalendars();
    } catch (err) {
      this.deps.log.warn('setup.calendars-failed', { error: String(err) });
      this.set({ phase: 'choose-calendar', account: toAccount(provider, account), calendars: [], notice: { code: 'calendars-unavailable' } });
      return;
    }
    const preset = autoPick ? this.deps.roomSettings().calendarOwner?.toLowerCase() : undefined;
    const chosen = preset ? calendars.find((c) => c.ownerEmail.toLowerCase() === preset) : undefined;
    this.set({ phase: 'choose-calendar', account: toAccount(provider, account), calendars, notice: null });
    if (chosen) await this.chooseCalendar(chosen.id);
  }

  private enterRoom(provider: RoomProvider, account: RoomAccountSummary, calendar: CalendarChoice): void {
    this.set({ phase: 'ready', account: toAccount(provider, account), signInNeeded: null, ...this.actions(provider) });
    this.deps.showRoom(provider, account, calendar);
  }

  private set(state: AppState): void {
    this.state = state;
    this.deps.onState(state);
  }
}
