import { describe, expect, it } from 'vitest';
import { jsonDepth } from '../../server/http/json-body';

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
