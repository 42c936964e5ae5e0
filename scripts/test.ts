import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sandboxTlsEnv } from './sandbox-tls-env';

/**
 * `npm test`: every suite, one summary. Checks (build, typecheck, lint) count as one test each; Vitest and
 * Playwright report their own counts through their JSON reporters. The last line is `N passed, N failed, N skipped`.
 */
interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const REPORTS = join(process.cwd(), '.cache', 'reports');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

async function check(name: string, command: string, args: string[]): Promise<Tally> {
  process.stdout.write(`\n── ${name}\n`);
  const ok = (await run(command, args)) === 0;
  process.stdout.write(`${ok ? '✓' : '✗'} ${name}\n`);
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

async function vitest(env: NodeJS.ProcessEnv): Promise<Tally> {
  process.stdout.write('\n── unit + integration (Vitest)\n');
  const out = join(REPORTS, 'vitest.json');
  const code = await run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  const report = (await readJson(out)) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const failed = report.numFailedTests ?? 0;
  // A suite that fails to load has no failed *tests*; the exit code still says it failed.
  return { passed: report.numPassedTests ?? 0, failed: failed || (code === 0 ? 0 : 1), skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

async function playwright(env: NodeJS.ProcessEnv): Promise<Tally> {
  process.stdout.write('\n── end-to-end (Playwright, Debian Chromium)\n');
  const out = join(REPORTS, 'playwright.json');
  const code = await run('playwright', ['test', '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const report = (await readJson(out)) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0 };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  return { passed: expected + flaky, failed: unexpected || (code === 0 ? 0 : 1), skipped };
}

/** The Electronegativity gate counts each of its checks (failed: one with a finding the allow-list does not justify). */
async function electronegativity(): Promise<Tally> {
  process.stdout.write('\n── Electron security scan (Electronegativity + reviewed allow-list)\n');
  const code = await run('tsx', ['scripts/electronegativity.ts']);
  const report = (await readJson(join(REPORTS, 'electronegativity.json'))) as Partial<Tally> | null;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  return { passed: report.passed ?? 0, failed: report.failed || (code === 0 ? 0 : 1), skipped: report.skipped ?? 0 };
}

function add(a: Tally, b: Tally): Tally {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    process.stderr.write(`Roomdeck needs Node 24 (found ${process.version}). Run it through npm (\`npm test\`): npm puts node_modules/.bin/node (Node 24, from the "node" devDependency) first on PATH.\n`);
    process.exit(2);
  }
  await rm(REPORTS, { recursive: true, force: true });
  await mkdir(REPORTS, { recursive: true });
  let total: Tally = { passed: 0, failed: 0, skipped: 0 };
  total = add(total, await check('build', 'tsx', ['scripts/build.ts']));
  total = add(total, await check('typecheck (main, preload, e2e)', 'tsc', ['-p', 'tsconfig.node.json', '--noEmit']));
  total = add(total, await check('typecheck (renderer, shared)', 'tsc', ['-p', 'tsconfig.web.json', '--noEmit']));
  total = add(total, await check('lint (ESLint, layer boundaries)', 'eslint', ['.']));
  total = add(total, await electronegativity());
  const env = await sandboxTlsEnv();
  total = add(total, await vitest(env));
  total = add(total, await playwright(env));
  process.stdout.write(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  process.exit(total.failed === 0 ? 0 : 1);
}

await main();
