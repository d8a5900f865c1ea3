import { describe, expect, it } from 'vitest';
import { jsonDepth, jsonShape } from '../../server/http/json-body';

describe('jsonDepth', () => {
  const depth = (text: string, limit?: number) => jsonDepth(Buffer.from(text), limit);

  it('counts nested arrays and objects, not brackets inside strings or after escaped quotes', () => {
    expect(depth('1')).toBe(0);
    expect(depth('[]')).toBe(1);
    expect(depth('{"a":[{"b":[]}],"c":[]}')).toBe(4);
    expect(depth('["[[[[", "\\"[[[", {"k\\\\":[]}]')).toBe(3);
    expect(depth('[[],[],[[]]]')).toBe(3);
    expect(depth('"é[«»]"')).toBe(0);
  });

  it('stops at the limit', () => {
    expect(depth('['.repeat(1000) + ']'.repeat(1000), 32)).toBe(33);
    expect(depth('['.repeat(32) + ']'.repeat(32), 32)).toBe(32);
  });
});

describe('jsonShape', () => {
  const shape = (text: string, limits?: { depth?: number; items?: number }) => jsonShape(Buffer.from(text), limits);

  it('counts the items of the widest array or object, not commas inside strings', () => {
    expect(shape('1')).toEqual({ depth: 0, items: 0 });
    expect(shape('[]')).toEqual({ depth: 1, items: 0 });
    expect(shape('[ ]')).toEqual({ depth: 1, items: 0 });
    expect(shape('[1]')).toEqual({ depth: 1, items: 1 });
    expect(shape('[[]]')).toEqual({ depth: 2, items: 1 });
    expect(shape('[1, 2, 3]')).toEqual({ depth: 1, items: 3 });
    expect(shape('{"a": 1, "b": [1, 2, 3, 4], "c": {}}')).toEqual({ depth: 2, items: 4 });
    expect(shape('["a,b,c", "\\",,,", 1]')).toEqual({ depth: 1, items: 3 });
    expect(shape('[[1,2],[3,4],[5,6],[7,8],[9,10]]')).toEqual({ depth: 2, items: 5 });
    expect(shape('{"k,": {"x": [], "y": "é,«»"}}')).toEqual({ depth: 3, items: 2 });
  });

  it('stops once an array or object is wider than the limit', () => {
    expect(shape(`[${Array(100_000).fill(1).join(',')}]`, { items: 10 }).items).toBe(11);
    expect(shape(`[${Array(10).fill(1).join(',')}]`, { items: 10 }).items).toBe(10);
    const keys = `{${Array.from({ length: 50 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    expect(shape(keys, { items: 20 }).items).toBe(21);
  });
});
