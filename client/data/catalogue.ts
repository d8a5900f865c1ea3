import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { CatalogueService } from '../api/types';
import { queryClient } from './queries';

const CATALOGUE = ['services', 'with-retired'] as const;

/** The service catalogue, retired entries included (an alliance may still list one), through the query cache. */
export function useCatalogue(): CatalogueService[] | null {
  const query = useQuery({ queryKey: CATALOGUE, queryFn: () => api.services(true) });
  return query.data ?? (query.isError ? [] : null);
}

/** Forget the cached catalogue after an administrator changed it. */
export function refreshCatalogue(): void {
  void queryClient.invalidateQueries({ queryKey: ['services'] });
}
