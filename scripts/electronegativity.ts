import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AllowListSchema, describeVerdict, judge, scan } from './electronegativity-gate';

/**
 * `npx tsx scripts/electronegativity.ts`: scans src/ with @doyensec/electronegativity and fails on any finding that
 * docs/electronegativity-allowlist.json does not justify (its own CLI always exits 0).
 * Writes `{ passed, failed, skipped }` to .cache/reports/electronegativity.json for `npm test`'s summary.
 */

const ROOT = process.cwd();
const SCANNED = join(ROOT, 'src');
const ALLOW_LIST = join(ROOT, 'docs', 'electronegativity-allowlist.json');
const REPORT = join(ROOT, '.cache', 'reports', 'electronegativity.json');

async function main(): Promise<void> {
  const allow = AllowListSchema.parse(JSON.parse(await readFile(ALLOW_LIST, 'utf8')));
  const { findings, checksRun, errors } = await scan(SCANNED);
  const verdict = judge(findings, allow, checksRun);
  // A file the scanner could not parse was not checked at all: that is a failure, not a pass.
  const parseFailures = errors.length;
  const tally = { ...verdict.tally, failed: verdict.tally.failed + (parseFailures > 0 ? 1 : 0) };
  await mkdir(dirname(REPORT), { recursive: true });
  await writeFile(REPORT, JSON.stringify(tally));
  const justified = findings.length - verdict.unjustified.length;
  process.stdout.write(`Electronegativity: ${checksRun} checks on ${resolve(SCANNED)}; ${findings.length} findings, ${justified} justified by the allow-list\n`);
  for (const line of describeVerdict(verdict)) process.stdout.write(`${line}\n`);
  if (parseFailures > 0) process.stdout.write(`✗ ${parseFailures} file(s) could not be parsed: ${JSON.stringify(errors).slice(0, 2000)}\n`);
  process.exit(tally.failed === 0 ? 0 : 1);
}

await main();
