/**
 * `npm run bench` — runs every `bench/*.bench.ts` module and prints its figures as a table
 * (`name · value · unit · budget · ok`), or with `--json` as one JSON object keyed by figure name
 * (`{ value, unit, budget, ok }`) and nothing else on stdout. `--only NAME` runs just `bench/NAME.bench.ts`.
 *
 * The registry is the folder: a new `bench/<area>.bench.ts` exporting `figures()` is picked up as it is, so
 * branches adding benchmarks never touch this file. Exit code: 0 when every budget holds, 1 when one is missed,
 * 2 when a module fails or two modules report the same figure name.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isBenchModule, isFigure, type Figure } from './figure';
import { duplicateNames, exitCode, jsonReport, table } from './report';

const here = dirname(fileURLToPath(import.meta.url));

function benchFiles(only: string | null): string[] {
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  return only === null ? files : files.filter((f) => f === `${only}.bench.ts`);
}

async function figuresOf(file: string): Promise<Figure[]> {
  const module: unknown = await import(pathToFileURL(join(here, file)).href);
  if (!isBenchModule(module)) throw new Error('does not export figures()');
  const produced: unknown = await module.figures();
  if (!Array.isArray(produced) || !produced.every(isFigure)) throw new Error('figures() must resolve to Figure[]');
  return produced;
}

async function collect(files: readonly string[]): Promise<{ figures: Figure[]; failures: string[] }> {
  const figures: Figure[] = [];
  const failures: string[] = [];
  for (const file of files) {
    try {
      figures.push(...(await figuresOf(file)));
    } catch (error) {
      failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const duplicated = duplicateNames(figures);
  if (duplicated.length > 0) failures.push(`duplicate figure names: ${duplicated.join(', ')}`);
  if (files.length === 0) failures.push('no benchmark module matched');
  return { figures, failures };
}

/** With --json, stdout must hold the JSON alone: whatever the modules print (build logs…) goes to stderr. */
function divertStdout(): (text: string) => void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => (process.stderr.write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write;
  return (text) => void write(text);
}

function argValue(flag: string): string | null {
  const at = process.argv.indexOf(flag);
  return at === -1 ? null : (process.argv[at + 1] ?? null);
}

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const print = json ? divertStdout() : (text: string) => void process.stdout.write(text);
  const { figures, failures } = await collect(benchFiles(argValue('--only')));
  print(json ? `${JSON.stringify(jsonReport(figures), null, 2)}\n` : `${table(figures)}\n`);
  for (const failure of failures) process.stderr.write(`bench: ${failure}\n`);
  return exitCode(figures, failures);
}

process.exitCode = await main();
