import type { DeviceCodePrompt } from '../../shared/model';
import { MemoryVault } from '../auth/memory-vault';
import { MicrosoftAuth } from '../auth/microsoft-auth';
import type { KioskConfig } from '../config/kiosk-config';
import type { Logger } from '../health/logger';
import type { CloudDrive } from './cloud-drive';
import { OneDrive } from './onedrive';

/**
 * A person's own files: read-only, their own OneDrive, nothing more. Not a catalog feature (the catalog's scopes
 * are the room account's); it is offered while microsoft.files is on, i.e. while IT has consented the app to Files.
 */
export const PERSONAL_SCOPES = ['Files.Read'];

/**
 * A person's own OneDrive for one session: they sign in from their phone (device code, shown as a QR code), and the
 * connection lives in memory only — its own msal instance over a MemoryVault — so ending the session, or a crash,
 * leaves no token anywhere on the kiosk.
 */
export class PersonalOneDrive {
  private auth: MicrosoftAuth | null = null;
  private account: { key: string; username: string } | null = null;

  constructor(
    private readonly config: KioskConfig['microsoft'],
    private readonly log: Logger,
  ) {}

  /** Starts the sign-in; resolves with the code to show once msal has it. `done` reports how it ended. */
  start(done: (result: { account: string } | { error: string }) => void): Promise<DeviceCodePrompt> {
    this.auth?.cancelSignIn();
    const auth = new MicrosoftAuth(this.config, new MemoryVault(), this.log);
    this.auth = auth;
    this.account = null;
    return new Promise((resolve, reject) => {
      auth
        .signInWithDeviceCode(PERSONAL_SCOPES, resolve)
        .then((signed) => {
          if (this.auth !== auth) return;
          this.account = { key: signed.homeAccountId, username: signed.username };
          this.log.info('files.personal-signed-in', { source: 'onedrive' });
          done({ account: signed.username });
        })
        .catch((err: unknown) => {
          reject(err instanceof Error ? err : new Error(String(err)));
          if (this.auth === auth) done({ error: err instanceof Error ? err.name : 'failed' });
        });
    });
  }

  cancel(): void {
    this.auth?.cancelSignIn();
    this.auth = null;
    this.account = null;
  }

  who(): string | null {
    return this.account?.username ?? null;
  }

  drive(): CloudDrive | null {
    const { auth, account } = this;
    if (!auth || !account) return null;
    return new OneDrive(this.config.graphBaseUrl, (stale) => auth.accessToken(account.key, PERSONAL_SCOPES, stale !== undefined));
  }

  /** Signs the person out and forgets the connection; resolves with who it was (for "room is clean"). */
  async drop(): Promise<string[]> {
    const { auth, account } = this;
    this.cancel();
    if (!auth || !account) return [];
    await auth.signOut(account.key);
    this.log.info('files.personal-dropped', { source: 'onedrive' });
    return [account.username];
  }
}
