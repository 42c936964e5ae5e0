import type { Clock } from '../../core/clock';
import type { AppRegistration, Directory, Tenant } from '../directory';
import type { EntraAuthorizations } from './auth-codes';
import type { ConsentStore } from './consent';
import type { DeviceCodeStore } from './device-codes';
import type { TokenStore } from './tokens';

/** Shared state of the identity platform: Graph reads `tokens`, control reads and writes the rest. */
export interface EntraContext {
  readonly clock: Clock;
  readonly tenant: Tenant;
  readonly app: AppRegistration;
  readonly directory: Directory;
  readonly consent: ConsentStore;
  readonly tokens: TokenStore;
  readonly deviceCodes: DeviceCodeStore;
  readonly authorizations: EntraAuthorizations;
  /** Demo mode: every new device code is approved at once as this account, with consent. */
  readonly autoApprove: { readonly account: string } | null;
}
