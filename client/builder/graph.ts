import { useEffect, useState } from 'react';
import { AdjacencyGraph } from '../../domain/adjacency';
import type { Atlas } from '../data/atlas';
import { api } from '../api/client';

/** Loads the border graph once, when the builder first needs it. */
export function useGraph(atlas: Atlas | null, enabled: boolean): AdjacencyGraph | null {
  const [graph, setGraph] = useState<AdjacencyGraph | null>(null);
  useEffect(() => {
    if (!enabled || !atlas || graph) return;
    let live = true;
    api
      .adjacency()
      .then((t) => {
        const code = (i: number) => atlas.table.code[i] as string;
        const pairs = t.a.map((a, i) => ({ a: code(a), b: code(t.b[i] as number), borderM: 0, kind: 'border' as const }));
        if (live) setGraph(new AdjacencyGraph(pairs));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [atlas, enabled, graph]);
  return graph;
}
