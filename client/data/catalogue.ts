import type { CatalogueService } from '../api/types';
import { useCatalogueQuery } from './queries';

/**
 * The service catalogue, retired entries included (an alliance may still list one), through the
 * query cache at the current alliances revision (an administrator's change moves it).
 */
export function useCatalogue(): CatalogueService[] | null {
  const query = useCatalogueQuery(true);
  return query.data ?? (query.isError ? [] : null);
}
