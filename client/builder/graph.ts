import { useQuery } from '@tanstack/react-query';
import { AdjacencyGraph } from '../../domain/adjacency';
import type { Atlas } from '../data/atlas';
import { api } from '../api/client';

/** The border graph, loaded once (through the query cache) when something first needs it. */
export function useGraph(atlas: Atlas | null, enabled: boolean): AdjacencyGraph | null {
  const query = useQuery({
    queryKey: ['adjacency'],
    enabled: enabled && atlas !== null,
    queryFn: async () => {
      const t = await api.adjacency();
      const code = (i: number) => atlas?.table.code[i] as string;
      return new AdjacencyGraph(t.a.map((a, i) => ({ a: code(a), b: code(t.b[i] as number), borderM: 0, kind: 'border' as const })));
    },
  });
  return query.data ?? null;
}
