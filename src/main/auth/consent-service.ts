import { featureById, featuresOf, scopesFor, withRequirements, type FeatureDef, type FeatureId } from '../../shared/features';
import type { ConsentPrompt, FeatureView, ProviderId, ProviderView, SettingsView } from '../../shared/model';
import { UserFacingError } from '../bridge/router';
import type { SettingsStore } from '../config/settings-store';
import type { Logger } from '../health/logger';
import type { ExternalBrowser } from '../ports';
import { ConsentRefusedError, type ConsentPrompter, type Grant, type ProviderConnector } from './connector';
import { LoopbackError } from './loopback';

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  microsoft: 'Microsoft 365',
  google: 'Google Workspace',
  zoom: 'Zoom',
  webex: 'Cisco Webex',
  dropbox: 'Dropbox',
};
const PROVIDERS = Object.keys(PROVIDER_NAMES) as ProviderId[];

export interface ConsentServiceDeps {
  connectors: Partial<Record<ProviderId, ProviderConnector>>;
  settings: SettingsStore;
  /** Features IT locks (config and policy): `on` ones are on, `off` ones never asked for; neither is switchable here. */
  managed(): { on: readonly FeatureId[]; off: readonly FeatureId[] };
  /** The provider whose account is the room's (its sign-in happens in setup, not here). */
  roomProvider: () => ProviderId | null;
  /** Opens the provider's consent page (system browser in Electron, a new tab in the web host). */
  browser: ExternalBrowser;
  log: Logger;
  onChange(): void;
}

