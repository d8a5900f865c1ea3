import { useMemo } from 'react';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { AllianceView, AssociationDetails, CatalogueService } from '../api/types';
import { allianceQuery, associationQuery, useAlliancesRevision } from '../data/queries';
import type { CompareRef } from './ComparePanel';
import { useCatalogue } from '../data/catalogue';

/** One compared territory as loaded from the server. */
export type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; type: 'alliance'; alliance: AllianceView }
  | { status: 'ready'; type: 'association'; association: AssociationDetails };

/** The URL form of a reference: "a12" = alliance 12, "s5" = association 5. */
export function compareRefKey(ref: CompareRef): string {
  return `${ref.type === 'alliance' ? 'a' : 's'}${ref.id}`;
}

/** Reads "a12" or "s5" back; anything else is null. */
export function parseCompareRef(key: string): CompareRef | null {
  const match = /^([as])(\d{1,9})$/.exec(key);
  if (!match) return null;
  const id = Number(match[2]);
  if (!Number.isInteger(id) || id < 1) return null;
  return { type: match[1] === 'a' ? 'alliance' : 'association', id };
}

/**
 * Each compared territory through the query cache: an alliance at the current alliances revision,
 * an association once. A territory that failed to load is asked for again when it is added again
 * (after removing it).
 */
export function useCompared(refs: readonly CompareRef[]): Readonly<Record<string, Loaded>> {
  const revision = useAlliancesRevision();
  return useQueries({
    queries: refs.map((ref) =>
      ref.type === 'alliance'
        ? {
            ...allianceQuery(ref.id, revision ?? 'unknown'),
            enabled: revision !== undefined,
            // While a newer revision loads, the one compared stays on screen.
            placeholderData: keepPreviousData,
            select: (alliance: AllianceView): Loaded => ({ status: 'ready', type: 'alliance', alliance }),
          }
        : { ...associationQuery(ref.id), select: (association: AssociationDetails): Loaded => ({ status: 'ready', type: 'association', association }) },
    ),
    combine: (results) =>
      Object.fromEntries(
        results.map((r, i): [string, Loaded] => [
          compareRefKey(refs[i]!),
          r.data ?? (r.error ? { status: 'error', message: r.error.message } : { status: 'loading' }),
        ]),
      ),
  });
}

/** The catalogue by code (retired entries included), from the page's shared copy. */
export function useCatalogueByCode(): ReadonlyMap<string, CatalogueService> | null {
  const catalogue = useCatalogue();
  return useMemo(() => (catalogue ? new Map(catalogue.map((s) => [s.code, s])) : null), [catalogue]);
}
