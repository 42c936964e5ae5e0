import type { Clock } from '../../core/clock';
import type { Outbox } from '../../core/outbox';
import type { Directory, Tenant } from '../directory';
import type { TokenStore } from '../entra/tokens';
import type { MailStore } from './mail-store';
import type { CalendarStore } from './store';

export interface GraphContext {
  readonly clock: Clock;
  readonly tenant: Tenant;
  readonly directory: Directory;
  /** Issued by the identity platform; Graph only reads them. */
  readonly tokens: TokenStore;
  readonly calendars: CalendarStore;
  readonly mail: MailStore;
  /** Where sendMail puts what it sends (shared with the other providers). */
  readonly outbox: Outbox;
}
