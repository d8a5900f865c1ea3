/** ISTAT codes are text: a Comune has 6 digits, a province 3, a region 2. Leading zeros matter. */

const COMUNE_CODE = /^\d{6}$/;
const CADASTRAL_CODE = /^[A-Z]\d{3}$/;

export function isComuneCode(value: string): boolean {
  return COMUNE_CODE.test(value);
}

export function isCadastralCode(value: string): boolean {
  return CADASTRAL_CODE.test(value.toUpperCase());
}

/**
 * Reads a Comune code typed by a person or exported by a spreadsheet.
 * "9069" and "09069" become "009069" (a spreadsheet dropped the zeros); anything that is not
 * 4–6 digits after trimming is rejected with null.
 */
export function parseComuneCode(input: string): string | null {
  const value = input.trim();
  if (!/^\d{4,6}$/.test(value)) return null;
  return value.padStart(6, '0');
}

/**
 * The Comune code a map feature's id stands for: tiles carry the code as a number (058091 →
 * 58091), which loses the leading zeros. Null when the id cannot be a Comune's.
 */
export function comuneCodeOfFeatureId(id: unknown): string | null {
  // Number.isInteger is false for anything that is not a number.
  if (!Number.isInteger(id)) return null;
  const value = id as number;
  if (value < 1 || value > 999_999) return null;
  return String(value).padStart(6, '0');
}
