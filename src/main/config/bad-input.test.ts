import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deeplyNestedJson, prototypeIsClean } from '../bad-input.test-support';
import { ConfigError, loadKioskConfig } from './kiosk-config';

/** What IT may deploy by mistake: every file gets a ConfigError that says what to fix, never a crash or a silent default. */
async function configFile(content: string | Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'rd-bad-config-')), 'config.json');
  await writeFile(path, content);
  return path;
}

const GOOD = { microsoft: { clientId: '11111111-2222-3333-4444-555555555555' } };

const hostileFiles: [string, string | Buffer, RegExp][] = [
  ['an empty file', '', /not valid JSON/],
  ['a truncated object', '{ "microsoft": { "clientId": "abc"', /not valid JSON/],
  ['a comment (JSON has none)', '// Roomdeck\n{ "microsoft": { "clientId": "abc" } }', /not valid JSON/],
  ['bytes that are not UTF-8', Buffer.concat([Buffer.from('{ "microsoft": { "clientId": "ab'), Buffer.from([0xc3, 0x28]), Buffer.from('" } }')]), /not valid UTF-8/],
  ['a number where an object belongs', '{ "microsoft": 42 }', /microsoft/],
  ['a string for a number', '{ "microsoft": { "clientId": "abc" }, "pollSeconds": "30" }', /pollSeconds/],
  ['poll every millisecond', '{ "microsoft": { "clientId": "abc" }, "pollSeconds": 0.001 }', /pollSeconds/],
  ['an http authority', '{ "microsoft": { "clientId": "abc", "authority": "http://evil.example/common" } }', /microsoft\.authority/],
  ['an unknown key', '{ "microsoft": { "clientId": "abc" }, "rootShell": true }', /rootShell/],
  ['a __proto__ key', '{ "microsoft": { "clientId": "abc" }, "__proto__": { "polluted": true } }', /__proto__/],
  ['an array at the top', '[1, 2, 3]', /\(root\)/],
  ['null', 'null', /\(root\)/],
  ['100 000 levels of nesting', deeplyNestedJson(100_000), /not valid JSON|\(root\)|a/],
];

describe('bad input: kiosk config files', () => {
  it.each(hostileFiles)('%s: a ConfigError that names the problem', async (_what, content, names) => {
    const path = await configFile(content);
    const failure = await loadKioskConfig(path).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toContain(path);
    expect((failure as Error).message).toMatch(names);
    expect(prototypeIsClean()).toBe(true);
  });

  it('accepts a good file saved with a byte-order mark (Windows Notepad)', async () => {
    const config = await loadKioskConfig(await configFile(`\ufeff${JSON.stringify(GOOD)}`));
    expect(config.microsoft.clientId).toBe(GOOD.microsoft.clientId);
  });

  it('names every bad field at once, so IT fixes the file in one go', async () => {
    const path = await configFile(JSON.stringify({ microsoft: { clientId: '' }, pollSeconds: -1, display: { language: 'klingon' } }));
    await expect(loadKioskConfig(path)).rejects.toThrow(/microsoft\.clientId[\s\S]*pollSeconds[\s\S]*display\.language/);
  });
});
