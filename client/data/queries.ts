import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import type { Overlap } from '../../domain/overlaps';
import { api } from '../api/client';
import type { SuggestionsAnswer } from '../api/types';
import { OUTLINE_OVERLAYS } from '../map/style';
import { useViewStore } from '../state/view-store';

/**
 * One cache for what the server says: each resource keyed by what names it and, when derived from
 * the saved alliances, by the server's alliances revision (a new revision is a new key: asked once,
 * the old one dropped after `gcTime`). Requests for the same key are shared; a query no one reads
 * any more is aborted (each query function passes its `signal` on).
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

/** Answers computed from what is being edited (one per keystroke or click): kept a minute only. */
const EDITING_GC_MS = 60_000;

type Signal = { signal: AbortSignal };

/**
 * The server's alliances revision as last read (`GET /api/alliances/revision`), or 'unknown' when it
 * could not be read (then what derives from it is asked for all the same, once).
 */
export type Revision = number | 'unknown';

/** The server's alliances revision: read at start, then by `followAlliancesRevision` (follow-revision.ts). */
export const alliancesRevisionQuery = () => ({
  queryKey: ['alliances', 'revision'] as const,
  queryFn: ({ signal }: Signal) => api.alliancesRevision(signal),
});

/** The server's settings the page shows (optional basemap, data attribution, publisher). */
export const configQuery = () => ({ queryKey: ['config'] as const, queryFn: () => api.config() });

/** The published alliances at a revision. */
export const allianceListQuery = (revision: Revision) => ({
  queryKey: ['alliances', 'list', revision] as const,
  queryFn: ({ signal }: Signal) => api.alliances('', signal),
});

/** Ids of the published alliances named like `q` or with a member Comune of that name, at a revision. */
export const allianceSearchQuery = (q: string, revision: Revision) => ({
  queryKey: ['alliances', 'search', q, revision] as const,
  queryFn: async ({ signal }: Signal) => (await api.alliances(q, signal)).map((a) => a.id),
  gcTime: EDITING_GC_MS,
});

/** One alliance (draft or published) at a revision. */
export const allianceQuery = (id: number, revision: Revision) => ({
  queryKey: ['alliance', id, revision] as const,
  queryFn: ({ signal }: Signal) => api.alliance(id, signal),
});

/** An alliance's public history at one of its versions. */
export const historyQuery = (id: number, version: number) => ({
  queryKey: ['alliance', id, 'history', version] as const,
  queryFn: ({ signal }: Signal) => api.history(id, signal),
});

/** An alliance's fee table at one of its versions. */
export const feesQuery = (id: number, version: number) => ({
  queryKey: ['alliance', id, 'fees', version] as const,
  queryFn: ({ signal }: Signal) => api.fees(id, signal),
});

/** The founder's adhesion links of an alliance (read with its edit token, which stays out of the key), at a revision. */
export const invitationsQuery = (id: number, token: string, revision: Revision) => ({
  queryKey: ['alliance', id, 'invitations', revision] as const,
  queryFn: ({ signal }: Signal) => api.invitations(id, token, signal),
});

/** The service catalogue (with the retired entries or not): administrators' changes move the revision. */
export const catalogueQuery = (includeRetired: boolean, revision: Revision) => ({
  queryKey: ['services', includeRetired ? 'with-retired' : 'active', revision] as const,
  queryFn: ({ signal }: Signal) => api.services(includeRetired, signal),
});

/** A service's coverage at a revision. */
export const coverageQuery = (service: string, revision: Revision) => ({
  queryKey: ['coverage', service, revision] as const,
  queryFn: ({ signal }: Signal) => api.coverage(service, signal),
});

/** One Comune's coverage by a service at a revision. */
export const comuneCoverageQuery = (service: string, code: string, revision: Revision) => ({
  queryKey: ['coverage', service, 'comune', code, revision] as const,
  queryFn: ({ signal }: Signal) => api.comuneCoverage(service, code, signal),
});

