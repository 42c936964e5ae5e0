import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/web-security';
import { resolveAppPath, serveAppRequest } from './app-protocol';

let root: string;
let renderer: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'roomdeck-app-protocol-'));
  renderer = join(root, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Roomdeck</title>');
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside');
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('serveAppRequest', () => {
  it('serves index.html for / with the CSP and no-sniff headers', async () => {
    const res = await serveAppRequest('GET', 'app://roomdeck/', renderer);
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(Buffer.from(res.body).toString()).toContain('<title>Roomdeck</title>');
  });

  it('serves built assets with their type', async () => {
    const res = await serveAppRequest('GET', 'app://roomdeck/assets/index-abc.js?v=1', renderer);
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    expect((await serveAppRequest('GET', 'app://roomdeck/nope.js', renderer)).status).toBe(404);
    expect((await serveAppRequest('GET', 'app://roomdeck/assets/', renderer)).status).toBe(404);
    expect((await serveAppRequest('POST', 'app://roomdeck/index.html', renderer)).status).toBe(405);
  });

  it('never leaves the renderer folder or answers for another host', async () => {
    for (const url of [
      'app://roomdeck/../secret.txt',
      'app://roomdeck/%2e%2e/secret.txt',
      'app://roomdeck/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://roomdeck/..%5csecret.txt',
      'app://roomdeck/%00index.html',
      'app://roomdeck/%E0%A4%A',
      'app://other/index.html',
      'https://roomdeck/index.html',
    ]) {
      const res = await serveAppRequest('GET', url, renderer);
      expect(res.status, url).toBe(404);
      expect(Buffer.from(res.body).toString(), url).not.toContain('outside');
    }
  });
});

describe('resolveAppPath', () => {
  it('maps inside the renderer folder only', () => {
    expect(resolveAppPath('app://roomdeck/index.html', renderer)).toBe(join(renderer, 'index.html'));
    expect(resolveAppPath('app://roomdeck/assets/../index.html', renderer)).toBe(join(renderer, 'index.html'));
    // The URL parser already folds (encoded) dot segments at the root: this one stays inside.
    expect(resolveAppPath('app://roomdeck/%2e%2e/secret.txt', renderer)).toBe(join(renderer, 'secret.txt'));
    // Encoded slashes survive the parser and only become separators after decoding: caught by our own check.
    expect(resolveAppPath('app://roomdeck/assets/..%2f..%2fsecret.txt', renderer)).toBeNull();
    expect(resolveAppPath('app://roomdeck/..%2fsecret.txt', renderer)).toBeNull();
  });
});
