/**
 * The on-screen keyboard's rows and what a key does to the text: pure, so it is tested without a browser. Only what
 * names and addresses need: letters, digits, @ . - _ and space.
 */

export type Key = { kind: 'char'; char: string } | { kind: 'space' } | { kind: 'backspace' } | { kind: 'clear' };

const chars = (row: string): Key[] => [...row].map((char) => ({ kind: 'char', char }));

export const KEY_ROWS: readonly (readonly Key[])[] = [
  chars('1234567890'),
  chars('qwertyuiop'),
  chars('asdfghjkl@'),
  [...chars('zxcvbnm.-_'), { kind: 'backspace' }],
  [{ kind: 'clear' }, { kind: 'space' }],
];

/** The text after a key press; nothing past `maxLength`, and no space at the start or twice in a row. */
export function applyKey(text: string, key: Key, maxLength: number): string {
  if (key.kind === 'backspace') return [...text].slice(0, -1).join('');
  if (key.kind === 'clear') return '';
  const added = key.kind === 'space' ? ' ' : key.char;
  if (added === ' ' && (text === '' || text.endsWith(' '))) return text;
  return [...text].length >= maxLength ? text : text + added;
}
