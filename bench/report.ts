/**
 * How `npm run bench` reports: a table (`name · value · unit · budget · ok`) for people, one JSON object keyed by
 * figure name for machines, and an exit code that fails CI when a budget is missed. Pure, so it is unit-tested.
 */
import type { Figure } from './figure';

export type FigureRecord = Pick<Figure, 'value' | 'unit' | 'budget' | 'ok'>;

/** Exit codes: every budget held; a figure missed its budget; a module failed (or two reported one name). */
export const EXIT = { ok: 0, missed: 1, broken: 2 } as const;

/** Three significant-ish digits: enough to compare runs, few enough to read. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  return magnitude >= 100 ? value.toFixed(0) : magnitude >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function table(figures: readonly Figure[]): string {
  const rows = [['name', 'value', 'unit', 'budget', 'ok'], ...figures.map((f) => [f.name, formatValue(f.value), f.unit, f.budget, f.ok ? 'ok' : 'MISSED'])];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  // Values are right-aligned so their magnitudes line up; everything else reads left to right.
  return rows.map((r) => r.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join(' · ').trimEnd()).join('\n');
}

/** JSON cannot carry NaN or Infinity: a figure that could not be measured is `null` and, being unmeasured, not ok. */
export function jsonReport(figures: readonly Figure[]): Record<string, FigureRecord | (Omit<FigureRecord, 'value'> & { value: null })> {
  return Object.fromEntries(
    figures.map((f) => (Number.isFinite(f.value) ? [f.name, { value: f.value, unit: f.unit, budget: f.budget, ok: f.ok }] : [f.name, { value: null, unit: f.unit, budget: f.budget, ok: false }])),
  );
}

export function duplicateNames(figures: readonly Figure[]): string[] {
  const names = figures.map((f) => f.name);
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

export function exitCode(figures: readonly Figure[], failures: readonly string[]): number {
  if (failures.length > 0) return EXIT.broken;
  return figures.every((f) => f.ok && Number.isFinite(f.value)) ? EXIT.ok : EXIT.missed;
}
