import { createRequire, Module } from 'node:module';
import { z } from 'zod';

/**
 * The Electronegativity gate: run the scanner offline, then decide which findings an allow-list justifies, which it
 * does not, and which allow-list entries no longer match anything (a stale entry would silently waive a future one).
 */

export interface Finding {
  id: string;
  /** Relative to the scanned folder, with forward slashes. */
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
}

export const AllowEntrySchema = z
  .object({
    check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id as Electronegativity prints it, e.g. CSP_GLOBAL_CHECK'),
    file: z.string().min(1),
    reason: z.string().min(20, 'say why the finding is safe, where the protection is'),
  })
  .strict();
export const AllowListSchema = z.array(AllowEntrySchema);
export type AllowEntry = z.infer<typeof AllowEntrySchema>;

export interface Verdict {
  unjustified: Finding[];
  stale: AllowEntry[];
  /** Checks that ran; one with an unjustified finding counts as failed, every other one as passed. */
  tally: { passed: number; failed: number; skipped: number };
}

/** Lines move with every edit, so an entry names the check and the file: any finding of that check there. */
function matches(entry: AllowEntry, finding: Finding): boolean {
  return entry.check === finding.id && entry.file === finding.file;
}

export function judge(findings: readonly Finding[], allow: readonly AllowEntry[], checksRun: number): Verdict {
  const unjustified = findings.filter((finding) => !allow.some((entry) => matches(entry, finding)));
  const stale = allow.filter((entry) => !findings.some((finding) => matches(entry, finding)));
  const failedChecks = new Set(unjustified.map((f) => f.id)).size + (stale.length > 0 ? 1 : 0);
  return { unjustified, stale, tally: { passed: Math.max(0, checksRun - failedChecks), failed: failedChecks, skipped: 0 } };
}

export function describeVerdict(verdict: Verdict): string[] {
  return [
    ...verdict.unjustified.map((f) => `✗ ${f.id} in ${f.file}:${f.line} (${f.severity}, ${f.confidence}) — not in the allow-list: fix it, or add a reviewed entry with the reason. ${f.description}`),
    ...verdict.stale.map((e) => `✗ allow-list entry ${e.check} for ${e.file} matches no finding any more: remove it`),
  ];
}

/** The Electron we ship (package.json), so version checks judge the real one, not a guess from the scan. */
const ELECTRON_VERSION = '45.4.1';
/** Downloads Electron's release list: impossible on the build machines, and item 16 is covered by the pin. */
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const RawIssueSchema = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number() }),
  severity: z.object({ name: z.string() }),
  confidence: z.object({ name: z.string() }),
  description: z.string().default(''),
});
const RunResultSchema = z.object({
  globalChecks: z.number().int(),
  atomicChecks: z.number().int(),
  errors: z.array(z.unknown()),
  issues: z.array(RawIssueSchema),
});

type RunOptions = Record<string, unknown>;

/**
 * Loads the scanner with its `got` replaced by an immediate failure: the only network use left is the optional
 * translation download, whose got-11 time-out path throws an uncaught error on Node 24 when there is no internet.
 */
function loadScanner(): (options: RunOptions, forCli: boolean) => Promise<unknown> {
  const require = createRequire(import.meta.url);
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = scannerRequire.resolve('got');
  const offline = new Module(gotPath);
  offline.filename = gotPath;
  offline.loaded = true;
  offline.exports = () => Promise.reject(new Error('offline: no downloads during the security scan'));
  require.cache[gotPath] = offline;
  return scannerRequire('./dist/runner.js') as (options: RunOptions, forCli: boolean) => Promise<unknown>;
}

export async function scan(folder: string): Promise<{ findings: Finding[]; checksRun: number; errors: unknown[] }> {
  const run = loadScanner();
  const raw = RunResultSchema.parse(
    await run({ input: folder, isRelative: true, customScan: [], excludeFromScan: NETWORK_CHECKS, electronVersionOverride: ELECTRON_VERSION, parserPlugins: [] }, false),
  );
  const findings = raw.issues.map((issue) => ({
    id: issue.id,
    file: issue.file.replaceAll('\\', '/'),
    line: issue.location.line,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    description: issue.description,
  }));
  return { findings, checksRun: raw.globalChecks + raw.atomicChecks, errors: raw.errors };
}
