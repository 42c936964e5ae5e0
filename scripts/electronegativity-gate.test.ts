import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AllowListSchema, judge, scan, type Finding } from './electronegativity-gate';

const finding = (id: string, file: string, line = 1): Finding => ({ id, file, line, severity: 'HIGH', confidence: 'FIRM', description: '' });
const entry = (check: string, file: string) => ({ check, file, reason: 'pinned by window-options.test.ts, see docs/security.md' });

describe('allow-list verdict', () => {
  it('fails each check with a finding nobody justified, and passes the rest', () => {
    const verdict = judge([finding('SANDBOX_JS_CHECK', 'main/a.ts'), finding('SANDBOX_JS_CHECK', 'main/b.ts'), finding('CSP_GLOBAL_CHECK', 'index.html')], [entry('SANDBOX_JS_CHECK', 'main/a.ts')], 41);
    expect(verdict.unjustified.map((f) => `${f.id} ${f.file}`)).toEqual(['SANDBOX_JS_CHECK main/b.ts', 'CSP_GLOBAL_CHECK index.html']);
    expect(verdict.tally).toEqual({ passed: 39, failed: 2, skipped: 0 });
  });

  it('matches on check and file, not line, so an edit above a justified call keeps it justified', () => {
    expect(judge([finding('OPEN_EXTERNAL_JS_CHECK', 'main/electron/main.ts', 120)], [entry('OPEN_EXTERNAL_JS_CHECK', 'main/electron/main.ts')], 41).tally.failed).toBe(0);
  });

  it('fails on an entry that no longer matches a finding, so the list cannot waive a future one unseen', () => {
    const verdict = judge([], [entry('SANDBOX_JS_CHECK', 'main/gone.ts')], 41);
    expect(verdict.stale).toHaveLength(1);
    expect(verdict.tally.failed).toBe(1);
  });

  it('refuses entries without a real reason', () => {
    expect(AllowListSchema.safeParse([{ check: 'SANDBOX_JS_CHECK', file: 'a.ts', reason: 'ok' }]).success).toBe(false);
    expect(AllowListSchema.safeParse([{ check: 'sandbox', file: 'a.ts', reason: 'x'.repeat(30) }]).success).toBe(false);
  });
});

describe('offline scan', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('finds a window that turns Node integration on and isolation off, with no network', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roomdeck-eng-'));
    dirs.push(dir);
    await writeFile(
      join(dir, 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const { findings, checksRun, errors } = await scan(dir);
    expect(errors).toEqual([]);
    expect(checksRun).toBeGreaterThan(30);
    const ids = findings.filter((f) => f.file === 'bad.ts').map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']));
    expect(judge(findings, [], checksRun).tally.failed).toBeGreaterThan(0);
  });
});
