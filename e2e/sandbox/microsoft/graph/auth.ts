import { bearerToken, type Reply, type SandboxRequest } from '../../core/http';
import type { DirectoryUser } from '../directory';
import { hasAnyScope } from '../scopes';
import type { GraphContext } from './context';
import { graphErrorNamed, type GraphErrorName } from './errors';

export interface Principal {
  readonly user: DirectoryUser;
  readonly scopes: readonly string[];
}

export type AuthResult = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reply: Reply };

const CHALLENGE = {
  // What Graph sends with a 401, so clients that read the challenge see a realistic one.
  'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
};

const STATE_ERRORS: Readonly<Record<'unknown' | 'expired' | 'revoked', GraphErrorName>> = {
  unknown: 'tokenMalformed',
  expired: 'tokenExpired',
  revoked: 'tokenRevoked',
};

export function authenticate(ctx: GraphContext, req: SandboxRequest): AuthResult {
  const token = bearerToken(req);
  if (token === null) return { ok: false, reply: graphErrorNamed(req, ctx.clock, 'tokenMissing', CHALLENGE) };
  const grant = ctx.tokens.findAccess(token);
  const state = ctx.tokens.stateOf(grant);
  if (!grant || state !== 'live') return { ok: false, reply: graphErrorNamed(req, ctx.clock, STATE_ERRORS[state === 'live' ? 'unknown' : state], CHALLENGE) };
  const user = ctx.directory.find(grant.upn);
  if (!user) return { ok: false, reply: graphErrorNamed(req, ctx.clock, 'tokenMalformed', CHALLENGE) };
  return { ok: true, principal: { user, scopes: grant.scopes } };
}

/** Delegated permissions that let the signed-in user read calendars (the .Shared ones include the user's own). */
export const CALENDAR_SCOPES = {
  listOwn: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
  readOwn: ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
  readShared: ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
} as const;

export function hasScope(principal: Principal, anyOf: readonly string[]): boolean {
  return hasAnyScope(principal.scopes, anyOf);
}
