import { describe, expect, it } from 'vitest';
import { euroInput, parseEuro } from '../../client/builder/euro';

describe('parseEuro (amounts typed in the builder)', () => {
  it('reads Italian and English notation to whole cents', () => {
    expect(parseEuro('1.234,56')).toBe(123456);
    expect(parseEuro('1234,5')).toBe(123450);
    expect(parseEuro('1234.56')).toBe(123456);
    expect(parseEuro('€ 12 000')).toBe(1200000);
    expect(parseEuro('1.500')).toBe(150000); // a thousands separator, not 1.5 €
    expect(parseEuro('1,234,567.89')).toBe(123456789);
    expect(parseEuro('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    expect(parseEuro('')).toBeNull();
    expect(parseEuro('-5')).toBeNull();
    expect(parseEuro('dieci')).toBeNull();
    expect(parseEuro('1,2,3,4')).toBeNull();
    expect(parseEuro('12,345')).toBe(1234500);
  });

  it('shows cents back for editing', () => {
    expect(euroInput(123456)).toBe('1234,56');
    expect(euroInput(150000)).toBe('1500');
    expect(parseEuro(euroInput(987654321))).toBe(987654321);
  });
});
