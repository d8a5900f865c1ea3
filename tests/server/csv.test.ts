import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, textCode } from '../../server/services/csv';

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Lugo', ',')).toBe('Lugo');
    expect(csvField(12.5, ';')).toBe('12.5');
    expect(csvField(-3, ';')).toBe('-3');
    expect(csvField(null, ',')).toBe('');
    expect(csvField('', ',')).toBe('');
  });

  it('quotes a field holding the separator, a semicolon, a quote or a line break, doubling quotes', () => {
    expect(csvField('Valli, Alte', ',')).toBe('"Valli, Alte"');
    expect(csvField('Valli, Alte', ';')).toBe('Valli, Alte');
    expect(csvField('a;b', ',')).toBe('"a;b"');
    expect(csvField('Il "Consorzio"', ',')).toBe('"Il ""Consorzio"""');
    expect(csvField('due\nrighe', ';')).toBe('"due\nrighe"');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","clic")', ',')).toBe(`"'=HYPERLINK(""http://x"",""clic"")"`);
    expect(csvField('+39 055', ';')).toBe("'+39 055");
    expect(csvField('-2+3', ';')).toBe("'-2+3");
    expect(csvField('@SUM(A1)', ';')).toBe("'@SUM(A1)");
    expect(csvField('\tx', ';')).toBe("'\tx");
    expect(csvField('\rx', ';')).toBe(`"'\rx"`);
    expect(csvField('a=b', ';')).toBe('a=b');
  });
});

describe('textCode and csvDocument', () => {
  it('keeps leading zeros as text and lets nothing else into the formula', () => {
    expect(textCode('001001')).toBe('="001001"');
    expect(textCode('00"&1')).toBe('="001"');
  });

  it('writes a BOM, CRLF line ends and a final line end', () => {
    expect(csvDocument([['a', 'b'], ['1', '2']], ';')).toBe('\uFEFFa;b\r\n1;2\r\n');
  });
});
