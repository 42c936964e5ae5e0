import type { Clock } from '../core/clock';
import type { Outbox } from '../core/outbox';
import type { ServiceDefinition } from '../core/service';
import { CONTOSO, Directory, ROOMDECK_APP, type AppRegistration, type Tenant } from './directory';
import { entraAuthorizations } from './entra/auth-codes';
import { ConsentStore } from './entra/consent';
import type { EntraContext } from './entra/context';
import { DeviceCodeStore } from './entra/device-codes';
import { createEntraService } from './entra/service';
import { TokenStore } from './entra/tokens';
import { createGraphService, createOneDriveContentService } from './graph/service';
import { driveRoutes, type OneDriveContext } from './graph/drive';
import { DriveStore, type DriveControl } from '../drives/store';
import { MailStore } from './graph/mail-store';
import { CalendarStore } from './graph/store';
import { createMicrosoftControl, type MicrosoftControl } from './control';
import { loadMailSeed, loadSeed, SEED_ACCOUNTS } from './seed';

/** `onedrive-content`: the pre-authenticated download host OneDrive's …/content redirects to (*.sharepoint.com). */
export type MicrosoftServiceName = 'entra' | 'graph' | 'onedrive-content';

export interface MicrosoftCloudOptions {
  readonly clock: Clock;
  readonly seedAnchor: Date;
  readonly autoApprove: { readonly account: string } | null;
  /** Origin of the `onedrive-content` listener, once it listens. */
  readonly onedriveContentOrigin: () => string;
  readonly outbox: Outbox;
}

export interface MicrosoftCloud {
  readonly tenant: Tenant;
  readonly app: AppRegistration;
  readonly services: readonly [ServiceDefinition<'entra'>, ServiceDefinition<'graph'>, ServiceDefinition<'onedrive-content'>];
  readonly control: MicrosoftControl;
  /** The accounts' OneDrives (in process). */
  readonly onedrive: DriveControl;
}

/** Microsoft identity platform + Graph, sharing one directory and one token store, seeded around the anchor. */
export function createMicrosoftCloud(options: MicrosoftCloudOptions): MicrosoftCloud {
  const directory = new Directory(CONTOSO, SEED_ACCOUNTS);
  if (options.autoApprove) directory.require(options.autoApprove.account);
  const entra: EntraContext = {
    clock: options.clock,
    tenant: CONTOSO,
    app: ROOMDECK_APP,
    directory,
    consent: new ConsentStore(),
    tokens: new TokenStore(options.clock),
    deviceCodes: new DeviceCodeStore(options.clock),
    authorizations: entraAuthorizations(options.clock),
    autoApprove: options.autoApprove,
  };
  const calendars = new CalendarStore(options.clock, directory);
  loadSeed(calendars, CONTOSO, options.seedAnchor);
  const mail = new MailStore(directory);
  loadMailSeed(mail, CONTOSO, options.seedAnchor);
  const graph = { clock: options.clock, tenant: CONTOSO, directory, tokens: entra.tokens, calendars, mail, outbox: options.outbox };
  const drives = new DriveStore(options.clock, options.seedAnchor);
  const onedrive: OneDriveContext = { ...graph, drives, contentOrigin: options.onedriveContentOrigin, downloads: new Map(), links: new Map() };
  return {
    tenant: CONTOSO,
    app: ROOMDECK_APP,
    services: [createEntraService(entra), createGraphService(graph, driveRoutes(onedrive)), createOneDriveContentService(onedrive)],
    control: createMicrosoftControl(entra, calendars, mail),
    onedrive: drives.control(),
  };
}
