import { describe, expect, it } from 'vitest';
import { contiguity } from '../../domain/contiguity';
import type { TerritoryTables } from '../../server/data/territory-store';
import type { PlanResponse } from '../../server/services/plans';
import { startTestServer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

const CUNEO = '004'; // 247 Comuni, mountain and plain, many Unioni
const AOSTA = '007'; // 74 Comuni, one valley
const LIPARI = '083041'; // islands, no land border
const CAMPIONE = '013040'; // exclave in Switzerland

const tables = async (): Promise<TerritoryTables> => (await env.server.ctx.tables.get()).value;
const codesOf = (t: TerritoryTables, key: 'provinceCode' | 'regionCode', code: string) =>
  [...t.facts.values()].filter((f) => f[key] === code).map((f) => f.code).sort();
const populationOf = (t: TerritoryTables, codes: readonly string[]) => codes.reduce((s, c) => s + (t.facts.get(c)?.population ?? 0), 0);

/** Three Comuni of the territory in a row: a borders b, b borders c. */
function adjacentChain(t: TerritoryTables, territory: readonly string[]): [string, string, string] {
  const inside = new Set(territory);
  for (const a of territory) {
    for (const b of t.graph.neighbours(a).filter((n) => inside.has(n))) {
      const c = t.graph.neighbours(b).find((n) => inside.has(n) && n !== a);
      if (c) return [a, b, c];
    }
  }
  throw new Error('no three Comuni in a row');
}

async function plan(body: unknown): Promise<PlanResponse> {
  const response = await env.server.post('/api/plans', body);
  const json = (await response.json()) as unknown;
  expect(response.status, JSON.stringify(json)).toBe(200);
  return json as PlanResponse;
}

async function refused(body: unknown, status: number, message: RegExp): Promise<void> {
  const response = await env.server.post('/api/plans', body);
  const json = (await response.json()) as { error: { message: string; details?: unknown } };
  expect(response.status, JSON.stringify(json)).toBe(status);
  const details = Array.isArray(json.error.details) ? json.error.details : [];
  const text = [json.error.message, ...(details as { message: string }[]).map((d) => d.message)].join(' | ');
  expect(text).toMatch(message);
}

/**
 * The plan's promises, checked against the data, not the plan's own figures: every alliance contiguous
 * by the server's contiguity check and at the floor, members and unassigned a partition of the
 * territory, and each unassigned Comune's reason true.
 */
function expectSoundPlan(t: TerritoryTables, territory: readonly string[], floor: number, p: PlanResponse, label: string): void {
  const seen = p.alliances.flatMap((a) => a.members).concat(p.unassigned.map((u) => u.code));
  expect(seen.length, `${label}: a Comune in two places`).toBe(new Set(seen).size);
  expect([...seen].sort(), `${label}: not a partition of the territory`).toEqual([...territory].sort());
  const inside = new Set(territory);
  const within = (c: string) => t.graph.neighbours(c).filter((n) => inside.has(n));
  for (const a of p.alliances) {
    expect(contiguity(a.members, t.graph.neighbours).contiguous, `${label}: ${a.name} not contiguous`).toBe(true);
    expect(populationOf(t, a.members), `${label}: ${a.name} below the floor`).toBeGreaterThanOrEqual(floor);
    expect(a.population).toBe(populationOf(t, a.members));
  }
  const parts = contiguity(territory, within).components;
  for (const u of p.unassigned) {
    if (u.reason === 'isolated') expect(within(u.code), `${label}: ${u.code} is not isolated`).toEqual([]);
    if (u.reason === 'component_below_floor') {
      const part = parts.find((q) => q.includes(u.code)) ?? [];
      expect(populationOf(t, part), `${label}: ${u.code}'s part reaches the floor`).toBeLessThan(floor);
    }
  }
  expect(p.score.alliances).toBe(p.alliances.length);
  expect(p.score.upperBound).toBe(Math.floor(populationOf(t, territory) / floor));
  expect(p.alliances.length).toBeLessThanOrEqual(p.score.upperBound);
}

describe('POST /api/plans', () => {
  it('answers a province with named, sound alliances, the score, the seed and the time taken', async () => {
    const t = await tables();
    const p = await plan({ area: { province: AOSTA }, minPopulation: 5_000, keepAssociations: 'soft', seed: 7, timeLimitMs: 1_000 });
    expect(Object.keys(p).sort()).toEqual(['alliances', 'elapsedMs', 'score', 'seed', 'stoppedEarly', 'unassigned']);
    expect(Object.keys(p.score).sort()).toEqual(['alliances', 'associationsSplit', 'compactness', 'sllSplit', 'snaiSplit', 'upperBound']);
    expect(p.seed).toBe(7);
    expect(p.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(p.alliances.length).toBeGreaterThan(1);
    for (const a of p.alliances) {
      expect(a.name.length).toBeGreaterThan(0);
      expect(a.members).toEqual([...a.members].sort());
      expect(a.explanation.marginOverFloor).toBe(a.population - 5_000);
    }
    expect(new Set(p.alliances.map((a) => a.name)).size).toBe(p.alliances.length);
    expectSoundPlan(t, codesOf(t, 'provinceCode', AOSTA), 5_000, p, 'Aosta');
  });

  it('takes the floor, the options and a random seed by default, and gives the seed back', async () => {
    const p = await plan({ area: { province: AOSTA }, timeLimitMs: 300 });
    expect(Number.isInteger(p.seed)).toBe(true);
    const t = await tables();
    expect(p.score.upperBound).toBe(Math.floor(populationOf(t, codesOf(t, 'provinceCode', AOSTA)) / 20_000));
  });

  it('gives the same plan for the same seed', async () => {
    const body = { area: { province: AOSTA }, minPopulation: 5_000, keepAssociations: 'soft', seed: 12345, timeLimitMs: 1_000 };
    const [a, b] = [await plan(body), await plan(body)];
    expect(a.stoppedEarly).toBe(false); // the search ran its whole course both times: no clock in the result
    expect(b.alliances).toEqual(a.alliances);
    expect(b.unassigned).toEqual(a.unassigned);
    expect(b.score).toEqual(a.score);
  });

  it("with keepAssociations 'hard' splits no Unione or Comunità lying wholly inside the territory", async () => {
    const t = await tables();
    const territory = codesOf(t, 'provinceCode', CUNEO);
    const p = await plan({ area: { province: CUNEO }, minPopulation: 20_000, keepAssociations: 'hard', seed: 3, timeLimitMs: 2_000 });
    expectSoundPlan(t, territory, 20_000, p, 'Cuneo hard');
    const home = new Map<string, string>();
    p.alliances.forEach((a, i) => a.members.forEach((c) => home.set(c, `alliance ${i}`)));
    p.unassigned.forEach((u) => home.set(u.code, 'unassigned'));
    const members = new Map<number, { name: string; codes: string[] }>();
    for (const [code, refs] of t.memberships) {
      for (const r of refs) {
        if (r.kind !== 'unione' && r.kind !== 'comunita_montana') continue;
        const entry = members.get(r.id) ?? { name: r.name, codes: [] };
        entry.codes.push(code);
        members.set(r.id, entry);
      }
    }
    const inside = new Set(territory);
    const whollyInside = [...members.values()].filter((a) => a.codes.every((c) => inside.has(c)));
    expect(whollyInside.length).toBeGreaterThan(5);
    // An association in several pieces (no shared border between them) is kept whole piece by piece.
    let inPieces = 0;
    for (const a of whollyInside) {
      const pieces = contiguity(a.codes, t.graph.neighbours).components;
      if (pieces.length > 1) inPieces++;
      for (const piece of pieces) expect(new Set(piece.map((c) => home.get(c))).size, `${a.name} split`).toBe(1);
    }
    expect(inPieces).toBeLessThan(whollyInside.length);
    expect(p.score.associationsSplit).toBeLessThanOrEqual(inPieces);
  });

  it('keeps each locked group whole', async () => {
    const t = await tables();
    const territory = codesOf(t, 'provinceCode', CUNEO);
    const inside = new Set(territory);
    const locked: string[][] = [];
    const used = new Set<string>();
    for (const code of territory) {
      const partner = t.graph.neighbours(code).find((n) => inside.has(n) && !used.has(n));
      if (used.has(code) || !partner) continue;
      locked.push([code, partner]);
      used.add(code).add(partner);
      if (locked.length === 6) break;
    }
    const p = await plan({ area: { province: CUNEO }, minPopulation: 20_000, keepAssociations: 'off', locked, seed: 5, timeLimitMs: 1_000 });
    expectSoundPlan(t, territory, 20_000, p, 'Cuneo locked');
    for (const group of locked) {
      const holders = new Set(group.map((c) => p.alliances.findIndex((a) => a.members.includes(c))));
      expect(holders.size, `${group.join('+')} split`).toBe(1);
    }
  });

  it('answers an infeasible territory with every Comune unassigned and why', async () => {
    const islands = await plan({ area: { codes: [LIPARI, CAMPIONE] }, minPopulation: 20_000, keepAssociations: 'off', seed: 1, timeLimitMs: 200 });
    expect(islands.alliances).toEqual([]);
    expect(islands.unassigned.map((u) => [u.code, u.reason]).sort()).toEqual([[CAMPIONE, 'isolated'], [LIPARI, 'isolated']]);
    for (const u of islands.unassigned) expect(u.message).toMatch(/ \/ [A-Z]/);
    const t = await tables();
    const small = codesOf(t, 'provinceCode', AOSTA).slice(0, 3);
    const p = await plan({ area: { codes: small }, minPopulation: 200_000, keepAssociations: 'off', seed: 1, timeLimitMs: 200 });
    expect(p.alliances).toEqual([]);
    expect(p.unassigned.map((u) => u.code).sort()).toEqual(small);
    expect(p.score.upperBound).toBe(0);
  });

  it('refuses bad input with the reason in Italian and English', async () => {
    const t = await tables();
    const aosta = codesOf(t, 'provinceCode', AOSTA);
    await refused({ area: { codes: ['999999'] } }, 422, /sconosciuti \/ Unknown ISTAT codes: 999999/);
    await refused({ area: { region: '99' } }, 422, /Regione sconosciuta \/ Unknown region/);
    await refused({ area: { province: '999' } }, 422, /Provincia sconosciuta \/ Unknown province/);
    await refused({ area: { codes: [] } }, 400, /almeno un comune \/ at least one Comune/);
    await refused({ area: {} }, 400, /Richiesta non valida \/ Invalid request/);
    await refused({ area: { province: AOSTA }, minPopulation: 500 }, 400, /soglia va da 1\.000 a 200\.000 abitanti \/ the floor must be/);
    await refused({ area: { province: AOSTA }, minPopulation: 250_000 }, 400, /soglia .* \/ the floor must be/);
    await refused({ area: { province: AOSTA }, timeLimitMs: 20_000 }, 422, /Al massimo 10000 ms .* \/ At most 10000 ms/);
    await refused({ area: { codes: [...t.facts.keys()].slice(0, 2_001) } }, 413, /Al massimo 2000 comuni .* \/ At most 2000 Comuni per plan \(here 2001\)/);
    const [a, b, c] = adjacentChain(t, aosta);
    await refused({ area: { province: AOSTA }, locked: [[a, b], [b, c]] }, 422, new RegExp(`${b} è in due gruppi bloccati / .*${b} is in two locked groups`));
    const far = [a, aosta.find((x) => x !== a && !t.graph.neighbours(a).includes(x)) as string].sort();
    await refused({ area: { province: AOSTA }, locked: [far] }, 422, new RegExp(`${far[0]} non è contiguo.* / The locked group with ${far[0]} is not contiguous`));
    await refused({ area: { province: AOSTA }, locked: [['001272']] }, 422, /non è nel territorio \/ Locked Comune 001272 is not in the territory/);
    await refused({ area: { province: AOSTA }, keepAssociations: 'always' }, 400, /Richiesta non valida \/ Invalid request/);
  });

  it('counts against the computations rate limit', async () => {
    const limited = await startTestServer(env.database.db, undefined, { rateLimits: { read: 1_000, compute: 2, write: 1_000, adminFailures: 1_000 } });
    try {
      const body = { area: { codes: [LIPARI] }, timeLimitMs: 100 };
      expect((await limited.post('/api/plans', body)).status).toBe(200);
      expect((await limited.post('/api/plans', body)).status).toBe(200);
      const third = await limited.post('/api/plans', body);
      expect(third.status).toBe(429);
      expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/Troppi calcoli/);
    } finally {
      await limited.close();
    }
  });

  it('keeps answering health checks while a plan runs', async () => {
    let planDone = 0;
    const running = env.server
      // Lombardia, 1,502 Comuni at 5,000: seconds of work for the planner's thread.
      .post('/api/plans', { area: { region: '03' }, minPopulation: 5_000, keepAssociations: 'soft', seed: 1, timeLimitMs: 3_000 })
      .then(async (r) => {
        planDone = performance.now();
        return r.status;
      });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request has reached the planner
    const health = await env.server.get('/api/health');
    const healthDone = performance.now();
    expect(health.status).toBe(200);
    expect(await running).toBe(200);
    expect(healthDone).toBeLessThan(planDone);
  });
});

describe('every province and region', () => {
  // Short time limits: the invariants hold at any time limit (the plan so far is always sound).
  const run = async (areas: { key: 'provinceCode' | 'regionCode'; code: string }[], floor: number, timeLimitMs: number) => {
    const t = await tables();
    const queue = [...areas];
    // Two at a time, as the server's two planner threads take them.
    const lane = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const area = next.key === 'provinceCode' ? { province: next.code } : { region: next.code };
        const p = await plan({ area, minPopulation: floor, keepAssociations: 'soft', seed: 1, timeLimitMs });
        expectSoundPlan(t, codesOf(t, next.key, next.code), floor, p, `${next.key} ${next.code} at ${floor}`);
      }
    };
    await Promise.all([lane(), lane()]);
  };

  it('at 20,000 and at 5,000: each province is partitioned into contiguous alliances at the floor, the rest unassigned with a true reason', async () => {
    const t = await tables();
    const provinces = [...t.provinceNames.keys()].sort().map((code) => ({ key: 'provinceCode' as const, code }));
    expect(provinces).toHaveLength(107);
    await run(provinces, 20_000, 250);
    await run(provinces, 5_000, 250);
  }, 600_000);

  it('at 20,000: each region likewise', async () => {
    const t = await tables();
    const regions = [...t.regionNames.keys()].sort().map((code) => ({ key: 'regionCode' as const, code }));
    expect(regions).toHaveLength(20);
    await run(regions, 20_000, 500);
  }, 600_000);
});
