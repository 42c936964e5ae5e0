import { describe, expect, it } from 'vitest';
import { shapeDifferences } from './shape';

describe('shapeDifferences', () => {
  it('accepts the same keys and types, whatever the values', () => {
    expect(shapeDifferences({ a: 1, b: { c: 'x' }, d: [{ e: true }] }, { a: 2, b: { c: 'y' }, d: [{ e: false }, { e: true }] })).toEqual([]);
  });

  it('names missing keys, unexpected keys and type changes by path', () => {
    expect(shapeDifferences({ a: 1, b: { c: 'x' }, list: [{ id: 'x' }] }, { a: '1', b: {}, list: [{ id: 1 }], extra: 0 })).toEqual([
      'a: fixture has number, live has string',
      'b.c: missing in live response',
      'list[].id: fixture has string, live has number',
      'extra: not in fixture',
    ]);
  });

  it('treats a null in the fixture as "any type" and honours allowed extras', () => {
    expect(shapeDifferences({ a: null, b: {} }, { a: { x: 1 }, b: { y: 2 } }, { allowExtra: ['b.y'] })).toEqual([]);
    expect(shapeDifferences({ a: 1 }, { a: 1, z: 2 }, { allowExtra: 'any' })).toEqual([]);
    expect(shapeDifferences({ a: 'x', b: 'y' }, { a: null, b: null }, { nullable: ['a'] })).toEqual(['b: fixture has string, live has null']);
  });
});
