import { z } from 'zod';
import { bearerToken, jsonReply, type Reply, type SandboxRequest } from '../core/http';
import { route, type Route } from '../core/router';
import { createGuard, type AuthorizedHandler, type Guard } from '../oauth2-generic/bearer';
import { isReply } from '../oauth2-generic/http';
import type { Grant } from '../oauth2-generic/model';
import { DROPBOX_ACCOUNTS } from './accounts';
import { endpointOf, rpcArgs } from './args';
import { download, thumbnail, upload } from './content-endpoints';
import { driveOf, type DropboxContext } from './context';
import { dropboxDenial } from './errors';
import { continueListing, createSharedLink, cursorArgs, getMetadata, latestCursor, listFolder, listFolderArgs, pathOnlyArgs, search, searchArgs, sharedLinkArgs } from './files';
import { DROPBOX_ENDPOINT_SCOPES as SCOPES, impliedDropboxScopes } from './scopes';
import type { DropboxDrive } from './tree';

export function dropboxGuard(ctx: DropboxContext): Guard {
  return createGuard(ctx.oauth.grants, { deny: (req, denial) => dropboxDenial(endpointOf(req.path), denial), impliedScopes: impliedDropboxScopes });
}

/** An RPC endpoint: POST /2/<name>, JSON arguments parsed by `schema`, then `handle`. */
function rpc<T>(guard: Guard, ctx: DropboxContext, name: string, scopes: readonly string[], schema: z.ZodType<T>, handle: (drive: DropboxDrive, args: T, req: SandboxRequest, grant: Grant) => Reply): Route {
  const handler: AuthorizedHandler = (req, _params, grant) => {
    const args = rpcArgs(req, schema);
    return isReply(args) ? args : handle(driveOf(ctx, grant), args, req, grant);
  };
  return route('POST', new RegExp(`^/2/${name}$`), guard(scopes, handler));
}

function currentAccount(grant: Grant): Reply {
  const account = DROPBOX_ACCOUNTS.find((candidate) => candidate.id === grant.account.id);
  if (!account) return jsonReply(500, { error_summary: 'internal_error/..' });
  return jsonReply(200, {
    account_id: account.id,
    name: { given_name: account.givenName, surname: account.surname, familiar_name: account.familiarName, display_name: account.displayName, abbreviated_name: account.abbreviatedName },
    email: account.email,
    email_verified: true,
    disabled: false,
    locale: account.locale,
    referral_link: `https://db.tt/${account.uid.slice(0, 8)}`,
    is_paired: false,
    account_type: { '.tag': 'basic' },
    root_info: { '.tag': 'user', root_namespace_id: account.namespaceId, home_namespace_id: account.namespaceId },
    profile_photo_url: `https://dl-web.dropbox.com/account_photo/get/${encodeURIComponent(account.id)}?size=128x128`,
    country: account.country,
  });
}

/** Endpoints of api.dropboxapi.com (RPC, JSON in and out) plus the token revocation. */
export function apiRoutes(ctx: DropboxContext): Route[] {
  const guard = dropboxGuard(ctx);
  const noArgs = z.null();
  return [
    rpc(guard, ctx, 'auth/token/revoke', SCOPES.any, noArgs, (_drive, _args, req) => {
      ctx.oauth.grants.revokeToken(bearerToken(req) ?? '');
      return jsonReply(200, null);
    }),
    rpc(guard, ctx, 'users/get_current_account', SCOPES.account, noArgs, (_drive, _args, _req, grant) => currentAccount(grant)),
    rpc(guard, ctx, 'files/list_folder', SCOPES.listFiles, listFolderArgs, (drive, args) => listFolder(drive, args)),
    rpc(guard, ctx, 'files/list_folder/continue', SCOPES.listFiles, cursorArgs, (drive, args) => continueListing(drive, args.cursor)),
    rpc(guard, ctx, 'files/list_folder/get_latest_cursor', SCOPES.listFiles, listFolderArgs, (drive, args) => latestCursor(drive, args)),
    rpc(guard, ctx, 'files/get_metadata', SCOPES.listFiles, pathOnlyArgs, (drive, args) => getMetadata(drive, args.path)),
    rpc(guard, ctx, 'files/search_v2', SCOPES.listFiles, searchArgs, (drive, args) => search(drive, args)),
    rpc(guard, ctx, 'sharing/create_shared_link_with_settings', SCOPES.share, sharedLinkArgs, (drive, args) => createSharedLink(ctx, drive, args.path)),
  ];
}

/** Endpoints of content.dropboxapi.com (arguments in Dropbox-API-Arg, bytes in the body). */
export function contentRoutes(ctx: DropboxContext): Route[] {
  const guard = dropboxGuard(ctx);
  const content = (name: string, scopes: readonly string[], handle: (drive: DropboxDrive, req: SandboxRequest) => Reply): Route =>
    route('POST', new RegExp(`^/2/${name}$`), guard(scopes, (req, _params, grant) => handle(driveOf(ctx, grant), req)));
  return [
    content('files/download', SCOPES.readContent, (drive, req) => download(ctx, drive, req)),
    content('files/get_thumbnail_v2', SCOPES.readContent, (drive, req) => thumbnail(drive, req)),
    content('files/upload', SCOPES.writeContent, (drive, req) => upload(drive, req)),
  ];
}
