import { readFileSync } from 'node:fs';
import { Outbox } from '../core/outbox';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { CodeChallengeMethod, gaxios, OAuth2Client, type Credentials } from 'google-auth-library';
import { systemClock } from '../core/clock';
import { coreControlRoutes, createCoreControl, type CoreControl } from '../core/control';
import { FaultRegistry } from '../core/faults';
import { startHttpsListener, type Listener } from '../core/listener';
import { RequestRecorder } from '../core/recorder';
import { createServiceHandler } from '../core/service';
import { withBinaryBodies } from '../dropbox/streaming';
import { tlsDirFromEnv } from '../test-support';
import { createGoogleCloud, googleClientConfig, type GoogleClientConfig, type GoogleCloud, type GoogleControl, type GoogleServiceName } from './index';

/**
 * The Google part of the sandbox on its own listeners, composed the way e2e/sandbox/index.ts composes providers,
 * so these tests run before the lead wires Google into startSandbox. Certificate trust as in ../test-support.
 */
export interface GoogleTestSandbox {
  readonly cloud: GoogleCloud;
  readonly config: GoogleClientConfig;
  readonly origins: { readonly oauth: string; readonly apis: string; readonly people: string };
  readonly control: CoreControl<GoogleServiceName> & { readonly google: GoogleControl };
  close(): Promise<void>;
}

export interface GoogleTestOptions {
  readonly now?: () => Date;
  readonly seedAnchor?: Date;
  readonly autoApprove?: { readonly account: string } | null;
}

