import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The `electron` npm package downloads its binary the first time Node loads it, so only the marked wiring files
 * may value-import it (and nothing a test loads for real). `import { type X }` counts as a value import: under
 * verbatimModuleSyntax it still emits `import {} from 'electron'`.
 */
const SRC = join(import.meta.dirname, '..', '..');
const VALUE_IMPORT = /^\s*import\s+(?!type\s)[^;]*?from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m;
const WIRING_MARK = /^\/\*\*\s*\n\s*\* WIRING — value-imports `electron`/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Comments may talk about `require('electron')`; only code counts. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const files = sourceFiles(SRC).map((path) => {
  const text = readFileSync(path, 'utf8');
  return { path: relative(SRC, path).replaceAll('\\', '/'), text, code: code(text) };
});

describe('electron import boundary', () => {
  it('only marked wiring files under main/electron (and the preload) value-import electron', () => {
    const offenders = files
      .filter((f) => VALUE_IMPORT.test(f.code))
      .filter((f) => !(f.path.startsWith('main/electron/') && WIRING_MARK.test(f.text)) && f.path !== 'preload/index.ts')
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('every file marked as wiring really is, so the mark stays meaningful', () => {
    const marked = files.filter((f) => WIRING_MARK.test(f.text));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((f) => !VALUE_IMPORT.test(f.code)).map((f) => f.path)).toEqual([]);
  });
});
