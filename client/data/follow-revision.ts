import { alliancesRevisionQuery, queryClient } from './queries';

/** How often a visible page asks whether the alliances changed (another tab, another person). */
export const REVISION_CHECK_MS = 30_000;

/** The queries derived from the saved alliances (or the catalogue), by the first part of their key. */
const DERIVED = new Set<unknown>(['alliances', 'alliance', 'services', 'coverage', 'suggestions']);

/**
 * Asks the server for its alliances revision now (a request under way is replaced by this one) and
 * resolves once it is known: everything keyed by the revision that moved is then asked for again,
 * once. Called after every write this page makes, so its author sees their change at once. Should
 * the revision not have moved (it could not be read), everything derived from the alliances is
 * read again all the same.
 */
export async function alliancesChanged(): Promise<void> {
  const key = alliancesRevisionQuery().queryKey;
  const before = queryClient.getQueryData(key);
  await queryClient.refetchQueries({ queryKey: key, exact: true });
  const after = queryClient.getQueryData(key);
  if (after !== undefined && after !== before) return;
  await queryClient.invalidateQueries({ predicate: (q) => DERIVED.has(q.queryKey[0]) && q.queryKey[1] !== 'revision' });
}

/**
 * For the life of the page: the alliances revision is read at start, every `every` ms while the page
 * is visible, and whenever it is shown again (back from another tab or window). Returns the stop.
 */
export function followAlliancesRevision(every = REVISION_CHECK_MS): () => void {
  const check = () => {
    if (document.visibilityState !== 'visible') return;
    // A check under way is as good as a new one.
    void queryClient.fetchQuery({ ...alliancesRevisionQuery(), staleTime: 0 }).catch(() => undefined);
  };
  check();
  const timer = setInterval(check, every);
  document.addEventListener('visibilitychange', check);
  window.addEventListener('focus', check);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
    window.removeEventListener('focus', check);
  };
}
