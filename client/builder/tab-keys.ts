/** The tab a key leads to in the WAI-ARIA tabs pattern (arrows wrap, Home and End), or null for any other key. */
export function tabForKey<T>(key: string, ids: readonly T[], current: T): T | null {
  const i = ids.indexOf(current);
  const n = ids.length;
  if (n === 0 || i < 0) return null;
  if (key === 'ArrowRight') return ids[(i + 1) % n] as T;
  if (key === 'ArrowLeft') return ids[(i - 1 + n) % n] as T;
  if (key === 'Home') return ids[0] as T;
  if (key === 'End') return ids[n - 1] as T;
  return null;
}
