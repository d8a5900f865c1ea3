import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ComuneDetails } from '../api/types';

export interface ComuneState {
  comune: ComuneDetails | null;
  error: string | null;
}

/** The details of the selected Comune, fetched when the selection changes. */
export function useComune(code: string | null): ComuneState {
  const [state, setState] = useState<ComuneState>({ comune: null, error: null });
  useEffect(() => {
    setState({ comune: null, error: null });
    if (!code) return;
    const controller = new AbortController();
    api
      .comune(code, controller.signal)
      .then((comune) => setState({ comune, error: null }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ comune: null, error: (error as Error).message });
      });
    return () => controller.abort();
  }, [code]);
  return state;
}
