import type { Clock } from '../core/clock';
import type { Outbox } from '../core/outbox';
import type { Route } from '../core/router';
import type { ServiceDefinition } from '../core/service';
import { GoogleCalendarStore } from './calendar/store';
import { createGoogleControl, googleControlRoutes, type GoogleControl } from './control';
import { FABRIKAM, GoogleDirectory, ROOMDECK_GOOGLE_APP, type GoogleApp, type WorkspaceDomain } from './directory';
import { authorizationStores } from './oauth/authorizations';
import type { GoogleOAuthContext } from './oauth/context';
import { DeviceCodes } from './oauth/device-codes';
import { GoogleGrants } from './oauth/grants';
import { createGoogleOAuthService, GOOGLE_OAUTH_PATHS } from './oauth/service';
import { DriveStore, type DriveControl } from '../drives/store';
import { driveRoutes } from './drive/routes';
import { createGoogleApisService, createGooglePeopleService } from './services';
import { ATLAS_RESOURCE, ATLAS_ROOM, GOOGLE_EXTERNALS, GOOGLE_SEED_ACCOUNTS, loadGoogleSeed } from './seed';

export type { GoogleControl } from './control';
export type { GoogleDeviceApproval } from './oauth/device';
export { SCOPES as GOOGLE_SCOPES } from './scopes';

/** One listener each, as in production: accounts.google.com + oauth2.googleapis.com, www.googleapis.com, people.googleapis.com. */
export type GoogleServiceName = 'google-oauth' | 'google-apis' | 'google-people';

export interface GoogleCloudOptions {
  readonly clock: Clock;
  readonly seedAnchor: Date;
  /** Demo: the consent page is skipped and every sign-in (and device code) is granted as this Google account. */
  readonly autoApprove: { readonly account: string } | null;
  readonly outbox: Outbox;
}

export interface GoogleCloud {
  readonly domain: WorkspaceDomain;
  /** The Desktop OAuth client the kiosk uses (a desktop "secret" is not confidential, but Google requires it). */
  readonly app: GoogleApp;
  /** The account the kiosk signs in as, and the room resource calendar it shows. */
  readonly room: { readonly account: string; readonly calendarId: string };
  readonly services: readonly [ServiceDefinition<'google-oauth'>, ServiceDefinition<'google-apis'>, ServiceDefinition<'google-people'>];
  readonly control: GoogleControl;
  /** `/__sandbox/google/...`; serve them on every listener (next to the core and Microsoft ones). */
  readonly controlRoutes: readonly Route[];
  /** The accounts' Drives (in process). */
  readonly drive: DriveControl;
}

/** Google OAuth + Calendar v3 + People, sharing one directory, one grant store and one calendar store. */
export function createGoogleCloud(options: GoogleCloudOptions): GoogleCloud {
  const directory = new GoogleDirectory(FABRIKAM, GOOGLE_SEED_ACCOUNTS, Object.values(GOOGLE_EXTERNALS));
  if (options.autoApprove) directory.require(options.autoApprove.account);
  const grants = new GoogleGrants(options.clock);
  const oauth: GoogleOAuthContext = {
    clock: options.clock,
    app: ROOMDECK_GOOGLE_APP,
    directory,
    grants,
    ...authorizationStores(options.clock),
    deviceCodes: new DeviceCodes(options.clock),
    autoApprove: options.autoApprove,
  };
  const store = new GoogleCalendarStore(options.clock);
  loadGoogleSeed(store, options.seedAnchor);
  const control = createGoogleControl(oauth, store);
  const apis = { clock: options.clock, grants, directory, store, outbox: options.outbox };
  const drives = new DriveStore(options.clock, options.seedAnchor);
  return {
    domain: FABRIKAM,
    app: ROOMDECK_GOOGLE_APP,
    room: { account: ATLAS_ROOM.email, calendarId: ATLAS_RESOURCE.id },
    services: [
      createGoogleOAuthService(oauth),
      createGoogleApisService(apis, driveRoutes({ calendar: apis, drives })),
      createGooglePeopleService({ grants, directory, warmedUp: new Set() }),
    ],
    control,
    controlRoutes: googleControlRoutes(control),
    drive: drives.control(),
  };
}

export interface GoogleClientConfig {
  /** For `new OAuth2Client({ clientId, clientSecret, endpoints })`. */
  readonly endpoints: { readonly oauth2AuthBaseUrl: string; readonly oauth2TokenUrl: string; readonly oauth2RevokeUrl: string; readonly tokenInfoUrl: string };
  /** For `calendar({ version: 'v3', auth, rootUrl })` (the client appends `calendar/v3/...`). */
  readonly calendarRootUrl: string;
  /** Gmail's API root (production `https://gmail.googleapis.com/`); the sandbox serves it beside Calendar. */
  readonly gmailRootUrl: string;
  /** For `people({ version: 'v1', auth, rootUrl })`, or plain fetch of `v1/people:searchDirectoryPeople`. */
  readonly peopleRootUrl: string;
  /** GET: the OpenID userinfo of the token's account. */
  readonly userinfoUrl: string;
}

/** How the real client libraries are pointed at the sandbox, from the three listeners' origins. */
export function googleClientConfig(origins: { readonly oauth: string; readonly apis: string; readonly people: string }): GoogleClientConfig {
  return {
    endpoints: {
      oauth2AuthBaseUrl: `${origins.oauth}${GOOGLE_OAUTH_PATHS.authorize}`,
      oauth2TokenUrl: `${origins.oauth}${GOOGLE_OAUTH_PATHS.token}`,
      oauth2RevokeUrl: `${origins.oauth}${GOOGLE_OAUTH_PATHS.revoke}`,
      tokenInfoUrl: `${origins.oauth}${GOOGLE_OAUTH_PATHS.tokenInfo}`,
    },
    calendarRootUrl: `${origins.apis}/`,
    gmailRootUrl: `${origins.apis}/`,
    peopleRootUrl: `${origins.people}/`,
    userinfoUrl: `${origins.apis}/oauth2/v3/userinfo`,
  };
}
