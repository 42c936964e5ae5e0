import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { PolicyProblem } from '../../shared/model';
import { PolicySchema, type Policy } from './policy-schema';

export type PolicyRead = { kind: 'missing' } | { kind: 'ok'; policy: Policy; text: string } | { kind: 'bad'; problems: PolicyProblem[] };

/** 1-based line of a character offset, so IT can jump to it in an editor. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** V8 says "… at position 57 (line 3 column 5)"; older forms give only the position. A cut-off file ends early. */
function syntaxProblem(text: string, err: Error): PolicyProblem {
  const line = /line (\d+)/.exec(err.message)?.[1];
  const position = /position (\d+)/.exec(err.message)?.[1];
  const at = line ? Number(line) : position ? lineAt(text, Number(position)) : lineAt(text, text.length);
  return { field: null, line: at, message: `not valid JSON: ${err.message}` };
}

/**
 * The line where a field's key first appears: a good guess for a file IT wrote by hand (keys are rarely repeated at
 * different depths in a policy), and null rather than a wrong number when the key is not written at all.
 */
function lineOfField(text: string, path: readonly PropertyKey[]): number | null {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (key === undefined) return null;
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? null : lineAt(text, at);
}

function schemaProblems(text: string, error: z.ZodError): PolicyProblem[] {
  return error.issues.flatMap((issue) => {
    // An unknown key is reported at the key itself, not at the object that holds it.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return keys.map((path) => ({
      field: path.map(String).join('.') || '(root)',
      line: lineOfField(text, path),
      message: issue.code === 'unrecognized_keys' ? 'unknown setting (misspelt, or newer than this Roomdeck)' : issue.message,
    }));
  });
}

export function parsePolicyText(text: string): PolicyRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { kind: 'bad', problems: [syntaxProblem(text, err as Error)] };
  }
  const parsed = PolicySchema.safeParse(raw);
  return parsed.success ? { kind: 'ok', policy: parsed.data, text } : { kind: 'bad', problems: schemaProblems(text, parsed.error) };
}

export async function readPolicyFile(path: string): Promise<PolicyRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', problems: [{ field: null, line: null, message: `cannot read the file: ${(err as Error).message}` }] };
  }
  return parsePolicyText(text);
}