export const associationQuery = (id: number) => ({
  queryKey: ['association', id] as const,
  queryFn: ({ signal }: Signal) => api.association(id, signal),
});

/** The existing associations of one kind (e.g. the Unioni di comuni). */
export const associationsQuery = (kind: string) => ({
  queryKey: ['associations', 'kind', kind] as const,
  queryFn: ({ signal }: Signal) => api.associations(kind, signal),
});

export const unioniCountQuery = () => ({
  queryKey: ['associations', 'unioni-count'] as const,
  queryFn: async () => {
    const lists = await Promise.all((OUTLINE_OVERLAYS.unioni?.kinds ?? []).map((kind) => api.associations(kind)));
    return lists.reduce((n, list) => n + list.length, 0);
  },
});

/** The datasets, their sources and licences (the "Dati" page). */
export const sourcesQuery = () => ({ queryKey: ['sources'] as const, queryFn: ({ signal }: Signal) => api.sources(signal) });

/** Comuni whose name starts like `q` (the search box). */
export const searchQuery = (q: string) => ({
  queryKey: ['comuni', 'search', q] as const,
  queryFn: ({ signal }: Signal) => api.search(q, signal),
});

/** Existing associations the members already belong to. */
export const overlapsQuery = (members: readonly string[]) => ({
  queryKey: ['overlaps', members] as const,
  queryFn: ({ signal }: Signal): Promise<Overlap[]> => api.overlaps(members, signal),
  gcTime: EDITING_GC_MS,
});

/** The neighbours that would help an alliance most: they depend on what published alliances cover. */
export const suggestionsQuery = (request: { members: readonly string[]; services: readonly string[]; ruleSet: string }, revision: Revision) => ({
  queryKey: ['suggestions', request.members, request.services, request.ruleSet, revision] as const,
  queryFn: ({ signal }: Signal): Promise<SuggestionsAnswer> =>
    api.suggestions({ members: request.members, services: request.services, ...(request.ruleSet ? { ruleSet: request.ruleSet } : {}), limit: 5 }, signal),
  gcTime: EDITING_GC_MS,
});

/** The server's alliances revision; undefined until first read. */
export function useAlliancesRevision(): Revision | undefined {
  const query = useQuery(alliancesRevisionQuery());
  return query.data ?? (query.isError ? 'unknown' : undefined);
}

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
  return useQuery({ ...allianceListQuery(revision ?? 'unknown'), enabled: enabled && revision !== undefined });
}

/** One alliance at the current revision (the one shown stays on screen while a newer one loads). */
export function useAlliance(id: number | null) {
  const revision = useAlliancesRevision();
  return useQuery({
    ...allianceQuery(id ?? 0, revision ?? 'unknown'),
    enabled: id !== null && revision !== undefined,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });
}

export function useCoverage(service: string | null) {
  const revision = useAlliancesRevision();
  return useQuery({ ...coverageQuery(service ?? '', revision ?? 'unknown'), enabled: service !== null && revision !== undefined });
}

/** The service catalogue at the current revision (the last one stays on screen while a newer one loads). */
export function useCatalogueQuery(includeRetired: boolean) {
  const revision = useAlliancesRevision();
  return useQuery({ ...catalogueQuery(includeRetired, revision ?? 'unknown'), enabled: revision !== undefined, placeholderData: keepPreviousData });
}

export function useComuneCoverage(service: string | null, code: string | null) {
  const revision = useAlliancesRevision();
  return useQuery({ ...comuneCoverageQuery(service ?? '', code ?? '', revision ?? 'unknown'), enabled: service !== null && code !== null && revision !== undefined });
}

export const useAssociation = (id: number | null) => useQuery({ ...associationQuery(id ?? 0), enabled: id !== null }).data ?? null;

/** How many Unioni di Comuni the overlay would show (for its toggle). */
export const useUnioniCount = () => useQuery(unioniCountQuery()).data;
