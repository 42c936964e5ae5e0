import type { Clock } from '../core/clock';
import type { Outbox } from '../core/outbox';
import type { ServiceDefinition } from '../core/service';
import { CONTOSO, Directory, ROOMDECK_APP, type AppRegistration, type Tenant } from './directory';
import { AuthorizationStore } from './entra/auth-codes';
import { ConsentStore } from './entra/consent';
import type { EntraContext } from './entra/context';
import { DeviceCodeStore } from './entra/device-codes';
import { createEntraService } from './entra/service';
import { TokenStore } from './entra/tokens';
import { createGraphService } from './graph/service';
import { MailStore } from './graph/mail-store';
import { CalendarStore } from './graph/store';
import { createMicrosoftControl, type MicrosoftControl } from './control';
import { loadMailSeed, loadSeed, SEED_ACCOUNTS } from './seed';

export type MicrosoftServiceName = 'entra' | 'graph';

export interface MicrosoftCloudOptions {
  readonly clock: Clock;
  readonly seedAnchor: Date;
  readonly autoApprove: { readonly account: string } | null;
  readonly outbox: Outbox;
}

export interface MicrosoftCloud {
  readonly tenant: Tenant;
  readonly app: AppRegistration;
  readonly services: readonly [ServiceDefinition<'entra'>, ServiceDefinition<'graph'>];
  readonly control: MicrosoftControl;
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
    authorizations: new AuthorizationStore(options.clock),
    autoApprove: options.autoApprove,
  };
  const calendars = new CalendarStore(options.clock, directory);
  loadSeed(calendars, CONTOSO, options.seedAnchor);
  const mail = new MailStore(directory);
  loadMailSeed(mail, CONTOSO, options.seedAnchor);
  const graph = { clock: options.clock, tenant: CONTOSO, directory, tokens: entra.tokens, calendars, mail, outbox: options.outbox };
  return {
    tenant: CONTOSO,
    app: ROOMDECK_APP,
    services: [createEntraService(entra), createGraphService(graph)],
    control: createMicrosoftControl(entra, calendars, mail),
  };
}
