import { fieldsOf } from './sources';

/** Whether an item has the `{ source, event }` shape detection needs; the CLI uses it to note bad items. */
export function checkLinkSource(input: unknown): { ok: true } | { ok: false; error: string } {
  const result = fieldsOf(input);
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}
