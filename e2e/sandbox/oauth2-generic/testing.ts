import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../core/clock';
import { coreControlRoutes, createCoreControl, type CoreControl } from '../core/control';
import { FaultRegistry } from '../core/faults';
import { startHttpsListener, type Listener } from '../core/listener';
import { RequestRecorder } from '../core/recorder';
import type { Route } from '../core/router';
import { createServiceHandler, type NodeHandler, type ServiceDefinition } from '../core/service';
import { TestClock, tlsDirFromEnv } from '../test-support';

/**
 * Test helpers for the Zoom, Webex and Dropbox stand-ins: start one provider's listeners with the core pipeline
 * (until e2e/sandbox/index.ts composes them), and drive an authorization-code + PKCE flow through the consent page
 * with plain fetch, as a browser would.
 */

export interface ProviderCloud<S extends string> {
  readonly services: readonly ServiceDefinition<S>[];
  readonly controlRoutes: readonly Route[];
  /** Dropbox's content host wraps the core handler (binary bodies, streamed replies). */
  readonly wrapHandler?: (name: S, handler: NodeHandler) => NodeHandler;
}

export interface ProviderSandbox<S extends string> {
  url(service: S): string;
  readonly core: CoreControl<S>;
  close(): Promise<void>;
}

export async function startProviderSandbox<S extends string>(cloud: ProviderCloud<S>, clock: Clock): Promise<ProviderSandbox<S>> {
  const dir = tlsDirFromEnv();
  const [cert, key] = await Promise.all([readFile(join(dir, 'cert.pem'), 'utf8'), readFile(join(dir, 'key.pem'), 'utf8')]);
  const recorder = new RequestRecorder<S>();
  const faults = new FaultRegistry<S>();
  const core = createCoreControl<S>(cloud.services, recorder, faults);
  const controlRoutes = [...coreControlRoutes(core, cloud.services.map((service) => service.name)), ...cloud.controlRoutes];
  const origins = new Map<S, string>();
  const listeners: Listener[] = [];
  for (const service of cloud.services) {
    const handler = createServiceHandler<S>(service, { clock, recorder, faults, controlRoutes });
    const listener = await startHttpsListener({ cert, key }, cloud.wrapHandler ? cloud.wrapHandler(service.name, handler) : handler);
    listeners.push(listener);
    origins.set(service.name, listener.origin);
  }
  return {
    url: (service) => {
      const origin = origins.get(service);
      if (!origin) throw new Error(`no listener for ${service}`);
      return origin;
    },
    core,
    close: async () => {
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}

export interface CloudUnderTest<S extends string, C extends ProviderCloud<S>> {
  readonly clock: TestClock;
  readonly cloud: C;
  readonly sandbox: ProviderSandbox<S>;
}

/** A provider on a TestClock set to `anchor`, listening; `origin(service)` answers once the listeners are up. */
export async function startCloudForTest<S extends string, C extends ProviderCloud<S>>(
  anchor: Date,
  create: (clock: TestClock, origin: (service: S) => string | undefined) => C,
): Promise<CloudUnderTest<S, C>> {
  const clock = new TestClock(anchor);
  let listening: ProviderSandbox<S> | null = null;
  const cloud = create(clock, (service) => listening?.url(service));
  const sandbox = await startProviderSandbox(cloud, clock.now);
  listening = sandbox;
  return { clock, cloud, sandbox };
}

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The loopback URI the kiosk would listen on (nothing listens in tests: the redirect is read, not followed). */
export const LOOPBACK_REDIRECT = 'http://127.0.0.1:53682/callback';

export function authorizeUrl(endpoint: string, params: Readonly<Record<string, string>>): string {
  const url = new URL(endpoint);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

interface ConsentForm {
  readonly action: string;
  readonly hidden: Readonly<Record<string, string>>;
  readonly accounts: readonly string[];
  readonly scopes: readonly string[];
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_match, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

/** Reads the consent page like a browser: the form, its hidden fields, the account choices, the listed scopes. */
export function parseConsentPage(html: string): ConsentForm {
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no consent form in page:\n${html.slice(0, 500)}`);
  const hidden: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) hidden[unescapeHtml(match[1] ?? '')] = unescapeHtml(match[2] ?? '');
  const accounts = [...html.matchAll(/<input type="radio" id="[^"]*" name="account" value="([^"]*)"/g)].map((match) => unescapeHtml(match[1] ?? ''));
  const scopes = [...html.matchAll(/<li><code>([^<]*)<\/code>/g)].map((match) => unescapeHtml(match[1] ?? ''));
  return { action: unescapeHtml(action), hidden, accounts, scopes };
}

export interface ConsentResult {
  /** The URL the provider redirected the browser to (the kiosk's loopback listener). */
  readonly redirect: URL;
  readonly page: ConsentForm;
}

/** Opens the authorize URL, picks the account and presses Accept (or Cancel); returns where the browser is sent. */
export async function completeConsent(url: string, choice: { readonly account: string; readonly accept?: boolean }): Promise<ConsentResult> {
  const response = await fetch(url, { redirect: 'manual' });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`authorize page answered ${response.status}: ${html.slice(0, 300)}`);
  const page = parseConsentPage(html);
  const body = new URLSearchParams({ ...page.hidden, account: choice.account, decision: choice.accept === false ? 'cancel' : 'accept' });
  const decided = await fetch(new URL(page.action, url), { method: 'POST', body, redirect: 'manual' });
  const location = decided.headers.get('location');
  if (decided.status !== 302 || location === null) throw new Error(`consent answered ${decided.status}: ${await decided.text()}`);
  return { redirect: new URL(location), page };
}

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function jsonOf<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
