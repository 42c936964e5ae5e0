import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusCases } from './corpus';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'links-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as IT would (`npm run --silent links -- FILE`), via the same tsx entry point. */
function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/main/links/cli.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('links CLI', () => {
  const sample = corpusCases().filter((c) => !c.tags.includes('hostile') && !c.tags.includes('junk')).slice(0, 40);

  it('prints one { provider, url } or null per input item, in order', () => {
    const run = cli([file('items.json', JSON.stringify(sample.map((c) => c.input)))]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(sample.map((c) => c.expect));
    expect(run.stderr).toBe('');
  });

  it('through `npm run --silent links -- FILE`, stdout is only the JSON array', () => {
    const items = [{ source: 'text', event: { text: 'Join: https://acme.my.webex.com/acme.my/j.php?MTID=m131f1588eb27afc298276f1cbf077a79.' } }, { source: 'text', event: { text: 'tel:+12065550100' } }];
    const run = spawnSync('npm', ['run', '--silent', 'links', '--', file('npm.json', JSON.stringify(items))], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ provider: 'webex', url: 'https://acme.my.webex.com/acme.my/j.php?MTID=m131f1588eb27afc298276f1cbf077a79' }, null]);
  });

  it('prints null and a stderr note for a bad item, goes on, and exits 1', () => {
    const items = [{ source: 'text', event: { text: 'https://meet.google.com/uqv-izgo-llf' } }, { source: 'ical', event: {} }, 7, { source: 'text', event: { text: 'none' } }];
    const run = cli([file('mixed.json', JSON.stringify(items))]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([{ provider: 'meet', url: 'https://meet.google.com/uqv-izgo-llf' }, null, null, null]);
    expect(run.stderr).toMatch(/item 1 \(0-based\): .*printing null/);
    expect(run.stderr).toMatch(/item 2 /);
    expect(run.stderr).not.toMatch(/item 3/);
  });

  it('reads a file saved with a UTF-8 byte-order mark', () => {
    const run = cli([file('bom.json', `\ufeff${JSON.stringify([{ source: 'text', event: { text: 'Join https://meet.jit.si/AcmeSync.' } }])}`)]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ provider: 'jitsi', url: 'https://meet.jit.si/AcmeSync' }]);
    expect(run.stderr).toBe('');
  });

  it('with --explain prints candidates, ranks and reasons', () => {
    const items = [{ source: 'text', event: { text: 'Join https://acme.zoom.us/j/81234567890 or https://evil-zoom.us/j/1' } }];
    const run = cli(['--explain', file('explain.json', JSON.stringify(items))]);
    expect(run.status).toBe(0);
    const [detection] = JSON.parse(run.stdout) as [{ join: unknown; candidates: { rank: number; reason: string }[]; rejected: { reason: string }[] }];
    expect(detection.join).toEqual({ provider: 'zoom', url: 'https://acme.zoom.us/j/81234567890' });
    expect(detection.candidates[0]).toMatchObject({ rank: 1, reason: expect.stringMatching(/^chosen: /) });
    expect(detection.rejected[0]?.reason).toMatch(/look-alike/);
  });

  it.each([
    ['a missing file', () => [join(dir, 'nope.json')], /cannot read/],
    ['invalid JSON', () => [file('bad.json', '[{"source": ')], /not valid JSON/],
    ['a non-array', () => [file('object.json', '{"source":"text"}')], /must contain a JSON array/],
    ['no file', () => [], /no FILE given/],
    ['an unknown option', () => ['--fast', file('ok.json', '[]')], /unknown option --fast/],
  ])('exits 2 with a clear message on %s', (_what, args, message) => {
    const run = cli(args());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/usage: npm run --silent links -- FILE/);
  });
});
