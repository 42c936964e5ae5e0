import { stableDigits } from '../core/ids';

/** A Google Workspace domain: its users sign in with Google accounts at this domain. */
export interface WorkspaceDomain {
  readonly domain: string;
  readonly displayName: string;
  /** Workspace customer id (`C0…`), as the Admin SDK and `hd`-bearing tokens know it. */
  readonly customerId: string;
}

/**
 * The kiosk's OAuth client: a "Desktop app" client. Google still issues it a secret and the token endpoint
 * requires it ("client_secret is missing."), although a desktop secret is not confidential.
 */
export interface GoogleApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly displayName: string;
}

export type GoogleAccountKind = 'room' | 'person';

export interface GoogleAccount {
  /** Numeric Google account id (`sub`); 21 digits like real ones. */
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly kind: GoogleAccountKind;
  readonly title: string | null;
  readonly department: string | null;
  readonly timeZone: string;
}

/** Someone outside the domain (a customer or vendor): in other contacts, never in the directory. */
export interface ExternalContact {
  readonly email: string;
  readonly displayName: string;
}

export const FABRIKAM: WorkspaceDomain = { domain: 'fabrikam.example', displayName: 'Fabrikam', customerId: 'C03fabr1k' };

export const ROOMDECK_GOOGLE_APP: GoogleApp = {
  clientId: '204385519217-roomdeck0sandbox0desktop0client.apps.googleusercontent.com',
  clientSecret: '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ret',
  displayName: 'Roomdeck',
};

export function googleAccountId(email: string): string {
  return `1${stableDigits(`google-account:${email.toLowerCase()}`, 20)}`;
}

/** Accounts addressable by email (case-insensitive), as Google resolves them. */
export class GoogleDirectory {
  private readonly byEmail: ReadonlyMap<string, GoogleAccount>;

  constructor(
    readonly domain: WorkspaceDomain,
    readonly accounts: readonly GoogleAccount[],
    readonly externals: readonly ExternalContact[],
  ) {
    this.byEmail = new Map(accounts.map((account) => [account.email.toLowerCase(), account]));
  }

  find(email: string): GoogleAccount | null {
    return this.byEmail.get(email.trim().toLowerCase()) ?? null;
  }

  /** For control calls: a typo in a test fails loudly and names the accounts that exist. */
  require(email: string): GoogleAccount {
    const account = this.find(email);
    if (!account) throw new Error(`unknown Google account "${email}"; known: ${this.accounts.map((a) => a.email).join(', ')}`);
    return account;
  }
}

/**
 * Desktop clients may redirect to any port on the loopback interface, by IP or as localhost, over plain http
 * (https://developers.google.com/identity/protocols/oauth2/native-app#redirect-uri_loopback).
 */
export function isLoopbackRedirectUri(redirectUri: string): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.hash === '';
}
