import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseKioskConfig } from '../config/kiosk-config';
import { silentLogger } from '../health/logger';
import { MemoryVault } from './memory-vault';
import { newAuthorizationRequest, OAuth2Client } from './oauth2-client';
import { dropboxProfile, idTokenClaims, oauth2ProfilesFrom, webexProfile, zoomProfile } from './oauth2-profiles';

const credentials = { clientId: 'id-1', clientSecret: 'secret-1' };
const parse = (blocks: Record<string, unknown>) => parseKioskConfig({ microsoft: { clientId: 'ms' }, ...blocks }, 'test');

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.`;
}

describe('kiosk config blocks for Zoom, Webex and Dropbox', () => {
  it('default to the production endpoints', () => {
    const config = parse({ zoom: credentials, webex: credentials, dropbox: credentials });

    expect(config.zoom).toEqual({
      ...credentials,
      authorizeUrl: 'https://zoom.us/oauth/authorize',
      tokenUrl: 'https://zoom.us/oauth/token',
      revokeUrl: 'https://zoom.us/oauth/revoke',
      apiBaseUrl: 'https://api.zoom.us/v2',
    });
    expect(config.webex).toEqual({
      ...credentials,
      authorizeUrl: 'https://webexapis.com/v1/authorize',
      tokenUrl: 'https://webexapis.com/v1/access_token',
      apiBaseUrl: 'https://webexapis.com/v1',
    });
    expect(config.dropbox).toEqual({
      ...credentials,
      authorizeUrl: 'https://www.dropbox.com/oauth2/authorize',
      tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
      apiBaseUrl: 'https://api.dropboxapi.com/2',
      contentBaseUrl: 'https://content.dropboxapi.com/2',
    });
  });

  it('are optional: no block, no provider', () => {
    expect(oauth2ProfilesFrom(parse({}))).toEqual([]);
    expect(oauth2ProfilesFrom(parse({ dropbox: credentials })).map((p) => p.provider)).toEqual(['dropbox']);
  });

  it('refuse plain http endpoints, unknown keys and a missing secret', () => {
    expect(() => parse({ zoom: { ...credentials, tokenUrl: 'http://zoom.us/oauth/token' } })).toThrow(ConfigError);
    expect(() => parse({ webex: { ...credentials, revokeUrl: 'https://webexapis.com/v1/revoke' } })).toThrow(/webex/);
    expect(() => parse({ dropbox: { clientId: 'id-1' } })).toThrow(/dropbox\.clientSecret/);
  });
});

describe('authorize URLs', () => {
  const config = parse({ zoom: credentials, webex: credentials, dropbox: credentials });
  const urlFor = (profile: ReturnType<typeof zoomProfile>, scopes: string[]) => {
    const client = new OAuth2Client(profile, { vault: new MemoryVault(), clock: { now: () => new Date() }, log: silentLogger });
    const request = newAuthorizationRequest();
    return { request, url: new URL(client.authorizeUrl(scopes, 'http://127.0.0.1:4711/callback', request)) };
  };

  it('carry the space-separated scopes, state and an S256 PKCE challenge of the verifier', () => {
    const { request, url } = urlFor(zoomProfile(config.zoom ?? never()), ['user:read:user', 'meeting:write:meeting']);

    expect(url.origin + url.pathname).toBe('https://zoom.us/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'id-1',
      redirect_uri: 'http://127.0.0.1:4711/callback',
      scope: 'user:read:user meeting:write:meeting',
      state: request.state,
      code_challenge: createHash('sha256').update(request.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect(request.codeVerifier).toMatch(/^[\w-]{43,128}$/);
  });

  it('ask Dropbox for offline access (else no refresh token), and nothing extra of Zoom or Webex', () => {
    expect(urlFor(dropboxProfile(config.dropbox ?? never()), ['account_info.read']).url.searchParams.get('token_access_type')).toBe('offline');
    expect(urlFor(webexProfile(config.webex ?? never()), ['openid']).url.searchParams.has('token_access_type')).toBe(false);
  });
});

describe('Webex ID token claims', () => {
  const claims = { sub: 'person-1', email: 'room.webex@contoso.com', name: 'Boardroom 4', aud: 'id-1', iss: 'https://idbroker.webex.com/idb' };

  it('reads name and address from an ID token issued to this client', () => {
    expect(idTokenClaims(unsignedJwt(claims), 'id-1')).toMatchObject({ email: 'room.webex@contoso.com', name: 'Boardroom 4' });
    expect(idTokenClaims(unsignedJwt({ ...claims, aud: ['other', 'id-1'] }), 'id-1')).toMatchObject({ sub: 'person-1' });
  });

  it('refuses an ID token meant for another client, or one without an address', () => {
    expect(() => idTokenClaims(unsignedJwt({ ...claims, aud: 'other' }), 'id-1')).toThrow(/another client/);
    expect(() => idTokenClaims(unsignedJwt({ ...claims, email: undefined }), 'id-1')).toThrow();
    expect(() => idTokenClaims('not-a-jwt', 'id-1')).toThrow(/not a JWT/);
  });
});

function never(): never {
  throw new Error('config block missing');
}
