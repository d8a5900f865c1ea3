import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();

interface Rule { id: string; level: string; message: { it: string } }
interface Analysis { rules: Rule[]; totals: { population: number; comuni: number }; contiguity: { contiguous: boolean } }

/** Members of the Comunità di Montagna Canal del Ferro – Valcanale (Friuli-Venezia Giulia), from the shipped list. */
async function comunitaMembers(): Promise<string[]> {
  const list = (await (await env.server.get('/api/associations?kind=comunita_montana')).json()) as { associations: { id: number; name: string }[] };
  const cm = list.associations.find((a) => a.name === 'Comunità di Montagna Canal del Ferro - Valcanale');
  expect(cm).toBeDefined();
  const detail = (await (await env.server.get(`/api/associations/${cm!.id}`)).json()) as { members: { code: string }[] };
  return detail.members.map((m) => m.code);
}

/** A contiguous set of `within` grown from `start` by shared borders until it has `residents` and `count` Comuni. */
async function grow(start: string, within: readonly string[], residents: number, count: number): Promise<string[]> {
  const chosen = [start];
  const population = async (codes: string[]) =>
    ((await (await env.server.post('/api/territories/analyze', { members: codes })).json()) as Analysis).totals.population;
  while ((await population(chosen)) < residents || chosen.length < count) {
    let added = false;
    for (const code of chosen) {
      const { neighbours } = (await (await env.server.get(`/api/comuni/${code}`)).json()) as { neighbours: string[] };
      const next = neighbours.find((n) => within.includes(n) && !chosen.includes(n));
      if (next) {
        chosen.push(next);
        added = true;
        break;
      }
    }
    if (!added) break;
  }
  return chosen;
}

describe('the mountain threshold, end to end on the shipped Comunità di Montagna', () => {
  it('lets 3,000 residents in at least 3 mountain Comuni pass where 10,000 are required elsewhere', async () => {
    const members = await comunitaMembers();
    expect(members.length).toBe(8);
    const territory = await grow('030059', members, 3_000, 3); // Moggio Udinese and its neighbours
    const body = { name: 'ALI Canal del Ferro', members: territory.map((code, i) => ({ code, lead: i === 0 })) };
    const created = await env.server.post('/api/alliances', body);
    expect(created.status).toBe(201);
    const saved = (await created.json()) as Analysis & { ruleSet: { id: string } };
    expect(saved.ruleSet.id).toBe('national');
    expect(saved.contiguity.contiguous).toBe(true);
    expect(saved.totals.population).toBeGreaterThanOrEqual(3_000);
    expect(saved.totals.population).toBeLessThan(10_000);
    const population = saved.rules.find((r) => r.id === 'population')!;
    expect(population.level).toBe('ok');
    expect(population.message.it).toContain('soglia di 3.000 (comuni montani) raggiunta');

  });

  it('holds a non-mountain territory of that size to the 10,000 residents', async () => {
    // Bagnara di Romagna (2,414) and Solarolo (4,4k), in Unioni that are not montane.
    const analysis = (await (await env.server.post('/api/territories/analyze', { members: ['039003', '039018'] })).json()) as Analysis;
    expect(analysis.totals.population).toBeGreaterThan(3_000);
    expect(analysis.totals.population).toBeLessThan(10_000);
    const created = await env.server.post('/api/alliances', {
      name: 'ALI di pianura',
      members: [{ code: '039003', lead: true }, { code: '039018' }],
    });
    const population = ((await created.json()) as Analysis).rules.find((r) => r.id === 'population')!;
    expect(population.level).toBe('problem');
    expect(population.message.it).toMatch(/su 10\.000 richiesti: ne mancano/);
    expect(population.message.it).not.toContain('comuni montani');
  });
});
