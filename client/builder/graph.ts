import { useEffect, useState } from 'react';
import type { AdjacencyTable } from '../../domain/atlas-table';
import { AdjacencyGraph } from '../../domain/adjacency';
import type { Atlas } from '../data/atlas';

/** Loads the border graph once, when the builder first needs it. */
export function useGraph(atlas: Atlas | null, enabled: boolean): AdjacencyGraph | null {
  const [graph, setGraph] = useState<AdjacencyGraph | null>(null);
  useEffect(() => {
    if (!enabled || !atlas || graph) return;
    let live = true;
    fetch('/api/atlas/adjacency')
      .then((r) => r.json() as Promise<AdjacencyTable>)
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
