import { z } from 'zod';
import { parseControlBody } from '../core/control';
import { emptyReply, jsonReply } from '../core/http';
import { route, type Route } from '../core/router';
import { controlPattern, oauthControlRoutes, type OAuthControl } from '../oauth2-generic/control';
import type { OAuthProvider } from '../oauth2-generic/provider';
import { bigFile, bufferContent } from './content/file-content';
import { driveFor, type DropboxContext } from './context';
import type { DownloadFaultSpec } from './faults';
import type { Tagged } from './errors';
import { metadataJson } from './tree';

export interface NewFileSpec {
  readonly path: string;
  /** UTF-8 text content. */
  readonly text?: string;
  readonly base64?: string;
  /** A generated file of this size, streamed lazily (never in memory). */
  readonly sizeBytes?: number;
}

/** Test-side operations on the Dropbox stand-in (in process; over HTTP under /__sandbox/dropbox/). */
export interface DropboxControl extends OAuthControl {
  /** Every list_folder cursor issued so far answers 409 `reset` (one account, or all). */
  resetCursors(account?: string): void;
  /** The next matching download is cut (socket destroyed) after `bytes` body bytes. */
  failDownloadAfter(spec: DownloadFaultSpec): { id: string };
  /** The next `count` injected status faults (core `status` action, e.g. 429) come back with no body at all. */
  bareStatusBodies(count: number): void;
  clearDropboxFaults(): void;
  /** Metadata of everything in the account's Dropbox, in path order. */
  files(account: string): Tagged[];
  /** Someone else adds a file (shows up in list_folder/continue as a change). */
  addFile(account: string, spec: NewFileSpec): Tagged;
  deleteFile(account: string, path: string): void;
}

export function createDropboxControl(oauth: OAuthProvider, ctx: DropboxContext): DropboxControl {
  return {
    ...oauth.control,
    resetCursors: (account) => {
      for (const drive of account === undefined ? ctx.drives : [driveFor(ctx, account)]) drive.generation += 1;
    },
    failDownloadAfter: (spec) => ctx.faults.failDownloadAfter(spec),
    bareStatusBodies: (count) => ctx.faults.bareStatusBodies(count),
    clearDropboxFaults: () => ctx.faults.clear(),
    files: (account) => driveFor(ctx, account).all().map(metadataJson),
    addFile: (account, spec) => {
      const content = spec.sizeBytes !== undefined ? bigFile(spec.sizeBytes, spec.path) : bufferContent(spec.base64 !== undefined ? Buffer.from(spec.base64, 'base64') : Buffer.from(spec.text ?? '', 'utf8'));
      return metadataJson(driveFor(ctx, account).putFile(spec.path, { content }));
    },
    deleteFile: (account, path) => {
      if (!driveFor(ctx, account).delete(path)) throw new Error(`no such Dropbox path "${path}"`);
    },
  };
}

const accountBody = z.object({ account: z.string().optional() });
const downloadFaultBody = z.object({ bytes: z.number().int().min(0), path: z.string().optional(), times: z.number().int().min(1).optional() });
const countBody = z.object({ count: z.number().int().min(0) });
const fileBody = z.object({ path: z.string().startsWith('/'), text: z.string().optional(), base64: z.string().optional(), sizeBytes: z.number().int().min(0).optional() });
const FILES = 'accounts/(?<account>[^/]+)/files';

export function dropboxControlRoutes(control: DropboxControl): Route[] {
  const account = (params: Readonly<Record<string, string>>): string => params['account'] ?? '';
  return [
    ...oauthControlRoutes('dropbox', control),
    route('POST', controlPattern('dropbox', 'cursors/reset'), (req) => {
      control.resetCursors(parseControlBody(req, accountBody).account);
      return emptyReply(204);
    }),
    route('POST', controlPattern('dropbox', 'faults/download'), (req) => jsonReply(201, control.failDownloadAfter(parseControlBody(req, downloadFaultBody)))),
    route('POST', controlPattern('dropbox', 'faults/bare-status'), (req) => {
      control.bareStatusBodies(parseControlBody(req, countBody).count);
      return emptyReply(204);
    }),
    route('DELETE', controlPattern('dropbox', 'faults'), () => {
      control.clearDropboxFaults();
      return emptyReply(204);
    }),
    route('GET', controlPattern('dropbox', FILES), (_req, params) => jsonReply(200, control.files(account(params)))),
    route('POST', controlPattern('dropbox', FILES), (req, params) => jsonReply(201, control.addFile(account(params), parseControlBody(req, fileBody)))),
    route('DELETE', controlPattern('dropbox', FILES), (req, params) => {
      control.deleteFile(account(params), req.query['path'] ?? '');
      return emptyReply(204);
    }),
  ];
}
