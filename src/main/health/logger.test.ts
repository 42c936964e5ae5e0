import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, createLogger, redact } from './logger';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJhdmVyeUBjb250b3NvLmNvbSJ9.c2lnbmF0dXJlLXZhbHVl';
const MS_REFRESH = '0.AXEAdeadbeef-refresh-token-value_with.dots';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>), () => new Date('2026-11-22T10:00:00Z'));
  return { log, lines };
}

describe('redact', () => {
  it.each([
    ['an Authorization header', `GET /me Authorization: Bearer ${JWT}`, [JWT, 'eyJwcmVm']],
    ['a Basic credential', 'Authorization: Basic cm9vbTpodW50ZXIy', ['cm9vbTpodW50ZXIy']],
    ['tokens in a query string', `https://127.0.0.1/cb?access_token=${MS_REFRESH}&state=1`, [MS_REFRESH]],
    ['a refresh token in a form body', `grant_type=refresh_token&refresh_token=${MS_REFRESH}&client_id=abc`, [MS_REFRESH]],
    ['an authorization code in a redirect', 'http://localhost:3874/?code=M.C105_BAY.2.U.abc-def&state=xyz', ['M.C105_BAY']],
    ['a token in JSON', `{"token_type":"Bearer","access_token":"${MS_REFRESH}","refresh_token" : "r-123456"}`, [MS_REFRESH, 'r-123456']],
    ['a token in a message', `token refresh failed; refresh_token: ${MS_REFRESH}`, [MS_REFRESH]],
    ['a Google access token', 'sent ya29.a0AfH6SMBx-long_token.value to /calendar', ['a0AfH6SMBx']],
    ['a Google refresh token', 'stored 1//0gLongRefreshTokenValue-abc for later', ['0gLongRefreshTokenValue']],
    ['a JWT cut short', `id_token was ${JWT.slice(0, 60)}`, ['eyJwcmVm']],
    ['a client secret', 'client_secret=GOCSPX-s3cr3t&x=1', ['GOCSPX-s3cr3t']],
    ['a device code', 'device_code=DAQABAAEAAAD--5ZwZ and user_code=F7KQ2', ['DAQABAAEAAAD', 'F7KQ2']],
    ['an email address', 'invite from Avery.Chen+rooms@contoso.com failed', ['Avery.Chen', 'Avery']],
  ])('removes %s', (_what, input, secrets) => {
    const out = redact(input);
    for (const secret of secrets) expect(out).not.toContain(secret);
  });

  it('keeps what IT needs to read', () => {
    expect(redact('invite from avery@contoso.com failed')).toBe('invite from [email]@contoso.com failed');
    expect(redact('Graph answered status code: 429 after 3 retries')).toBe('Graph answered status code: 429 after 3 retries');
    expect(redact('grant_type=refresh_token&client_id=abc')).toBe('grant_type=refresh_token&client_id=abc');
  });

  it('caps a huge field and stays fast on input built to make regexes backtrack', () => {
    const hostile = [`${'a.'.repeat(500_000)}`, `${'a'.repeat(1_000_000)}@`, `Bearer ${'x'.repeat(1_000_000)}`, `${'eyJ'.repeat(300_000)}`, `code=${'%'.repeat(1_000_000)}`];
    const started = performance.now();
    for (const text of hostile) expect(redact(text).length).toBeLessThan(MAX_FIELD_CHARS + 100);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('createLogger', () => {
  it('writes one JSON object per line, with secrets and people removed by field name and by content', () => {
    const { log, lines } = capture();
    log.warn('auth.refresh-failed', { provider: 'microsoft', refreshToken: 'plain-looking', username: 'avery@contoso.com', error: `400 Bearer ${JWT}`, status: 400 });
    expect(lines).toEqual([
      { t: '2026-11-22T10:00:00.000Z', level: 'warn', event: 'auth.refresh-failed', provider: 'microsoft', refreshToken: '[redacted]', username: '[person]', error: '400 Bearer [jwt]', status: 400 },
    ]);
  });

  it('does not let a field forge the level, time or event, nor break out of its line', () => {
    const { log, lines } = capture();
    log.info('sync.done', { level: 'error', t: 'yesterday', event: 'fake', note: 'line one\n{"level":"error"}' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', t: '2026-11-22T10:00:00.000Z', event: 'sync.done', note: 'line one\n{"level":"error"}' });
  });
});
