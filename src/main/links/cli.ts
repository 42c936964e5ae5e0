/**
 * Diagnostics CLI for IT: `npm run --silent links -- FILE [--explain]`.
 * FILE holds a JSON array of `{ "source": "graph" | "google" | "text", "event": {…} }`; the output is a JSON array,
 * one item per input in order: `{ "provider", "url" }` or `null` — or, with `--explain`, every candidate and
 * rejected link with its reason. A bad file exits 2 with a message on stderr; a bad item prints `null` for that
 * item and a note on stderr, the run goes on, and the exit status is 1 so scripts notice.
 */
import { readFileSync } from 'node:fs';
import { checkLinkSource, detectJoinLink, type Detection, type LinkSource } from './index';

const USAGE = 'usage: npm run --silent links -- FILE [--explain]\n  FILE: JSON array of { "source": "graph" | "google" | "text", "event": {...} }';

interface Options {
  file: string;
  explain: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const flags = argv.filter((a) => a.startsWith('--'));
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--explain');
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(', ')}`);
  if (files.length !== 1 || files[0] === undefined) throw new UsageError(files.length === 0 ? 'no FILE given' : 'exactly one FILE expected');
  return { file: files[0], explain: flags.includes('--explain') };
}

function readItems(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    // Windows editors save UTF-8 with a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(data)) throw new UsageError(`${file} must contain a JSON array of { "source", "event" } items`);
  return data;
}

type Output = { provider: string; url: string } | null | Detection | { error: string };

/** Exit statuses: 0 all items read, 1 some items were not `{ source, event }` (printed as null), 2 unusable input. */
const EXIT_BAD_ITEMS = 1;
const EXIT_USAGE = 2;

function runItem(item: unknown, index: number, explain: boolean, warn: (line: string) => void): { output: Output; ok: boolean } {
  const check = checkLinkSource(item);
  if (!check.ok) {
    warn(`links: item ${index} (0-based): ${check.error}; printing null`);
    return { output: explain ? { error: check.error } : null, ok: false };
  }
  // checkLinkSource validated the shape `detectJoinLink` expects.
  const detection = detectJoinLink(item as LinkSource);
  return { output: explain ? detection : detection.join, ok: true };
}

export function main(argv: readonly string[], out: (s: string) => void, warn: (line: string) => void): number {
  try {
    const options = parseArgs(argv);
    const items = readItems(options.file);
    const results = items.map((item, i) => runItem(item, i, options.explain, warn));
    out(`${JSON.stringify(results.map((r) => r.output), null, 2)}\n`);
    return results.every((r) => r.ok) ? 0 : EXIT_BAD_ITEMS;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    warn(`links: ${error.message}`);
    warn(USAGE);
    return EXIT_USAGE;
  }
}

process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (line) => process.stderr.write(`${line}\n`));
