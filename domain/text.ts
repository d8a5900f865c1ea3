/**
 * Folds a place name for searching: lower case, no accents, apostrophes, hyphens and slashes as
 * spaces, single spaces. "Sant'Agata de' Goti" → "sant agata de goti", "Forlì" → "forli".
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
