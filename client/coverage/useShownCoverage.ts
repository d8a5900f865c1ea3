import type { CoverageReport } from '../api/types';
import { useCoverage } from '../data/queries';
import { useViewStore } from '../state/view-store';

/** Where a coverage report stands. */
export type CoverageState = { report: CoverageReport | null; loading: boolean; error: string | null };

/** The coverage of the service chosen in the URL, through the query cache (keyed by the alliances revision). */
export function useShownCoverage(): CoverageState {
  const service = useViewStore((s) => (s.view.mode === 'coverage' ? s.view.service : null));
  const query = useCoverage(service);
  return { report: service ? (query.data ?? null) : null, loading: query.isFetching, error: query.error ? query.error.message : null };
}
