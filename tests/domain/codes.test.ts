import { describe, expect, it } from 'vitest';
import { comuneCodeOfFeatureId, isCadastralCode, isComuneCode, parseComuneCode } from '../../domain/codes';

describe('ISTAT and cadastral codes', () => {
  it('accepts exactly six digits as a Comune code', () => {
    expect(isComuneCode('009069')).toBe(true);
    expect(isComuneCode('058091')).toBe(true);
    expect(isComuneCode('9069')).toBe(false);
    expect(isComuneCode('0090690')).toBe(false);
    expect(isComuneCode('1009069')).toBe(false);
    expect(isComuneCode('00906a')).toBe(false);
    expect(isComuneCode('abcdef')).toBe(false);
    expect(isComuneCode('')).toBe(false);
  });

  it('accepts a letter and three digits as a cadastral code, in either case', () => {
    expect(isCadastralCode('H501')).toBe(true);
    expect(isCadastralCode('h501')).toBe(true);
    expect(isCadastralCode('1501')).toBe(false);
    expect(isCadastralCode('HABC')).toBe(false);
    expect(isCadastralCode('H5')).toBe(false);
    expect(isCadastralCode('H5010')).toBe(false);
    expect(isCadastralCode('XH501')).toBe(false);
  });

  it('pads four or five digits to six and rejects anything else', () => {
    expect(parseComuneCode('9069')).toBe('009069');
    expect(parseComuneCode('09069')).toBe('009069');
    expect(parseComuneCode('\t58091\n')).toBe('058091');
    expect(parseComuneCode('906')).toBeNull();
    expect(parseComuneCode('9 069')).toBeNull();
    expect(parseComuneCode('')).toBeNull();
  });

  it('reads a Comune code back from a map feature id (its number: the leading zeros restored)', () => {
    expect(comuneCodeOfFeatureId(58091)).toBe('058091');
    expect(comuneCodeOfFeatureId(1001)).toBe('001001');
    expect(comuneCodeOfFeatureId(1)).toBe('000001');
    expect(comuneCodeOfFeatureId(999_999)).toBe('999999');
    expect(comuneCodeOfFeatureId(111015)).toBe('111015');
    for (const id of [0, -58091, 1_000_000, 58091.5, Number.NaN, '058091', undefined, null]) expect(comuneCodeOfFeatureId(id), String(id)).toBeNull();
  });
});
