import { describe, expect, it } from 'vitest';
import { AdjacencyGraph } from '../../domain/adjacency';
import type { AdjacencyTable, AtlasTable, MembershipTable } from '../../domain/atlas-table';
import { planAlliances } from '../../domain/planner';
import { areaCodes, planJob } from '../../client/planner/plan-input';
import type { PlanResponse } from '../../server/services/plans';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();
const AOSTA = '007';

const json = async <T>(path: string): Promise<T> => (await (await env.server.get(path)).json()) as T;

describe('the planner in the browser and from the API', () => {
  it('GET /api/atlas/memberships lists each Comune’s Unioni, Comunità Montane, SLL and SNAI area by row of the atlas table', async () => {
    const atlas = await json<AtlasTable>('/api/atlas');
    const table = await json<MembershipTable>('/api/atlas/memberships');
    expect(table.dataVersion).toBe(atlas.dataVersion);
    expect(table.rows).toHaveLength(atlas.code.length);
    expect(new Set(table.associations.map((a) => a.kind))).toEqual(new Set(['unione', 'comunita_montana', 'sll', 'snai']));
    // Aosta (007003) is in its SLL, as /api/comuni says.
    const details = await json<{ associations: { id: number; kind: string }[] }>('/api/comuni/007003');
    const sll = details.associations.find((a) => a.kind === 'sll');
    const row = atlas.code.indexOf('007003');
    expect(table.rows[row]!.map((k) => table.associations[k]!.id)).toContain(sll!.id);
  });

  it('gives the same plan for the same seed and options (the browser’s input is the server’s)', async () => {
    const atlas = await json<AtlasTable>('/api/atlas');
    const adjacency = await json<AdjacencyTable>('/api/atlas/adjacency');
    const memberships = await json<MembershipTable>('/api/atlas/memberships');
    const code = (i: number) => atlas.code[i] as string;
    const graph = new AdjacencyGraph(adjacency.a.map((a, i) => ({ a: code(a), b: code(adjacency.b[i] as number), borderM: 0, kind: 'border' as const })));
    const options = { minPopulation: 5_000, keepAssociations: 'soft' as const, seed: 11, timeLimitMs: 10_000 };
    const job = planJob({ atlas, neighbours: graph.neighbours, memberships }, areaCodes(atlas, AOSTA), options);
    const NONE: readonly string[] = [];
    const local = planAlliances({ ...job, neighbours: (c) => job.neighbours[c] ?? NONE });
    const response = await env.server.post('/api/plans', { area: { province: AOSTA }, ...options });
    const remote = (await response.json()) as PlanResponse;
    expect(response.status).toBe(200);
    expect(local.stoppedEarly || remote.stoppedEarly).toBe(false);
    expect(local.alliances.map((a) => a.members)).toEqual(remote.alliances.map((a) => a.members));
    expect(local.score).toEqual(remote.score);
  });
});
