import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CatalogueService } from '../api/types';

let shared: Promise<CatalogueService[]> | null = null;

/** The service catalogue, retired entries included (an alliance may still list one), fetched once per page. */
export function useCatalogue(): CatalogueService[] | null {
  const [catalogue, setCatalogue] = useState<CatalogueService[] | null>(null);
  useEffect(() => {
    shared ??= api.services(true).catch((e: unknown) => {
      shared = null;
      throw e;
    });
    let live = true;
    shared.then((list) => live && setCatalogue(list)).catch(() => live && setCatalogue([]));
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}

/** Forget the cached catalogue after an administrator changed it. */
export function refreshCatalogue(): void {
  shared = null;
}
