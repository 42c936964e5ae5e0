import { describe, expect, it } from 'vitest';
import { applyKey, KEY_ROWS, type Key } from './touch-keyboard';

const press = (text: string, keys: Key[], max = 64) => keys.reduce((value, key) => applyKey(value, key, max), text);
const char = (c: string): Key => ({ kind: 'char', char: c });

describe('touch keyboard', () => {
  it('types what an address needs', () => {
    const all = KEY_ROWS.flat().flatMap((key) => (key.kind === 'char' ? [key.char] : []));
    for (const needed of ['a', 'z', '0', '9', '@', '.', '-', '_']) expect(all).toContain(needed);
    expect(press('', [...'ana.lima@x-y'].map(char))).toBe('ana.lima@x-y');
  });

  it('deletes the last character, clears, and backspace on empty stays empty', () => {
    expect(press('hana', [{ kind: 'backspace' }])).toBe('han');
    expect(press('', [{ kind: 'backspace' }])).toBe('');
    expect(press('hana', [{ kind: 'clear' }])).toBe('');
  });

  it('ignores a leading space and a second space in a row', () => {
    expect(press('', [{ kind: 'space' }])).toBe('');
    expect(press('ana', [{ kind: 'space' }, { kind: 'space' }, char('l')])).toBe('ana l');
  });

  it('stops at the maximum length', () => {
    expect(press('', Array.from({ length: 500 }, () => char('a')), 64)).toHaveLength(64);
  });
});
