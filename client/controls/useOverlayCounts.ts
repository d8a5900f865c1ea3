import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { AllianceListItem } from '../api/types';
import { OUTLINE_OVERLAYS } from '../map/style';

/** How many Unioni di Comuni the overlay would show (for its toggle), asked for once. */
export function useUnioniCount(): number | undefined {
  const [unioni, setUnioni] = useState<number | undefined>(undefined);
  useEffect(() => {
    void Promise.all((OUTLINE_OVERLAYS.unioni?.kinds ?? []).map((kind) => api.associations(kind)))
      .then((lists) => setUnioni(lists.reduce((n, list) => n + list.length, 0)))
      .catch(() => undefined);
  }, []);
  return unioni;
}

/** The published alliances, while their overlay is shown; read again after each save (`revision`). */
export function useAllianceList(shown: boolean, revision: number): AllianceListItem[] | null {
  const [list, setList] = useState<AllianceListItem[] | null>(null);
  useEffect(() => {
    if (!shown) return;
    api.alliances().then(setList).catch(() => undefined);
  }, [shown, revision]);
  return list;
}
