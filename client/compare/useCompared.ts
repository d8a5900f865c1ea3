import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import type { AllianceView, AssociationDetails, CatalogueService } from '../api/types';
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
 * Loads each compared territory once, by its key. A territory that failed to load is tried again
 * the next time the list changes (e.g. after removing and adding it again).
 */
export function useCompared(refs: readonly CompareRef[]): Readonly<Record<string, Loaded>> {
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const requested = useRef(new Set<string>());
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const keys = refs.map(compareRefKey).join(',');
  useEffect(() => {
    for (const key of keys.split(',')) {
      const ref = parseCompareRef(key);
      if (!ref || requested.current.has(key)) continue;
      requested.current.add(key);
      const set = (value: Loaded) => {
        if (live.current) setLoaded((state) => ({ ...state, [key]: value }));
      };
      set({ status: 'loading' });
      const request: Promise<Loaded> =
        ref.type === 'alliance'
          ? api.alliance(ref.id).then((alliance) => ({ status: 'ready', type: 'alliance', alliance }))
          : api.association(ref.id).then((association) => ({ status: 'ready', type: 'association', association }));
      request.then(set, (error: unknown) => {
        requested.current.delete(key);
        set({ status: 'error', message: (error as Error).message });
      });
    }
  }, [keys]);

  return loaded;
}

/** The catalogue by code (retired entries included), from the page's shared copy. */
export function useCatalogueByCode(): ReadonlyMap<string, CatalogueService> | null {
  const catalogue = useCatalogue();
  return useMemo(() => (catalogue ? new Map(catalogue.map((s) => [s.code, s])) : null), [catalogue]);
}
