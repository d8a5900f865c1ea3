import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { AssociationDetails } from '../api/types';

/** An existing association's details (Unione, Comunità Montana…), fetched when the chosen id changes. */
export function useAssociation(id: number | null): AssociationDetails | null {
  const [association, setAssociation] = useState<AssociationDetails | null>(null);
  useEffect(() => {
    setAssociation(null);
    if (id === null) return;
    const controller = new AbortController();
    api.association(id, controller.signal).then(setAssociation).catch(() => undefined);
    return () => controller.abort();
  }, [id]);
  return association;
}
