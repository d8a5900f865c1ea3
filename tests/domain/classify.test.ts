import { describe, expect, it } from 'vitest';
import { classOf, niceRound, quantileBreaks } from '../../domain/classify';

describe('choropleth classes', () => {
  it('puts about as many values in each class, with readable limits', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i * 7 + 3);
    const breaks = quantileBreaks(values, 4);
    expect(breaks).toEqual([1800, 3500, 5300]);
    const sizes = [0, 0, 0, 0];
    for (const v of values) sizes[classOf(v, breaks)]!++;
    for (const size of sizes) expect(size).toBeGreaterThan(200);
  });

  it('merges classes when values repeat and ignores non-numbers', () => {
    expect(quantileBreaks([1, 1, 1, 1, 1, 1, 5, NaN], 4)).toEqual([]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });

  it('rounds to two significant digits', () => {
    expect(niceRound(1187)).toBe(1200);
    expect(niceRound(0.437)).toBeCloseTo(0.44);
    expect(niceRound(2770226)).toBe(2800000);
  });

  it('places values on the class limits in the upper class', () => {
    expect(classOf(999, [1000, 5000])).toBe(0);
    expect(classOf(1000, [1000, 5000])).toBe(1);
    expect(classOf(5000, [1000, 5000])).toBe(2);
  });

  it('sorts the values itself', () => {
    expect(quantileBreaks([5000, 100, 3000, 2000, 4000, 1000], 3)).toEqual([2000, 4000]);
  });

  it('makes one break for two classes and none for fewer', () => {
    expect(quantileBreaks([100, 200, 300, 400], 2)).toEqual([300]);
    expect(quantileBreaks([100, 200, 300, 400], 1)).toEqual([]);
  });

  it('keeps a limit once when several quantiles round to it', () => {
    expect(quantileBreaks([100, 500, 500, 500, 500, 500, 500, 500, 900, 900], 4)).toEqual([500]);
  });

  it('leaves zero and infinities as they are, and rounds negative values', () => {
    expect(niceRound(0)).toBe(0);
    expect(niceRound(Infinity)).toBe(Infinity);
    expect(niceRound(-Infinity)).toBe(-Infinity);
    expect(niceRound(-1187)).toBe(-1200);
    expect(niceRound(123456789)).toBe(120000000);
  });
});
