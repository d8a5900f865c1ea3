/**
 * Euro amounts typed by a person, to whole cents: "1.234,56", "1234,5", "1234.56", "€ 1 234" all
 * work; a lone separator followed by three digits is a thousands separator ("1.500" = 1500 €).
 * Returns null for anything that is not a non-negative amount.
 */
export function parseEuro(text: string): number | null {
  const cleaned = text.replace(/[€\s\u00a0]/g, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const lastComma = cleaned.lastIndexOf(',');
  const lastDot = cleaned.lastIndexOf('.');
  const decimalAt = Math.max(lastComma, lastDot);
  let integer = cleaned;
  let decimals = '';
  if (decimalAt >= 0) {
    const after = cleaned.slice(decimalAt + 1);
    const separatorUsedOnce = cleaned.split(cleaned[decimalAt] as string).length === 2;
    const isDecimal = after.length <= 2 || (separatorUsedOnce && after.length !== 3 && lastComma !== lastDot);
    if (isDecimal) {
      integer = cleaned.slice(0, decimalAt);
      decimals = after;
    }
  }
  // Thousands separators only between groups of three digits.
  if (!/^\d+$/.test(integer) && !/^\d{1,3}([.,]\d{3})+$/.test(integer)) return null;
  integer = integer.replace(/[.,]/g, '');
  if (decimals.length > 2 || !/^\d*$/.test(decimals) || integer === '') return null;
  const cents = Number(integer) * 100 + Number(decimals.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents shown for editing, Italian style without thousands separators: 123456 → "1234,56". */
export function euroInput(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',').replace(/,00$/, '');
}
