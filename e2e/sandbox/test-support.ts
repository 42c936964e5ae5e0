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