export async function startGoogleTestSandbox(options: GoogleTestOptions = {}): Promise<GoogleTestSandbox> {
  const clock = options.now ?? systemClock;
  const dir = tlsDirFromEnv();
  const tls = { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
  const cloud = createGoogleCloud({ clock, seedAnchor: options.seedAnchor ?? clock(), autoApprove: options.autoApprove ?? null, outbox: new Outbox(clock) });
  const recorder = new RequestRecorder<GoogleServiceName>();
  const faults = new FaultRegistry<GoogleServiceName>();
  const core = createCoreControl<GoogleServiceName>(cloud.services, recorder, faults);
  const controlRoutes = [...coreControlRoutes(core, cloud.services.map((service) => service.name)), ...cloud.controlRoutes];
  const listeners: Listener[] = await Promise.all(cloud.services.map((service) => startHttpsListener(tls, withBinaryBodies(createServiceHandler(service, { clock, recorder, faults, controlRoutes })))));
  const [oauth, apis, people] = listeners.map((listener) => listener.origin);
  const origins = { oauth: oauth ?? '', apis: apis ?? '', people: people ?? '' };
  return {
    cloud,
    config: googleClientConfig(origins),
    origins,
    control: { ...core, google: cloud.control },
    close: async () => {
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}

/** The kiosk's client as production would build it, but with the sandbox's endpoints. */
export function oauthClient(sandbox: GoogleTestSandbox, redirectUri?: string): OAuth2Client {
  return new OAuth2Client({ clientId: sandbox.cloud.app.clientId, clientSecret: sandbox.cloud.app.clientSecret, endpoints: sandbox.config.endpoints, ...(redirectUri ? { redirectUri } : {}) });
}

export function calendarClient(sandbox: GoogleTestSandbox, auth: OAuth2Client): calendar_v3.Calendar {
  // No retries: tests that inject faults want to see each one (gaxios retries GET on 429/5xx three times).
  return calendar({ version: 'v3', auth, rootUrl: sandbox.config.calendarRootUrl, retry: false });
}

/** The app's loopback receiver: one request, whose query (code/state or error) resolves `received`. */
export interface Loopback {
  readonly redirectUri: string;
  readonly received: Promise<URLSearchParams>;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  let deliver: (params: URLSearchParams) => void = () => undefined;
  const received = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
  const server: Server = createServer((req, res) => {
    deliver(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('Received. You may now close this window.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { redirectUri: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The consent page's form, read like a browser would (action, hidden fields, radio values). */
export interface ConsentForm {
  readonly action: string;
  readonly hidden: Record<string, string>;
  readonly accounts: string[];
  readonly html: string;
}

const unescape = (text: string): string => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function readConsentForm(html: string, pageUrl: string): ConsentForm {
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form on the page:\n${html.slice(0, 500)}`);
  const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', unescape(m[2] ?? '')]));
  const accounts = [...html.matchAll(/<input type="radio" id="[^"]*" name="account" value="([^"]*)"/g)].map((m) => unescape(m[1] ?? ''));
  return { action: new URL(unescape(action), pageUrl).href, hidden, accounts, html };
}

export interface BrowserChoice {
  readonly account: string;
  readonly decision: 'accept' | 'cancel';
}

/**
 * Plays the system browser: opens the authorization URL, submits the consent form (unless the sandbox redirects
 * at once, as in auto-approve mode), and follows the redirect to the app's loopback. Returns the page it saw.
 */
export async function completeInBrowser(url: string, choice: BrowserChoice): Promise<string> {
  const first = await fetch(url, { redirect: 'manual' });
  let location = first.headers.get('location');
  let html = '';
  if (location === null) {
    html = await first.text();
    if (first.status !== 200) throw new Error(`authorization page answered ${first.status}:\n${html.slice(0, 500)}`);
    const form = readConsentForm(html, url);
    const body = new URLSearchParams({ ...form.hidden, account: choice.account, decision: choice.decision });
    const submitted = await fetch(form.action, { method: 'POST', body, redirect: 'manual' });
    location = submitted.headers.get('location');
    if (location === null) throw new Error(`consent form answered ${submitted.status} without a redirect:\n${(await submitted.text()).slice(0, 500)}`);
  }
  await fetch(location);
  return html;
}

export interface SignIn {
  readonly account: string;
  readonly scopes: readonly string[];
  readonly includeGrantedScopes?: boolean;
  readonly accessType?: 'online' | 'offline';
  readonly prompt?: string;
  readonly decision?: 'accept' | 'cancel';
}

export interface SignInResult {
  readonly client: OAuth2Client;
  readonly tokens: Credentials;
  readonly redirect: URLSearchParams;
  readonly consentPage: string;
}

/** The kiosk's Google sign-in: loopback + PKCE + state with the real OAuth2Client, the person's part done by fetch. */
export async function signIn(sandbox: GoogleTestSandbox, request: SignIn): Promise<SignInResult> {
  const loopback = await startLoopback();
  try {
    const client = oauthClient(sandbox, loopback.redirectUri);
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const state = `state-${Math.random().toString(36).slice(2)}`;
    const url = client.generateAuthUrl({
      access_type: request.accessType ?? 'offline',
      scope: [...request.scopes],
      include_granted_scopes: request.includeGrantedScopes ?? true,
      code_challenge_method: CodeChallengeMethod.S256,
      code_challenge: codeChallenge,
      state,
      login_hint: request.account,
      ...(request.prompt ? { prompt: request.prompt } : {}),
    });
    const consentPage = await completeInBrowser(url, { account: request.account, decision: request.decision ?? 'accept' });
    const redirect = await loopback.received;
    if (redirect.get('state') !== state) throw new Error(`state mismatch: ${redirect.toString()}`);
    const code = redirect.get('code');
    if (code === null) return { client, tokens: {}, redirect, consentPage };
    const { tokens } = await client.getToken({ code, codeVerifier });
    client.setCredentials(tokens);
    return { client, tokens, redirect, consentPage };
  } finally {
    await loopback.close();
  }
}

/** The GaxiosError a client call failed with (throws if it did not fail that way). */
export async function gaxiosFailure(promise: Promise<unknown>): Promise<gaxios.GaxiosError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof gaxios.GaxiosError)) throw new Error(`expected a GaxiosError, got ${String(outcome)}`);
  return outcome;
}
