import type { AuthorizationStores } from '../../core/authorization';
import type { Clock } from '../../core/clock';
import type { GoogleApp, GoogleDirectory } from '../directory';
import type { AuthorizationRequest, CodeGrant } from './authorizations';
import type { DeviceCodes } from './device-codes';
import type { GoogleGrants } from './grants';

/** Shared state of Google's identity endpoints; the API services read `grants` to check bearer tokens. */
export interface GoogleOAuthContext extends AuthorizationStores<AuthorizationRequest, CodeGrant> {
  readonly clock: Clock;
  readonly app: GoogleApp;
  readonly directory: GoogleDirectory;
  readonly grants: GoogleGrants;
  readonly deviceCodes: DeviceCodes;
  /** Demo mode: the consent page is skipped and every request is granted as this account. */
  readonly autoApprove: { readonly account: string } | null;
}
