import { stableUuid } from '../core/ids';

export interface Tenant {
  readonly id: string;
  /** The domain in authority URLs: `https://host/{domain}`. */
  readonly domain: string;
  readonly displayName: string;
}

/** The kiosk's app registration: a public client (no secret), "Mobile and desktop" redirect URIs. */
export interface AppRegistration {
  readonly clientId: string;
  readonly displayName: string;
  readonly redirectUris: readonly string[];
}

export type AccountKind = 'room' | 'person';

export interface DirectoryUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly mail: string;
  readonly displayName: string;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly jobTitle: string | null;
  readonly officeLocation: string | null;
  readonly businessPhones: readonly string[];
  readonly mobilePhone: string | null;
  readonly preferredLanguage: string | null;
  readonly kind: AccountKind;
  /** IANA zone of the mailbox (rooms: where the room is). */
  readonly timeZone: string;
}

export const CONTOSO: Tenant = { id: stableUuid('tenant:contoso'), domain: 'contoso.onmicrosoft.com', displayName: 'Contoso' };

export const ROOMDECK_APP: AppRegistration = {
  clientId: '11111111-2222-3333-4444-555555555555',
  displayName: 'Roomdeck',
  // Entra ignores the port of loopback redirect URIs (msal-node listens on a random one).
  redirectUris: ['http://localhost', 'http://127.0.0.1', 'https://login.microsoftonline.com/common/oauth2/nativeclient'],
};

/** Everyone the sandbox knows, addressable by object id or UPN (case-insensitive), like Graph's /users/{id|upn}. */
export class Directory {
  private readonly byKey = new Map<string, DirectoryUser>();

  constructor(
    readonly tenant: Tenant,
    readonly users: readonly DirectoryUser[],
  ) {
    for (const user of users) {
      this.byKey.set(user.id.toLowerCase(), user);
      this.byKey.set(user.userPrincipalName.toLowerCase(), user);
    }
  }

  find(idOrUpn: string): DirectoryUser | null {
    return this.byKey.get(idOrUpn.trim().toLowerCase()) ?? null;
  }

  /** For control calls: a typo in a test should fail loudly, naming the accounts that exist. */
  require(idOrUpn: string): DirectoryUser {
    const user = this.find(idOrUpn);
    if (!user) throw new Error(`unknown account "${idOrUpn}"; known: ${this.users.map((u) => u.userPrincipalName).join(', ')}`);
    return user;
  }
}

export function isRegisteredRedirectUri(app: AppRegistration, redirectUri: string): boolean {
  let candidate: URL;
  try {
    candidate = new URL(redirectUri);
  } catch {
    return false;
  }
  const isLoopback = candidate.protocol === 'http:' && (candidate.hostname === 'localhost' || candidate.hostname === '127.0.0.1');
  return app.redirectUris.some((registered) => {
    const allowed = new URL(registered);
    const samePath = allowed.pathname.replace(/\/$/, '') === candidate.pathname.replace(/\/$/, '');
    if (isLoopback) return allowed.protocol === candidate.protocol && allowed.hostname === candidate.hostname && samePath;
    return allowed.origin === candidate.origin && samePath;
  });
}
