import { QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { OUTLINE_OVERLAYS } from '../map/style';
import { useRevisionStore } from '../state/revision-store';
import { useViewStore } from '../state/view-store';

/**
 * One cache for what the server says: each resource keyed by what names it and, when derived from
 * the saved alliances, by the alliances revision (a new revision is a new key: asked once, the
 * old one dropped). Requests for the same key are shared; a query no one reads any more is aborted.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: Infinity,
      gcTime: 5 * 60_000,
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});

/** The server's settings the page shows (optional basemap, data attribution, publisher). */
export const configQuery = () => ({ queryKey: ['config'] as const, queryFn: () => api.config() });

/** The published alliances at a revision. */
export const allianceListQuery = (revision: number) => ({ queryKey: ['alliances', 'list', revision] as const, queryFn: () => api.alliances() });

/** A service's coverage at a revision. */
export const coverageQuery = (service: string, revision: number) => ({
  queryKey: ['coverage', service, revision] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.coverage(service, signal),
});

/** One Comune's coverage by a service at a revision. */
export const comuneCoverageQuery = (service: string, code: string, revision: number) => ({
  queryKey: ['coverage', service, 'comune', code, revision] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.comuneCoverage(service, code, signal),
});

export const associationQuery = (id: number) => ({
  queryKey: ['association', id] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.association(id, signal),
});

export const unioniCountQuery = () => ({
  queryKey: ['associations', 'unioni-count'] as const,
  queryFn: async () => {
    const lists = await Promise.all((OUTLINE_OVERLAYS.unioni?.kinds ?? []).map((kind) => api.associations(kind)));
    return lists.reduce((n, list) => n + list.length, 0);
  },
});

const useAlliancesRevision = () => useRevisionStore((s) => s.alliances);

export const useConfig = () => useQuery(configQuery()).data ?? null;

/** The data attribution in the page's language (Italian from a server that knows no other), once the settings have arrived. */
export function useAttribution(): string | null {
  const config = useConfig();
  const lang = useViewStore((s) => s.view.lang);
  return config ? (config.attributions?.[lang] ?? config.attribution) : null;
}

/** The published alliances at the current revision, while `enabled`. */
export function useAllianceList(enabled = true) {
  const revision = useAlliancesRevision();
  return useQuery({ ...allianceListQuery(revision), enabled });
}

export function useCoverage(service: string | null) {
  const revision = useAlliancesRevision();
  return useQuery({ ...coverageQuery(service ?? '', revision), enabled: service !== null });
}

export function useComuneCoverage(service: string | null, code: string | null) {
  const revision = useAlliancesRevision();
  return useQuery({ ...comuneCoverageQuery(service ?? '', code ?? '', revision), enabled: service !== null && code !== null });
}

export const useAssociation = (id: number | null) => useQuery({ ...associationQuery(id ?? 0), enabled: id !== null }).data ?? null;

/** How many Unioni di Comuni the overlay would show (for its toggle). */
export const useUnioniCount = () => useQuery(unioniCountQuery()).data;
