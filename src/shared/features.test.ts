import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addedScopes,
  catalogRows,
  FEATURE_IDS,
  featureById,
  features,
  featuresOf,
  scopesFor,
  type FeatureDef,
  type FeatureId,
} from './features';
import { ProviderIdSchema, type ProviderId } from './model';

const g = (name: string): string => `https://www.googleapis.com/auth/${name}`;

/** The seed tables, row by row (000: Mago Room OAuth scopes; 001: Mago's Webex App Hub page). */
const SEED_ROWS: ReadonlyArray<{ provider: ProviderId; row: string; scopes: readonly string[] }> = [
  { provider: 'microsoft', row: 'sign in, room name and address', scopes: ['openid', 'profile'] },
  { provider: 'microsoft', row: 'room calendar agenda', scopes: ['Calendars.Read', 'Calendars.Read.Shared'] },
  { provider: 'microsoft', row: 'parse invitation URLs from the mailbox', scopes: ['Mail.Read'] },
  {
    provider: 'microsoft',
    row: 'instant meeting + book the room',
    scopes: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared', 'OnlineMeetings.ReadWrite'],
  },
  { provider: 'microsoft', row: 'directory search', scopes: ['User.Read'] },
  { provider: 'microsoft', row: "send from the room's mailbox", scopes: ['Mail.Send'] },
  { provider: 'microsoft', row: 'stay signed in', scopes: ['offline_access'] },
  { provider: 'microsoft', row: 'OneDrive files', scopes: ['Files.ReadWrite.All'] },
  { provider: 'google', row: 'sign in, room name and address', scopes: [g('userinfo.email')] },
  { provider: 'google', row: 'room calendar agenda', scopes: [g('calendar.readonly'), g('calendar.events')] },
  { provider: 'google', row: 'instant meeting + book the room', scopes: [g('calendar.events')] },
  { provider: 'google', row: 'directory search', scopes: [g('contacts.readonly'), g('contacts.other.readonly')] },
  { provider: 'google', row: 'Drive files', scopes: [g('drive'), g('drive.file')] },
  { provider: 'zoom', row: 'sign in, name and email', scopes: ['user:read'] },
  { provider: 'zoom', row: 'instant meeting link', scopes: ['meeting:write'] },
  { provider: 'zoom', row: 'directory search', scopes: ['contact:read'] },
  { provider: 'zoom', row: 'revoke on disconnect', scopes: ['user:write'] },
  { provider: 'webex', row: 'instant meeting + book the room', scopes: ['meeting:schedules_write'] },
  { provider: 'webex', row: 'check for overlapping meetings', scopes: ['meeting:schedules_read'] },
  { provider: 'webex', row: 'directory search', scopes: ['spark:people_read'] },
  {
    provider: 'webex',
    row: '001: start/end instant meeting',
    scopes: ['meeting:schedules_read', 'meeting:schedules_write', 'meeting:preferences_read'],
  },
  { provider: 'webex', row: '001: meeting controls', scopes: ['meeting:controls_read'] },
  { provider: 'webex', row: '001: meeting participants', scopes: ['meeting:participants_read'] },
  {
    provider: 'webex',
    row: '001: built-in web client',
    scopes: [
      'spark:all',
      'spark:calls_read',
      'spark:devices_read',
      'spark:devices_write',
      'spark:organizations_read',
      'spark:places_read',
      'analytics:read_all',
    ],
  },
  { provider: 'dropbox', row: 'Dropbox files', scopes: ['files.metadata.write', 'files.content.write'] },
  { provider: 'dropbox', row: 'sign in, name and email', scopes: ['account_info.read'] },
];

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

/** Requirement closure computed independently of the module under test. */
function closure(id: FeatureId, seen: Set<FeatureId> = new Set()): Set<FeatureId> {
  if (seen.has(id)) return seen;
  seen.add(id);
  for (const r of featureById(id).requires) closure(r, seen);
  return seen;
}

