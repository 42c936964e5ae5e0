import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, rotatingFileWriter } from './log-file';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('rotating log file', () => {
  it('rotates before a line would pass the size limit and keeps only the newest N files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-log-'));
    const write = rotatingFileWriter(join(dir, 'roomdeck.log'), { maxBytes: 100, keep: 2 });
    for (let i = 0; i < 10; i++) write(`line ${i} ${'x'.repeat(40)}`); // 49 bytes each: two per file
    expect((await readdir(dir)).sort()).toEqual(['roomdeck.log', 'roomdeck.log.1', 'roomdeck.log.2']);
    const read = async (name: string) => (await readFile(join(dir, name), 'utf8')).split('\n').filter(Boolean).map((l) => l.slice(0, 6));
    expect(await read('roomdeck.log')).toEqual(['line 8', 'line 9']);
    expect(await read('roomdeck.log.1')).toEqual(['line 6', 'line 7']);
    expect(await read('roomdeck.log.2')).toEqual(['line 4', 'line 5']);
  });

  it('counts what a previous run left in the file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-log-'));
    const path = join(dir, 'roomdeck.log');
    rotatingFileWriter(path, { maxBytes: 100, keep: 1 })('a'.repeat(80));
    rotatingFileWriter(path, { maxBytes: 100, keep: 1 })('b'.repeat(30));
    expect(await readFile(join(dir, 'roomdeck.log.1'), 'utf8')).toBe(`${'a'.repeat(80)}\n`);
    expect(await readFile(path, 'utf8')).toBe(`${'b'.repeat(30)}\n`);
  });

  it('never throws when the file cannot be written', async () => {
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-log-'));
    const write = rotatingFileWriter(join(dir, 'missing-folder', 'roomdeck.log'));
    expect(() => write('still running')).not.toThrow();
  });

  it('is what the hosts log through: redacted JSON lines in <dataDir>/roomdeck.log', async () => {
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-log-'));
    createFileLogger(join(dir, 'data')).error('auth.failed', { error: 'refresh_token=abc123&x=1' });
    const line = JSON.parse(await readFile(join(dir, 'data', 'roomdeck.log'), 'utf8')) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', event: 'auth.failed', error: 'refresh_token=[redacted]&x=1' });
  });
});
