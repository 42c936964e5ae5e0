import { dirname } from 'node:path';
import { LogLevel, PublicClientApplication, type AuthenticationResult } from '@azure/msal-node';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { startSandbox, type Sandbox, type SandboxOptions } from './index';

/**
 * Helpers for the sandbox's own tests (and for later integration tests). The sandbox's certificate must already be
 * trusted: NODE_EXTRA_CA_CERTS is read once at process start, so the test command sets it and the tests reuse its
 * directory as the sandbox's tlsDir.
 */
export function tlsDirFromEnv(): string {
  const explicit = process.env['ROOMDECK_SANDBOX_TLS_DIR'];
  if (explicit) return explicit;
  const certPath = process.env['NODE_EXTRA_CA_CERTS'];
  if (!certPath) {
    throw new Error('NODE_EXTRA_CA_CERTS is not set. Run: CERT=$(npx tsx e2e/sandbox/tls.ts) && NODE_EXTRA_CA_CERTS=$CERT npx vitest run e2e/sandbox');
  }
  return dirname(certPath);
}

export function startTestSandbox(options: Omit<SandboxOptions, 'tlsDir'> = {}): Promise<Sandbox> {
  return startSandbox({ tlsDir: tlsDirFromEnv(), ...options });
}

/** A clock tests can move; pass `clock.now` as the sandbox's `now`. */
export class TestClock {
  private current: number;
  constructor(start: Date) {
    this.current = start.getTime();
  }
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current += ms;
  }
}

/** A fresh msal client per test: msal caches metadata, tokens and throttling state per instance. */
export function newPublicClient(sandbox: Sandbox, clientId = sandbox.clientId): PublicClientApplication {
  return new PublicClientApplication({
    auth: { clientId, authority: `${sandbox.urls.entra}/${sandbox.tenant}`, knownAuthorities: [new URL(sandbox.urls.entra).host] },
    system: { loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined } },
  });
}

export interface DeviceSignIn {
  readonly account: string;
  readonly scopes: readonly string[];
  /** Default true; false = the person pressed Cancel. */
  readonly consent?: boolean;
  /** Approve after this many ms (so msal sees authorization_pending first); default at once. */
  readonly approveAfterMs?: number;
}

/** Device-code sign-in with the real msal-node, the person's part done through the control API. */
export function signInWithDeviceCode(pca: PublicClientApplication, sandbox: Sandbox, signIn: DeviceSignIn): Promise<AuthenticationResult | null> {
  return pca.acquireTokenByDeviceCode({
    scopes: [...signIn.scopes],
    deviceCodeCallback: (response) => {
      const approve = () => sandbox.control.approveDeviceCode({ userCode: response.userCode, account: signIn.account, consent: signIn.consent ?? true });
      if (signIn.approveAfterMs) setTimeout(approve, signIn.approveAfterMs);
      else approve();
    },
  });
}

/** The real Graph SDK pointed at the sandbox (customHosts, or it silently drops the Authorization header). */
export function graphClient(sandbox: Sandbox, token: () => string): Client {
  return Client.init({
    baseUrl: sandbox.urls.graph,
    customHosts: new Set([new URL(sandbox.urls.graph).hostname]),
    authProvider: (done) => done(null, token()),
  });
}

/** An access token for an account, via a real device-code sign-in. */
export async function accessTokenFor(sandbox: Sandbox, account: string, scopes: readonly string[]): Promise<string> {
  const result = await signInWithDeviceCode(newPublicClient(sandbox), sandbox, { account, scopes });
  if (!result) throw new Error('no token');
  return result.accessToken;
}

/** The GraphError a request must fail with; anything else (success, another error) fails the test. */
export async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof GraphError) return error;
  throw new Error(`expected a GraphError, got ${error === null ? 'success' : String(error)}`);
}

/**
 * Makes `meeting` the room's only meeting, on from five minutes ago for an hour: the seeded day has meetings of its
 * own at any hour, and a test about "the meeting on now" must know which one that is.
 */
export function onlyMeetingNow(sandbox: Sandbox, room: string, meeting: { subject: string; organizer: string; attendees: readonly string[] }): void {
  for (const event of sandbox.control.events(room)) if (event.id) sandbox.control.deleteEvent(room, event.id);
  const utc = (ms: number) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
  // The sandbox runs on real time unless a test passes it a clock; these tests do not.
  const now = Date.now();
  sandbox.control.addEvent(room, {
    subject: meeting.subject,
    start: utc(now - 5 * 60_000),
    end: utc(now + 55 * 60_000),
    organizer: { emailAddress: { address: meeting.organizer } },
    attendees: [
      ...meeting.attendees.map((address) => ({ type: 'required' as const, emailAddress: { address } })),
      { type: 'resource' as const, emailAddress: { address: room } },
    ],
  });
}
