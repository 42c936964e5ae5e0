import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One row of a seed table: a room feature and the scopes the seed says it needs. */
interface SeedRow {
  provider: ProviderId;
  source: string;
  feature: string;
  scopes: string[];
}

/** The seed documents live in shared/, beside the repository (the issue names them by their prefix). */
function seedText(prefix: string): { name: string; text: string } {
  const dir = join(root, '..', 'shared', 'seeds');
  const name = readdirSync(dir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}* in ${dir}`);
  return { name, text: readFileSync(join(dir, name), 'utf8') };
}

const SEED_PROVIDERS: Readonly<Record<string, ProviderId>> = {
  'Microsoft 365': 'microsoft',
  'Google Workspace': 'google',
  Zoom: 'zoom',
  'Cisco Webex': 'webex',
  Dropbox: 'dropbox',
};

/** The seed writes Google scopes as `auth/calendar.readonly`; we request their full URL form. */
function seedScope(token: string): string {
  return token.startsWith('auth/') ? `https://www.googleapis.com/${token}` : token;
}

/**
 * Seed 000 (the knowledge-base page as text): after the page title, a provider name, the table's two header cells,
 * then feature and scope lines in turn, up to the page footer ("Previous…").
 */
function mainSeedRows(): SeedRow[] {
  const { name, text } = seedText('000_');
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const start = lines.indexOf('Mago Room OAuth scopes');
  const end = lines.findIndex((line, i) => i > start && line.startsWith('Previous'));
  if (start < 0 || end < 0) throw new Error(`${name}: the scope tables were not found`);
  const rows: SeedRow[] = [];
  let provider: ProviderId | null = null;
  let feature: string | null = null;
  for (const line of lines.slice(start + 1, end)) {
    if (SEED_PROVIDERS[line]) [provider, feature] = [SEED_PROVIDERS[line], null];
    else if (/ feature$/.test(line) || line.startsWith('Required scopes')) continue;
    else if (!provider) throw new Error(`${name}: a row before any provider: ${line}`);
    else if (feature === null) feature = line;
    else {
      rows.push({ provider, source: name, feature, scopes: line.split(/[\s,]+/).filter(Boolean).map(seedScope) });
      feature = null;
    }
  }
  return rows;
}

/** Seed 001 (Markdown): a two-column table of Webex features and their scopes in `code` spans. */
function webexSeedRows(): SeedRow[] {
  const { name, text } = seedText('001_');
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line) && !line.includes('Required Scope'))
    .map((line) => {
      const [feature = '', scopes = ''] = line.split('|').slice(1, -1);
      const codes = [...scopes.matchAll(/<code>(.*?)<\/code>|`([^`]+)`/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/\\_/g, '_'));
      return { provider: 'webex' as const, source: name, feature: feature.replace(/<[^>]+>/g, ' ').trim(), scopes: codes.flatMap((c) => c.split(/\s+/)) };
    });
}

const SEED_ROWS: readonly SeedRow[] = [...mainSeedRows(), ...webexSeedRows()];

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

/**
 * The catalog entry a seed row became: the one that requests exactly the row's scopes, or that records them as
 * `seedScopes` because the real API needs others (Webex's instant meeting is both: seed 000 lists its one scope,
 * seed 001 the three we do not all ask for). A row with no such entry, or with two, is a mistake.
 */
function entriesFor(row: SeedRow): FeatureDef[] {
  return featuresOf(row.provider).filter((f) => sameSet(f.scopes, row.scopes) || (f.seedScopes !== undefined && sameSet(f.seedScopes, row.scopes)));
}

/** Requirement closure computed independently of the module under test. */
function closure(id: FeatureId, seen: Set<FeatureId> = new Set()): Set<FeatureId> {
  if (seen.has(id)) return seen;
  seen.add(id);
  for (const r of featureById(id).requires) closure(r, seen);
  return seen;
}

describe('feature catalog', () => {
  it('reads every row of both seed tables (a parser that drops rows must not pass silently)', () => {
    const perProvider = (source: string) =>
      Object.fromEntries(ProviderIdSchema.options.map((p) => [p, SEED_ROWS.filter((r) => r.source.startsWith(source) && r.provider === p).length]));
    expect(perProvider('000_')).toEqual({ microsoft: 8, google: 5, zoom: 4, webex: 3, dropbox: 2 });
    expect(perProvider('001_')).toEqual({ microsoft: 0, google: 0, zoom: 0, webex: 4, dropbox: 0 });
    for (const row of SEED_ROWS) {
      expect(row.feature.split(' ').length, row.feature).toBeGreaterThan(2);
      expect(row.scopes.length, row.feature).toBeGreaterThan(0);
      for (const scope of row.scopes) expect(scope, row.feature).toMatch(/^(https:\/\/www\.googleapis\.com\/auth\/[a-z.]+|[A-Za-z_]+([.:][A-Za-z_]+)*)$/);
    }
  });

  it('maps every seed row to exactly one catalog entry, and no two rows of one table to the same entry', () => {
    for (const source of new Set(SEED_ROWS.map((r) => r.source))) {
      const mapped = SEED_ROWS.filter((r) => r.source === source).map((row) => {
        const entries = entriesFor(row);
        expect(entries.map((f) => f.id), `${row.provider}: ${row.feature}`).toHaveLength(1);
        return entries[0]?.id;
      });
      expect(new Set(mapped).size, source).toBe(mapped.length);
    }
  });

  it('cites the API documentation for every departure from the seed and every entry the seed has no row for', () => {
    const fromSeed = new Set(SEED_ROWS.flatMap((row) => entriesFor(row).map((f) => f.id)));
    for (const f of features) {
      const departs = f.seedScopes !== undefined || !fromSeed.has(f.id);
      if (f.seedScopes) expect(sameSet(f.seedScopes, f.scopes), `${f.id} seedScopes`).toBe(false);
      if (!departs) continue;
      expect(f.docs?.length ?? 0, `${f.id} docs`).toBeGreaterThan(0);
      for (const url of f.docs ?? []) expect(url, f.id).toMatch(/^https:\/\/[a-z.-]+\/\S+$/);
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
    for (const seed of SEED_ROWS) {
      const [entry] = entriesFor(seed);
      expect(rows, `${seed.provider}: ${seed.feature}`).toContainEqual({ provider: seed.provider, feature: entry?.feature, scopes: entry?.scopes, why: entry?.why });
    }
  });
});
