import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CoverageReport } from '../api/types';

export type CoverageState = { report: CoverageReport | null; loading: boolean; error: string | null };

/** The coverage of the chosen service, fetched when it changes (and again after `revision` changes). */
export function useCoverage(service: string | null, revision: number): CoverageState {
  const [state, setState] = useState<CoverageState>({ report: null, loading: false, error: null });
  useEffect(() => {
    if (!service) {
      setState({ report: null, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api
      .coverage(service, controller.signal)
      .then((report) => setState({ report, loading: false, error: null }))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setState({ report: null, loading: false, error: (e as Error).message });
      });
    return () => controller.abort();
  }, [service, revision]);
  return state;
}
