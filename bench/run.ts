/**
 * `npm run bench` — runs every `bench/*.bench.ts` module and prints its figures as a table
 * (`name · value · unit · budget · ok`), or with `--json` as one JSON object keyed by figure name
 * (`{ value, unit, budget, ok }`). Exit code: 0 when every budget holds, 1 when one is missed, 2 when a module
 * fails or two modules report the same figure name.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, Figure } from './figure';

const here = dirname(fileURLToPath(import.meta.url));

function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === 'object' && value !== null && typeof (value as { figures?: unknown }).figures === 'function';
}

function isFigure(value: unknown): value is Figure {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return typeof f['name'] === 'string' && typeof f['value'] === 'number' && typeof f['unit'] === 'string' &&
    typeof f['budget'] === 'string' && typeof f['ok'] === 'boolean';
}

async function collect(): Promise<{ figures: Figure[]; failures: string[] }> {
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const figures: Figure[] = [];
  const failures: string[] = [];
  for (const file of files) {
    try {
      const module: unknown = await import(pathToFileURL(join(here, file)).href);
      if (!isBenchModule(module)) throw new Error('does not export figures()');
      const produced: unknown = await module.figures();
      if (!Array.isArray(produced) || !produced.every(isFigure)) throw new Error('figures() must resolve to Figure[]');
      figures.push(...produced);
    } catch (error) {
      failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const names = figures.map((f) => f.name);
  const duplicated = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicated.length > 0) failures.push(`duplicate figure names: ${[...new Set(duplicated)].join(', ')}`);
  return { figures, failures };
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function table(figures: readonly Figure[]): string {
  const rows = [['name', 'value', 'unit', 'budget', 'ok'], ...figures.map((f) => [f.name, formatValue(f.value), f.unit, f.budget, f.ok ? 'ok' : 'MISSED'])];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join(' · ').trimEnd()).join('\n');
}

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const { figures, failures } = await collect();
  if (json) {
    const object = Object.fromEntries(figures.map((f) => [f.name, { value: f.value, unit: f.unit, budget: f.budget, ok: f.ok }]));
    process.stdout.write(`${JSON.stringify(object, null, 2)}\n`);
  } else {
    process.stdout.write(`${table(figures)}\n`);
  }
  for (const failure of failures) process.stderr.write(`bench: ${failure}\n`);
  if (failures.length > 0) return 2;
  return figures.every((f) => f.ok) ? 0 : 1;
}

process.exitCode = await main();
