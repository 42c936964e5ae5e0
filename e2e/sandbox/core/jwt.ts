/**
 * Unsigned (`alg: none`) JWTs. msal-node decodes id_tokens without checking the signature, and the real
 * device-code docs show exactly this header, so the sandbox needs no key material.
 */
export function encodeUnsignedJwt(claims: Readonly<Record<string, unknown>>): string {
  const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'none' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${header}.${payload}.`;
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (payload === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