describe('feature catalog', () => {
  it('covers every seed row: an entry requests the scopes, or documents the deviation in seedScopes', () => {
    for (const seed of SEED_ROWS) {
      const covering = featuresOf(seed.provider).find(
        (f) =>
          seed.scopes.every((s) => scopesFor(seed.provider, [f.id]).includes(s)) ||
          (f.seedScopes !== undefined && sameSet(f.seedScopes, seed.scopes)),
      );
      expect(covering, `${seed.provider}: ${seed.row}`).toBeDefined();
    }
  });

  it('documents only real deviations, each traceable to a seed row', () => {
    for (const f of features.filter((x): x is FeatureDef & { seedScopes: readonly string[] } => !!x.seedScopes)) {
      expect(sameSet(f.seedScopes, f.scopes), f.id).toBe(false);
      const row = SEED_ROWS.find((r) => r.provider === f.provider && sameSet(r.scopes, f.seedScopes));
      expect(row, `${f.id} seedScopes`).toBeDefined();
    }
  });

  it('has one entry per id, in FEATURE_IDS order, each id prefixed by its provider', () => {
    expect(features.map((f) => f.id)).toEqual([...FEATURE_IDS]);
    expect(new Set(features.map((f) => f.id)).size).toBe(features.length);
    for (const f of features) expect(f.id.startsWith(`${f.provider}.`), f.id).toBe(true);
  });

  it('has a short feature, why and how for every entry, and no duplicate scope within one', () => {
    for (const f of features) {
      for (const text of [f.feature, f.why, f.how]) {
        expect(text.trim().length, f.id).toBeGreaterThan(10);
        expect(text.length, f.id).toBeLessThanOrEqual(140);
        expect(text, f.id).not.toContain('\n');
      }
      expect(new Set(f.scopes).size, f.id).toBe(f.scopes.length);
    }
  });

  it('writes Google scopes in full URL form and Graph scopes bare', () => {
    for (const s of featuresOf('google').flatMap((f) => f.scopes)) {
      expect(s === 'openid' || s.startsWith('https://www.googleapis.com/auth/'), s).toBe(true);
    }
    for (const s of featuresOf('microsoft').flatMap((f) => f.scopes)) expect(s).not.toMatch(/^https?:/);
  });

  it('resolves every requirement to a feature of the same provider, without cycles', () => {
    for (const f of features) {
      for (const r of f.requires) {
        expect(FEATURE_IDS, `${f.id} requires ${r}`).toContain(r);
        expect(featureById(r).provider, `${f.id} requires ${r}`).toBe(f.provider);
      }
      const onPath = new Set<FeatureId>();
      const visit = (id: FeatureId): void => {
        expect(onPath.has(id), `cycle through ${id}`).toBe(false);
        onPath.add(id);
        for (const r of featureById(id).requires) visit(r);
        onPath.delete(id);
      };
      visit(f.id);
    }
  });

  it("makes every provider's features require its sign-in, which is always on", () => {
    for (const provider of ProviderIdSchema.options) {
      const signIn = featureById(`${provider}.sign-in`);
      expect(signIn.alwaysOn).toBe(true);
      expect(signIn.requires).toEqual([]);
      for (const f of featuresOf(provider)) expect(closure(f.id).has(signIn.id), f.id).toBe(true);
    }
  });

  it('featureById throws for an unknown id', () => {
    expect(() => featureById('microsoft.teleport' as FeatureId)).toThrow(/Unknown feature/);
  });
});

