import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

export type JsonFileRead<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'invalid'; reason: string };

/** Reads and validates a JSON file; a damaged file is reported, never thrown, so the caller decides what to keep. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<JsonFileRead<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'invalid', reason: (err as Error).message };
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'invalid', reason: parsed.error.issues[0]?.message ?? 'invalid' };
  } catch (err) {
    return { kind: 'invalid', reason: (err as Error).message };
  }
}

let writes = 0;

/**
 * Write-then-rename, so a crash or power cut mid-write leaves the previous file intact. Each write has its own
 * temporary file: two overlapping writes to one temporary name interleave their bytes, and the second rename fails.
 */
export async function writeJsonFileAtomic(path: string, value: unknown, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${++writes}.tmp`;
  await writeFile(tmp, JSON.stringify(value, null, 2), { mode });
  await rename(tmp, path);
}
