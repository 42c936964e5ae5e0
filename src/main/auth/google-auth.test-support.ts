import type { DeviceCodePrompt } from '../../shared/model';
import type { ConsentPrompter } from './connector';
import type { OAuth2Client } from 'google-auth-library';
import { silentLogger } from '../health/logger';
import { GoogleAuth, type GoogleConfig } from './google-auth';
import { MemoryVault } from './memory-vault';

/** What the sandbox tells about its Google stand-in (`sandbox.google`); main may not import e2e code, so by shape. */
export interface SandboxGoogle {
  clientId: string;
  clientSecret: string;
  config: Omit<GoogleConfig, 'clientId' | 'clientSecret'>;
}

/** The kiosk's `google` config block, pointed at the sandbox. */
export function googleConfigOf(google: SandboxGoogle): GoogleConfig {
  return { clientId: google.clientId, clientSecret: google.clientSecret, ...google.config, endpoints: { ...google.config.endpoints } };
}

/**
 * Plays the system browser the way Electron's shell.openExternal does: opening returns at once, the person answers
 * the page later. `play` is that person (e2e/sandbox/google/test-support's completeInBrowser); null leaves the page
 * to the test, which waits for `opened`.
 */
export class ConsentBrowser implements ConsentPrompter {
  answered: Promise<unknown> = Promise.resolve();
  readonly opened: Promise<string>;
  private markOpened: (url: string) => void = () => undefined;

  constructor(private readonly play: ((url: string) => Promise<unknown>) | null) {
    this.opened = new Promise((resolve) => (this.markOpened = resolve));
  }

  showDeviceCode(prompt: DeviceCodePrompt): void {
    throw new Error(`Google has no device flow for Calendar scopes; got ${prompt.userCode}`);
  }

  async openBrowser(url: string): Promise<void> {
    this.markOpened(url);
    if (this.play) this.answered = this.play(url);
  }
}

/**
 * A Google client signed in for `scopes` through the real consent flow; `answer` plays the person on the consent page
 * (e2e/sandbox/google/test-support's completeInBrowser, for the account wanted).
 */
export async function signedInGoogleClient(google: SandboxGoogle, scopes: string[], answer: (url: string) => Promise<unknown>): Promise<OAuth2Client> {
  const auth = new GoogleAuth(googleConfigOf(google), new MemoryVault(), silentLogger);
  await auth.signIn(scopes, new ConsentBrowser(answer), new AbortController().signal);
  return auth.accessClient();
}
