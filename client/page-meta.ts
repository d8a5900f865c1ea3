/**
 * What the server writes into the page as meta tags (see server/app.ts `indexPage`): the data
 * version and where the tiles are. Null outside a browser or when the page has none.
 */
export function pageMeta(name: string): string | null {
  if (typeof document === 'undefined') return null;
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || null;
}

/** The data version the page was served with, when it says one. */
export function pageDataVersion(): string | null {
  const version = pageMeta('ali-data-version');
  return version && /^\d+$/.test(version) ? version : null;
}