/** Scope strings compare case-insensitively for Graph, exactly elsewhere (Google URLs, Zoom's `a:b:c`). */
function sameScope(provider: ProviderId, a: string, b: string): boolean {
  return provider === 'microsoft' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function missing(provider: ProviderId, wanted: readonly string[], held: readonly string[]): string[] {
  return wanted.filter((w) => !held.some((h) => sameScope(provider, w, h)));
}

function refusalReason(err: unknown): string | null {
  if (err instanceof ConsentRefusedError) return 'declined';
  if (err instanceof LoopbackError) return err.error === 'cancelled' ? null : err.error === 'access_denied' ? 'declined' : 'failed';
  return 'failed';
}

/**
 * The feature switches and the consents behind them. Roomdeck never asks for a scope whose feature is off: switching
 * a feature on asks the provider for just what it adds (or the union, where the provider has no incremental consent);
 * a refused consent leaves the feature off and says why; disconnecting revokes at the provider where it can.
 */
export class ConsentService {
  private prompt: ConsentPrompt | null = null;
  private inFlight: AbortController | null = null;
  private pendingFeature: FeatureId | null = null;

  constructor(private readonly deps: ConsentServiceDeps) {}

  /** After a restart: each provider whose tokens are still in the vault is connected again, without asking anyone. */
  async restore(): Promise<void> {
    for (const provider of PROVIDERS) {
      const connector = this.deps.connectors[provider];
      if (!connector || provider === this.deps.roomProvider()) continue;
      const grant = await connector.restore().catch(() => null);
      if (!grant) await this.forgetConnection(provider);
    }
  }

  /** Features in use for `provider`: managed ones, and those switched on here, with what they require. */
  enabled(provider: ProviderId): Set<FeatureId> {
    const stored = this.deps.settings.get().features;
    const chosen = featuresOf(provider)
      .map((f) => f.id)
      .filter((id) => !this.deps.managed().off.includes(id) && (this.deps.managed().on.includes(id) || stored[id]?.state === 'on'));
    const connected = this.grantOf(provider) !== null || chosen.length > 0;
    return withRequirements([...chosen, ...(connected ? alwaysOnOf(provider) : [])]);
  }

  /** Whether a service may use a feature now: switched on and its scopes really granted. */
  isOn(id: FeatureId): boolean {
    const def = featureById(id);
    const grant = this.grantOf(def.provider);
    return this.enabled(def.provider).has(id) && grant !== null && missing(def.provider, def.scopes, grant.scopes).length === 0;
  }

  private isManaged(id: FeatureId): boolean {
    const { on, off } = this.deps.managed();
    return on.includes(id) || off.includes(id);
  }

  grantOf(provider: ProviderId): Grant | null {
    return this.deps.settings.get().connections[provider] ?? null;
  }

  /** The room account's sign-in (setup) is a consent too: record what it granted. */
  async recordGrant(provider: ProviderId, grant: Grant): Promise<void> {
    await this.deps.settings.update((s) => ({ ...s, connections: { ...s.connections, [provider]: grant } }));
    this.deps.onChange();
  }

  view(): SettingsView {
    return { providers: PROVIDERS.map((p) => this.providerView(p)), consent: this.prompt };
  }

  async setFeature(id: FeatureId, on: boolean): Promise<void> {
    const def = featureById(id);
    if (this.isManaged(id)) throw new UserFacingError('feature-managed', 'This feature is set by your organization.');
    if (!on) return this.switchOff(def);
    return this.ask(def, withRequirements([...this.enabled(def.provider), id]));
  }

  /**
   * Connects a provider for what is already on for it: IT's features from the config or policy (locked, so they
   * have no switch to tap), or only its sign-in. Also asks again for managed scopes a connection lacks.
   */
  async connect(provider: ProviderId): Promise<void> {
    if (provider === this.deps.roomProvider() && !this.grantOf(provider)) throw new UserFacingError('room-account', 'This is the room account; sign the room in instead.');
    const signIn = featuresOf(provider).find((f) => f.requires.length === 0);
    if (!signIn) throw new Error(`${provider} has no sign-in feature`);
    return this.ask(signIn, connectionTarget(provider, this.enabled(provider)));
  }

  /** Asks the provider for what `target` needs beyond the grant; nothing to add switches them on at once. */
  private async ask(def: FeatureDef, target: Set<FeatureId>): Promise<void> {
    const connector = this.deps.connectors[def.provider];
    if (!connector) throw new UserFacingError('provider-unavailable', `${PROVIDER_NAMES[def.provider]} is not configured on this kiosk.`);
    if (this.inFlight) throw new UserFacingError('consent-busy', 'Another permission request is waiting to be answered.');
    const wanted = scopesFor(def.provider, target);
    const added = missing(def.provider, wanted, this.grantOf(def.provider)?.scopes ?? []);
    if (added.length === 0) return this.markOn(target);
    // The consent may take minutes (someone approving on a phone): the call returns now, progress arrives as views.
    void this.runConsent(connector, def, target, { wanted, added });
  }

  /** Stops the waiting consent (the admin tapped Cancel); the feature stays off, with no refusal recorded. */
  cancel(): void {
    this.inFlight?.abort();
  }

  async disconnect(provider: ProviderId): Promise<void> {
    if (provider === this.deps.roomProvider()) throw new UserFacingError('room-account', 'This is the room account; sign the room out instead.');
    const connector = this.deps.connectors[provider];
    const result = connector ? await connector.disconnect() : { revokedAtProvider: false };
    this.deps.log.info('consent.disconnected', { provider, revoked: result.revokedAtProvider });
    await this.forgetConnection(provider);
  }

  private async runConsent(connector: ProviderConnector, def: FeatureDef, target: Set<FeatureId>, request: { wanted: string[]; added: string[] }): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    this.pendingFeature = def.id;
    this.setPrompt({ provider: def.provider, feature: def.id, scopes: request.added, deviceCode: null, browserUrl: null });
    const prompter: ConsentPrompter = {
      showDeviceCode: (deviceCode) => this.prompt && this.setPrompt({ ...this.prompt, deviceCode }),
      openBrowser: async (browserUrl) => {
        if (this.prompt) this.setPrompt({ ...this.prompt, browserUrl });
        await this.deps.browser.open(browserUrl);
      },
    };
    try {
      const grant = await connector.authorize(request, prompter, controller.signal);
      await this.recordGrant(def.provider, grant);
      await this.settleAfterGrant(def, target, grant);
    } catch (err) {
      const reason = controller.signal.aborted ? null : refusalReason(err);
      this.deps.log.warn('consent.not-granted', { provider: def.provider, feature: def.id, reason, error: err instanceof Error ? err.message : String(err) });
      if (reason) await this.markRefused([def.id], reason);
    } finally {
      this.inFlight = null;
      this.pendingFeature = null;
      this.setPrompt(null);
    }
  }

  /** Google lets people untick scopes on its consent page: a feature whose scopes did not all arrive stays off. */
  private async settleAfterGrant(def: FeatureDef, target: Set<FeatureId>, grant: Grant): Promise<void> {
    const short = [...target].filter((id) => missing(def.provider, featureById(id).scopes, grant.scopes).length > 0);
    if (short.length > 0) await this.markRefused(short, 'scope-not-granted');
    await this.markOn(new Set([...target].filter((id) => !short.includes(id))));
  }

  private async markOn(ids: Set<FeatureId>): Promise<void> {
    await this.deps.settings.update((s) => {
      const features = { ...s.features };
      // Features that come with the connection are on because it is; a refusal noted on them is over.
      for (const id of ids) {
        if (featureById(id).alwaysOn) delete features[id];
        else features[id] = { state: 'on', reason: null };
      }
      return { ...s, features };
    });
    this.deps.onChange();
  }

  private async markRefused(ids: FeatureId[], reason: string): Promise<void> {
    await this.deps.settings.update((s) => {
      const features = { ...s.features };
      for (const id of ids) features[id] = { state: 'refused', reason };
      return { ...s, features };
    });
    this.deps.onChange();
  }

  /** Off also switches off whatever needs it (instant meeting needs the calendar…). */
  private async switchOff(def: FeatureDef): Promise<void> {
    if (def.alwaysOn) throw new UserFacingError('use-disconnect', 'This comes with the connection: disconnect the provider instead.');
    const dependents = featuresOf(def.provider).filter((f) => withRequirements([f.id]).has(def.id)).map((f) => f.id);
    await this.deps.settings.update((s) => {
      const features = { ...s.features };
      for (const id of dependents) delete features[id];
      return { ...s, features };
    });
    this.deps.onChange();
  }

  private async forgetConnection(provider: ProviderId): Promise<void> {
    await this.deps.settings.update((s) => {
      const connections = { ...s.connections };
      delete connections[provider];
      const features = Object.fromEntries(Object.entries(s.features).filter(([id]) => featureById(id as FeatureId).provider !== provider));
      return { ...s, connections, features };
    });
    this.deps.onChange();
  }

  private setPrompt(prompt: ConsentPrompt | null): void {
    this.prompt = prompt;
    this.deps.onChange();
  }

  private featureView(def: FeatureDef, enabled: Set<FeatureId>): FeatureView {
    const stored = this.deps.settings.get().features[def.id];
    const managed = this.isManaged(def.id);
    const state = this.pendingFeature === def.id ? 'pending' : stored?.state === 'refused' && !managed ? 'refused' : enabled.has(def.id) && this.isOn(def.id) ? 'on' : 'off';
    return {
      id: def.id,
      feature: def.feature,
      scopes: [...def.scopes],
      why: def.why,
      how: def.how,
      state,
      reason: state === 'refused' ? (stored?.reason ?? null) : state === 'off' && enabled.has(def.id) ? 'not-granted' : null,
      managed,
      alwaysOn: def.alwaysOn === true,
    };
  }

  private providerView(provider: ProviderId): ProviderView {
    const grant = this.grantOf(provider);
    const enabled = this.enabled(provider);
    const connecting = this.prompt?.provider === provider && !grant;
    const pendingScopes = missing(provider, scopesFor(provider, connectionTarget(provider, enabled)), grant?.scopes ?? []);
    return {
      provider,
      name: PROVIDER_NAMES[provider],
      available: this.deps.connectors[provider] !== undefined,
      isRoomAccount: provider === this.deps.roomProvider(),
      connection: {
        state: connecting ? 'connecting' : grant ? 'connected' : 'disconnected',
        account: grant?.account ?? null,
        grantedScopes: grant?.scopes ?? [],
        pendingScopes,
      },
      features: featuresOf(provider).map((f) => this.featureView(f, enabled)),
    };
  }
}

/** The features that come with any connection of `provider` (its sign-in): they have no switch of their own. */
function alwaysOnOf(provider: ProviderId): FeatureId[] {
  return featuresOf(provider)
    .filter((f) => f.alwaysOn)
    .map((f) => f.id);
}

/** What a connection of `provider` must hold: what comes with any connection, and every feature that is on. */
function connectionTarget(provider: ProviderId, enabled: Set<FeatureId>): Set<FeatureId> {
  return withRequirements([...enabled, ...alwaysOnOf(provider)]);
}
