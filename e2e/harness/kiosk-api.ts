import { get } from 'node:https';
import { calls, wire, type CallInput, type CallName, type CallOutput } from '../../src/shared/api';
import type { FeatureId } from '../../src/shared/features';
import type { SettingsView } from '../../src/shared/model';

/** The web host's api from Node, as its own page calls it: the launch link's secret traded for the session cookie. */
export interface KioskApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

export async function kioskApi(launchUrl: string): Promise<KioskApi> {
  const launch = await fetch(launchUrl, { redirect: 'manual' });
  const cookie = launch.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`the launch link gave no session cookie (HTTP ${launch.status})`);
  const origin = new URL(launchUrl).origin;
  return {
    async call(name, input) {
      const response = await fetch(`${origin}${wire.httpCallPrefix}${name}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      const result = (await response.json()) as { ok: boolean; output?: unknown; error?: { code: string; message: string } };
      if (!result.ok) throw new Error(`${name}: ${result.error?.code ?? response.status} — ${result.error?.message ?? ''}`);
      return calls[name].output.parse(result.output) as CallOutput<typeof name>;
    },
  };
}

function featureState(view: SettingsView, feature: FeatureId): string | undefined {
  return view.providers.flatMap((provider) => provider.features).find((candidate) => candidate.id === feature)?.state;
}

const CONSENT_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 5;

/** One GET over TLS trusting `ca` (the sandbox's certificate, which this process may not trust): the redirect target. */
function redirectOf(url: string, ca: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      res.resume();
      resolve(res.headers.location ? new URL(res.headers.location, url).href : null);
    }).on('error', reject);
  });
}

/** What the system browser does with a consent page the sandbox approves by itself: follow it to the loopback. */
async function followAsBrowser(url: string, ca: string): Promise<void> {
  let next: string | null = url;
  for (let hop = 0; next?.startsWith('https:') && hop < MAX_REDIRECTS; hop += 1) next = await redirectOf(next, ca);
  if (next) await fetch(next);
}

/**
 * Switches features on as the admin does in Settings, playing the system browser for each consent: the sandbox,
 * started with `autoApprove`, approves at once and redirects to the kiosk's loopback listener. Open this before any
 * page of the kiosk, or the page opens each consent too.
 */
export async function switchOnAsAdmin(api: KioskApi, pin: string, features: readonly FeatureId[], sandboxCa: string): Promise<void> {
  await api.call('admin.unlock', { pin });
  for (const feature of features) {
    await api.call('settings.setFeature', { feature, enabled: true });
    const deadline = Date.now() + CONSENT_TIMEOUT_MS;
    let opened: string | null = null;
    for (;;) {
      const view = await api.call('settings.get', {});
      const state = featureState(view, feature);
      if (state === 'on') break;
      if (state === 'refused') throw new Error(`${feature}: consent refused`);
      if (Date.now() > deadline) throw new Error(`${feature}: no consent within ${CONSENT_TIMEOUT_MS / 1000} s`);
      const url = view.consent?.browserUrl ?? null;
      if (url && url !== opened) {
        opened = url;
        await followAsBrowser(url, sandboxCa);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await api.call('admin.lock', {});
}
