import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PolicyReport } from '../../shared/model';
import { parseKioskConfig } from '../config/kiosk-config';
import { silentLogger } from '../health/logger';
import { systemClock } from '../ports';
import { parsePolicyText } from './policy-file';
import { resolvePolicyPath } from './policy-path';
import { policyFieldTable, policyJsonSchema } from './policy-reference';
import { PolicyService } from './policy-service';
import { NO_POLICY, type Policy } from './policy-schema';
import { resolveRoomSettings, withPolicyAccounts } from './room-settings';

const config = parseKioskConfig(
  { microsoft: { clientId: 'install-app', authority: 'https://login.example/organizations' }, display: { language: 'en' }, privacy: { hideSubjects: false, hideOrganizers: true }, admin: { pinHash: 'scrypt$1$1$1$aW5zdGFsbA==$aW5zdGFsbA==' } },
  'test',
);
const policyOf = (p: Omit<Policy, 'version'>): Policy => ({ version: 1, ...p });

describe('policy precedence: policy > local admin settings > install defaults', () => {
  it('takes each value from the first source that sets it, and locks exactly what the policy sets', () => {
    const local = { language: 'it' as const, timeZone: 'Europe/Rome', privacy: { hideSubjects: true }, pinHash: 'scrypt$1$1$1$bG9jYWw=$bG9jYWw=' };
    const none = resolveRoomSettings(config, {}, NO_POLICY, 'UTC');
    expect(none.values).toMatchObject({ language: 'en', timeZone: 'UTC', privacy: { hideSubjects: false, hideOrganizers: true }, pinHash: config.admin?.pinHash });
    expect(none.managed).toEqual([]);

    const admin = resolveRoomSettings(config, local, NO_POLICY, 'UTC');
    expect(admin.values).toMatchObject({ language: 'it', timeZone: 'Europe/Rome', privacy: { hideSubjects: true, hideOrganizers: true }, pinHash: local.pinHash });

    const it_ = resolveRoomSettings(config, local, policyOf({ display: { language: 'en' }, privacy: { hideSubjects: false }, admin: { pinHash: 'scrypt$1$1$1$cG9saWN5$cG9saWN5' } }), 'UTC');
    expect(it_.values).toMatchObject({ language: 'en', timeZone: 'Europe/Rome', privacy: { hideSubjects: false, hideOrganizers: true }, pinHash: 'scrypt$1$1$1$cG9saWN5$cG9saWN5' });
    expect(it_.managed.sort()).toEqual(['adminPin', 'language', 'privacy.hideSubjects']);
  });

  it('locks features on and off over the install’s list, and names the policy’s app registration and tenant', () => {
    const { values } = resolveRoomSettings(config, {}, policyOf({ features: { 'microsoft.calendar': 'off', 'microsoft.meeting-links': 'on' } }), 'UTC');
    expect(values.features).toEqual({ on: ['microsoft.sign-in', 'microsoft.meeting-links'], off: ['microsoft.calendar'] });
    const accounts = withPolicyAccounts(config, policyOf({ microsoft: { clientId: 'policy-app', tenant: 'contoso.onmicrosoft.com' } }));
    expect(accounts.microsoft).toMatchObject({ clientId: 'policy-app', authority: 'https://login.example/contoso.onmicrosoft.com' });
  });
});

describe('policy file validation', () => {
  it('reports bad JSON with its line', () => {
    const read = parsePolicyText('{\n  "version": 1,\n  "display": { "language": "it", }\n}');
    expect(read.kind).toBe('bad');
    if (read.kind === 'bad') expect(read.problems[0]).toMatchObject({ field: null, line: 3, message: expect.stringMatching(/^not valid JSON/) });
  });

  it('refuses another version, saying which one it reads', () => {
    const read = parsePolicyText('{ "version": 2 }');
    expect(read).toEqual({ kind: 'bad', problems: [{ field: 'version', line: 1, message: 'version 2 is not supported (this Roomdeck reads version 1)' }] });
  });

  it('reports a file cut off mid-write (partial) at its last line', () => {
    const read = parsePolicyText('{\n  "version": 1,\n  "privacy": { "hideSub');
    expect(read.kind).toBe('bad');
    if (read.kind === 'bad') expect(read.problems[0]?.line).toBe(3);
  });

  it('names unknown keys and bad values with field and line', () => {
    const read = parsePolicyText('{\n  "version": 1,\n  "privacy": {\n    "hideSubject": true\n  },\n  "room": { "timeZone": "Mars/Olympus" }\n}');
    expect(read).toEqual({
      kind: 'bad',
      problems: expect.arrayContaining([
        { field: 'privacy.hideSubject', line: 4, message: 'unknown setting (misspelt, or newer than this Roomdeck)' },
        { field: 'room.timeZone', line: 6, message: 'not an IANA time zone (e.g. Europe/Rome)' },
      ]),
    });
  });

  it('lives where each OS keeps machine-wide settings unless a flag or the environment says otherwise', () => {
    expect(resolvePolicyPath(undefined, { ProgramData: 'D:\\PD' }, 'win32')).toBe('D:\\PD\\Roomdeck\\policy.json');
    expect(resolvePolicyPath(undefined, {}, 'linux')).toBe('/etc/roomdeck/policy.json');
    expect(resolvePolicyPath(undefined, {}, 'darwin')).toBe('/Library/Application Support/Roomdeck/policy.json');
    expect(resolvePolicyPath(undefined, { ROOMDECK_POLICY: '/tmp/p.json' }, 'linux')).toBe('/tmp/p.json');
    expect(resolvePolicyPath('/x/p.json', { ROOMDECK_POLICY: '/tmp/p.json' }, 'linux')).toBe('/x/p.json');
  });
});

