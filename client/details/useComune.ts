import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ComuneDetails } from '../api/types';

export interface ComuneState {
  comune: ComuneDetails | null;
  error: string | null;
}

/** The details of the selected Comune, through the query cache (a request no longer needed is aborted). */
export function useComune(code: string | null): ComuneState {
  const query = useQuery({
    queryKey: ['comune', code],
    enabled: code !== null,
    queryFn: ({ signal }) => api.comune(code ?? '', signal),
  });
  return { comune: code ? (query.data ?? null) : null, error: query.error ? query.error.message : null };
}
