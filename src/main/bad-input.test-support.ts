/**
 * Hostile values shared by the bad-input suites (`src/**\/bad-input.test.ts`): what a compromised renderer, a
 * broken provider, a careless editor or a crafted invitation may hand Roomdeck at one of its boundaries.
 */

/** `{"a":{"a":…}}` `depth` levels deep: blows a recursive walker's stack long before it exhausts memory. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** The same as JSON text, built without recursion (JSON.stringify would recurse). */
export function deeplyNestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;
}

/** Bytes that are not UTF-8 (a lone continuation byte, an overlong form, a truncated sequence), decoded as Node would read a file. */
export const INVALID_UTF8 = Buffer.from([0x4d, 0x65, 0x65, 0x74, 0x80, 0xc0, 0xaf, 0xe2, 0x82, 0x20, 0x6e, 0x6f, 0x77]).toString('utf8');

/** A string no valid UTF-16 text contains: an unpaired surrogate. */
export const LONE_SURROGATE = 'Sync \ud800 up';

export const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

/** Keys that pollute Object.prototype when a parser or a merge copies them naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** An own `__proto__` key, as JSON.parse produces it from hostile text (an object literal would set the prototype instead). */
export function withProtoKey(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value).replace(/^\{/, '{"__proto__":{"polluted":true},')) as Record<string, unknown>;
}

export function prototypeIsClean(): boolean {
  return !('polluted' in Object.prototype) && !('polluted' in {});
}
