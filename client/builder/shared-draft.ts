/**
 * A draft shared as a link: `?mode=build&membri=…&nome=…`. Members are written compactly (sorted
 * ISTAT codes as base-36 differences joined by dots: "rt.1.2" = 001001 (rt = 1001), 001002,
 * 001004), so that even two thousand Comuni fit well inside a URL.
 */
export const MEMBERS_PARAM = 'membri';
export const NAME_PARAM = 'nome';

export function encodeMembers(codes: readonly string[]): string {
  const sorted = [...new Set(codes)].map(Number).sort((a, b) => a - b);
  return sorted.map((n, i) => (n - (i === 0 ? 0 : sorted[i - 1]!)).toString(36)).join('.');
}

/** The codes of an encoded list; null when it is not one (a mangled link). */
export function decodeMembers(text: string): string[] | null {
  if (!/^[0-9a-z]+(\.[0-9a-z]+)*$/.test(text)) return null;
  let code = 0;
  const codes: string[] = [];
  for (const part of text.split('.')) {
    code += parseInt(part, 36);
    if (code > 999_999 || codes.length >= 8000) return null;
    codes.push(String(code).padStart(6, '0'));
  }
  return codes;
}

/** The link that opens the builder with these members (and name) in any browser. */
export function sharedDraftLink(origin: string, codes: readonly string[], name: string): string {
  const params = new URLSearchParams({ mode: 'build', [MEMBERS_PARAM]: encodeMembers(codes) });
  if (name.trim()) params.set(NAME_PARAM, name.trim());
  return `${origin}/?${params}`;
}

/** A shared draft in a query string, or null. */
export function readSharedDraft(search: string): { codes: string[]; name: string } | null {
  const params = new URLSearchParams(search);
  const encoded = params.get(MEMBERS_PARAM);
  const codes = encoded ? decodeMembers(encoded) : null;
  if (!codes || codes.length === 0) return null;
  return { codes, name: (params.get(NAME_PARAM) ?? '').slice(0, 120) };
}
