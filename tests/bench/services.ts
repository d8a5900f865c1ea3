import { computeCoverage } from '../../domain/coverage';
import { ruleSet } from '../../domain/rule-sets';
import { frontier } from '../../domain/selection';
import { rankSuggestions } from '../../domain/suggestions';
import type { TerritoryTables } from '../../server/data/territory-store';
import { ProvisionsStore } from '../../server/data/provisions';
import { coverageColumns } from '../../server/services/coverage';
import type { Database } from '../../infra/db/database';

export interface ServiceFigures {
  coverageHttpP50: number;
  coverageFundamentalHttpP50: number;
  coverageDomainMs: number;
  suggestionsHttpP50: number;
  suggestionsDomainMs: number;
  withinRegionHttpP50: number;
  publishedMembers: number;
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(times: number, request: () => Promise<Response>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < times; i++) {
    const s = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    t.push(performance.now() - s);
  }
  return p50(t);
}

/**
 * Coverage for all 7,899 Comuni (with a published alliance providing the service), suggestions
 * for a 50-member selection, and a region-sized lasso, over HTTP and as bare domain calls.
 */
export async function benchServices(base: string, db: Database, tables: TerritoryTables, members50: string[]): Promise<ServiceFigures> {
  const post = (path: string, body: unknown) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const created = await post('/api/alliances', {
    name: 'Bench services',
    status: 'published',
    ruleSet: 'national',
    members: members50.map((code, i) => ({ code, lead: i === 0 })),
    services: [
      { code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 5_000_000, equalShare: 0.3 },
      { code: 'ff-a', provider: { kind: 'lead' }, annualCostCents: 2_000_000, equalShare: 0 },
    ],
  });
  if (created.status !== 201) throw new Error(`publishing the bench alliance failed: ${await created.text()}`);

  const coverageHttpP50 = await timed(20, () => fetch(`${base}/api/coverage?service=suap`));
  const coverageFundamentalHttpP50 = await timed(20, () => fetch(`${base}/api/coverage?service=fundamental`));
  const columns = coverageColumns(tables);
  const providers = (await new ProvisionsStore(db.knex).refresh()).of('suap');
  let s = performance.now();
  for (let i = 0; i < 20; i++) computeCoverage(columns, providers, false);
  const coverageDomainMs = (performance.now() - s) / 20;

  const suggestionsHttpP50 = await timed(20, () => post('/api/suggestions', { members: members50, services: ['suap'] }));
  const national = ruleSet('national')!;
  const candidates = frontier(members50, (c) => tables.graph.neighbours(c));
  s = performance.now();
  for (let i = 0; i < 20; i++) {
    rankSuggestions({
      members: members50,
      candidates,
      ruleSet: national,
      facts: (code) => {
        const f = tables.facts.get(code);
        return f && { code, name: f.name, population: f.population, mountain: false, provinceCode: f.provinceCode, regionCode: f.regionCode };
      },
    });
  }
  const suggestionsDomainMs = (performance.now() - s) / 20;

  // A rectangle around Valle d'Aosta: 74 Comuni inside, border Comuni measured by area share.
  const ring = [[6.79, 45.45], [7.95, 45.45], [7.95, 45.99], [6.79, 45.99], [6.79, 45.45]];
  const withinRegionHttpP50 = await timed(5, () => post('/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [ring] } }));
  return {
    coverageHttpP50,
    coverageFundamentalHttpP50,
    coverageDomainMs,
    suggestionsHttpP50,
    suggestionsDomainMs,
    withinRegionHttpP50,
    publishedMembers: providers.length,
  };
}