describe('scopesFor', () => {
  it('asks for nothing when nothing is enabled', () => {
    for (const provider of ProviderIdSchema.options) expect(scopesFor(provider, [])).toEqual([]);
  });

  it("yields exactly one feature's scopes plus its requirements', sorted and deduplicated", () => {
    for (const f of features) {
      const expected = [...new Set([...closure(f.id)].flatMap((id) => featureById(id).scopes))].sort();
      expect(scopesFor(f.provider, [f.id]), f.id).toEqual(expected);
    }
  });

  it('is what the sandbox should see on the wire for typical rooms', () => {
    expect(scopesFor('microsoft', ['microsoft.calendar'])).toEqual([
      'Calendars.Read',
      'Calendars.Read.Shared',
      'offline_access',
      'openid',
      'profile',
    ]);
    expect(scopesFor('google', ['google.instant-meeting'])).toEqual([
      g('calendar.events'),
      g('calendar.readonly'),
      g('userinfo.email'),
      'openid',
    ]);
    expect(scopesFor('zoom', ['zoom.revoke'])).toEqual(['user:read:user']);
    expect(scopesFor('webex', ['webex.participants'])).toEqual([
      'email',
      'meeting:participants_read',
      'meeting:schedules_read',
      'openid',
      'profile',
    ]);
  });

  it('takes nothing from disabled features or from other providers', () => {
    const calendarOnly = scopesFor('microsoft', ['microsoft.calendar']);
    for (const off of ['Mail.Read', 'Mail.Send', 'User.ReadBasic.All', 'Files.ReadWrite.All', 'Calendars.ReadWrite']) {
      expect(calendarOnly).not.toContain(off);
    }
    expect(scopesFor('google', ['microsoft.calendar', 'zoom.instant-meeting'])).toEqual([]);
    expect(scopesFor('google', ['google.files'])).not.toContain(g('drive'));
  });

  it('is the union for several features, independent of order and repetition', () => {
    const a = scopesFor('webex', ['webex.directory', 'webex.instant-meeting', 'webex.directory']);
    const b = scopesFor('webex', ['webex.instant-meeting', 'webex.directory']);
    expect(a).toEqual(b);
    const separately = [...scopesFor('webex', ['webex.directory']), ...scopesFor('webex', ['webex.instant-meeting'])];
    expect(a).toEqual([...new Set(separately)].sort());
  });
});

describe('addedScopes', () => {
  it('asks an incremental consent for only what is not granted yet', () => {
    const granted = scopesFor('microsoft', ['microsoft.calendar']);
    expect(addedScopes('microsoft', granted, 'microsoft.instant-meeting')).toEqual([
      'Calendars.ReadWrite',
      'Calendars.ReadWrite.Shared',
      'OnlineMeetings.ReadWrite',
    ]);
    expect(addedScopes('microsoft', granted, 'microsoft.calendar')).toEqual([]);
    expect(addedScopes('google', [], 'google.directory')).toEqual([
      g('directory.readonly'),
      g('userinfo.email'),
      'openid',
    ]);
  });

  it('matches Graph scopes as Microsoft reports them (resource prefix, any case) and Google `email`', () => {
    const reported = ['openid', 'profile', 'offline_access', 'user.read', 'https://graph.microsoft.com/Calendars.Read'];
    expect(addedScopes('microsoft', reported, 'microsoft.calendar')).toEqual(['Calendars.Read.Shared']);
    expect(addedScopes('google', ['openid', 'email'], 'google.calendar')).toEqual([g('calendar.readonly')]);
  });

  it("refuses a feature of another provider", () => {
    expect(() => addedScopes('google', [], 'microsoft.calendar')).toThrow(/not a google feature/);
  });
});

describe('npm run features', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

  it('is the package script', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(pkg.scripts?.features).toBe('tsx src/main/config/features-cli.ts');
  });

  it('prints the catalog as JSON rows of { provider, feature, scopes, why } and nothing else', () => {
    const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const run = spawnSync(process.execPath, [tsx, 'src/main/config/features-cli.ts'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const rows: unknown = JSON.parse(run.stdout);
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toEqual(catalogRows());
    expect(rows).toEqual(
      features.map((f) => ({ provider: f.provider, feature: f.feature, scopes: [...f.scopes], why: f.why })),
    );
    for (const row of rows as object[]) expect(Object.keys(row)).toEqual(['provider', 'feature', 'scopes', 'why']);
  });
});
