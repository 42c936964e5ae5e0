import type { Clock } from '../core/clock';
import type { Grant } from '../oauth2-generic/model';
import type { OAuthProvider } from '../oauth2-generic/provider';
import type { DropboxFaults } from './faults';
import type { DropboxDrive } from './tree';

export interface DropboxContext {
  readonly clock: Clock;
  readonly oauth: OAuthProvider;
  readonly drives: readonly DropboxDrive[];
  readonly faults: DropboxFaults;
  /** Shared links already created, by account id + path_lower. */
  readonly sharedLinks: Map<string, string>;
}

export function driveOf(ctx: DropboxContext, grant: Grant): DropboxDrive {
  const drive = ctx.drives.find((candidate) => candidate.account.id === grant.account.id);
  if (!drive) throw new Error(`no Dropbox for ${grant.account.email}`);
  return drive;
}

export function driveFor(ctx: DropboxContext, account: string): DropboxDrive {
  const key = account.toLowerCase();
  const drive = ctx.drives.find((candidate) => candidate.account.email.toLowerCase() === key || candidate.account.id.toLowerCase() === key);
  if (!drive) throw new Error(`unknown Dropbox account "${account}"; known: ${ctx.drives.map((d) => d.account.email).join(', ')}`);
  return drive;
}