describe('PolicyService', () => {
  const services: PolicyService[] = [];
  afterEach(() => services.splice(0).forEach((s) => s.close()));

  async function setUp(text: string | null) {
    const dir = await mkdtemp(join(tmpdir(), 'rd-policy-'));
    const path = join(dir, 'policy.json');
    if (text !== null) await writeFile(path, text);
    const problems: PolicyReport[] = [];
    const service = new PolicyService({ path, dataDir: join(dir, 'data'), clock: systemClock, log: silentLogger, pollMs: 50, debounceMs: 20 });
    services.push(service);
    service.onProblem((r) => problems.push(r));
    await service.load();
    return { dir, path, service, problems };
  }

  it('without a file locks nothing', async () => {
    const { service, problems } = await setUp(null);
    expect(service.current()).toEqual(NO_POLICY);
    expect(service.report()).toMatchObject({ status: 'none', inForce: 'none', problems: [] });
    expect(problems).toEqual([]);
  });

  it('keeps the last good policy in force when the file turns bad, and reports it to the health port', async () => {
    const { dir, path, service, problems } = await setUp('{ "version": 1, "display": { "language": "it" } }');
    expect(service.report()).toMatchObject({ status: 'ok', inForce: 'file', version: 1 });
    expect(JSON.parse(await readFile(join(dir, 'data', 'policy.last-good.json'), 'utf8'))).toEqual({ version: 1, display: { language: 'it' } });

    await writeFile(path, '{ "version": 1, "display": { "language": "fr" } }');
    await service.load();
    expect(service.current()).toEqual({ version: 1, display: { language: 'it' } });
    expect(service.report()).toMatchObject({ status: 'bad', inForce: 'last-good', problems: [{ field: 'display.language', line: 1 }] });
    expect(problems).toHaveLength(1);

    // A restart with the bad file still there starts from the last good copy too.
    const again = new PolicyService({ path, dataDir: join(dir, 'data'), clock: systemClock, log: silentLogger });
    await again.load();
    expect(again.current()).toEqual({ version: 1, display: { language: 'it' } });
  });

  it('with a bad file and no last good copy, nothing is locked and the report says so', async () => {
    const { service, problems } = await setUp('{ "version": 1, "features": ');
    expect(service.current()).toEqual(NO_POLICY);
    expect(service.report()).toMatchObject({ status: 'bad', inForce: 'none' });
    expect(problems).toHaveLength(1);
  });

  it('picks up a file IT changes while the kiosk runs', async () => {
    const { path, service } = await setUp('{ "version": 1 }');
    const changed = new Promise<Policy>((resolve) => service.onChange((policy) => policy.signInMethod && resolve(policy)));
    service.watch();
    // mtime has a one-second resolution on some file systems: a different size is what makes the change visible.
    await writeFile(path, '{ "version": 1, "signInMethod": "browser" }');
    expect(await changed).toEqual({ version: 1, signInMethod: 'browser' });
    expect(service.report()).toMatchObject({ status: 'ok', inForce: 'file' });
  });
});

describe('docs/policy.md', () => {
  it('carries the field reference generated from the schema', async () => {
    const doc = await readFile(join(process.cwd(), 'docs', 'policy.md'), 'utf8');
    expect(doc).toContain(policyFieldTable());
    expect(policyJsonSchema()).toMatchObject({ type: 'object', additionalProperties: false, required: ['version'] });
  });
});
