import type { Clock } from '../../core/clock';
import type { GoogleApp, GoogleDirectory } from '../directory';
import type { AuthorizationRequest, CodeGrant } from './authorizations';
import type { DeviceCodes } from './device-codes';
import type { GoogleGrants } from './grants';
import type { OneTimeValues } from './one-time';

/** Shared state of Google's identity endpoints; the API services read `grants` to check bearer tokens. */
export interface GoogleOAuthContext {
  readonly clock: Clock;
  readonly app: GoogleApp;
  readonly directory: GoogleDirectory;
  readonly grants: GoogleGrants;
  /** Consent forms on screen, keyed by the form's hidden `flow` field. */
  readonly forms: OneTimeValues<AuthorizationRequest>;
  readonly codes: OneTimeValues<CodeGrant>;
  readonly deviceCodes: DeviceCodes;
  /** Demo mode: the consent page is skipped and every request is granted as this account. */
  readonly autoApprove: { readonly account: string } | null;
}
