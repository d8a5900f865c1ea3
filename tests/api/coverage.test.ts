import { describe, expect, it } from 'vitest';
import { readCsv } from '../helpers/downloads';
import { useTestServer } from '../helpers/test-server';

// Its own database: it changes the service catalogue or counts national totals.
const env = useTestServer({ ownDatabase: true });

type Json = Record<string, unknown>;
const AGLIE = '001001';

interface Aggregate { code: string; name: string; comuni: number; covered: number; obligedUncovered: number; smallUncovered: number; population: number; populationCovered: number; sources?: number }
interface Coverage {
  service: string;
  sources: { kind: string; id: number; name: string; comuni: number }[];
  sourceCount: number;
  covered: Record<string, number>;
  obligation: boolean;
  obligedUncovered: string[];
  smallUncovered: string[];
  regions: Aggregate[];
  provinces: Aggregate[];
  totals: Aggregate;
  assumption: { it: string } | null;
}

const coverage = async (service: string) => {
  const response = await env.server.get(`/api/coverage?service=${service}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Coverage;
};

async function publishWith(members: string[], services: Json[]) {
  const response = await env.server.post('/api/alliances', {
    name: 'ALI coperta',
    status: 'published',
    members: members.map((code, i) => ({ code, lead: i === 0 })),
    services,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number };
}

describe('GET /api/coverage', () => {
  it('lists the small Comuni without a service nobody provides, and calls none of them obliged when no law does', async () => {
    const c = await coverage('pagopa');
    expect(c.totals.comuni).toBe(7899);
    expect(c.totals.covered).toBe(0);
    expect(c.regions).toHaveLength(20);
    expect(c.provinces).toHaveLength(107);
    expect(c.regions.find((r) => r.code === '12')?.name).toBe('Lazio');
    // pagoPA is no fundamental function: nobody is obliged to run it jointly (it listed 5,462 Comuni as "obliged").
    expect(c.obligation).toBe(false);
    expect(c.obligedUncovered).toEqual([]);
    expect(c.totals.obligedUncovered).toBe(0);
    // Agliè (2,545 residents) is small; Roma is not. Every Comune of at most 5,000 residents, ISTAT 2020: 5,527 of 7,899.
    expect(c.smallUncovered).toContain(AGLIE);
    expect(c.smallUncovered).not.toContain('058091');
    expect(c.smallUncovered).toHaveLength(5527);
    expect(c.totals.smallUncovered).toBe(5527);
    expect(c.regions.reduce((s, r) => s + r.population, 0)).toBe(c.totals.population);
    expect(c.assumption).toBeNull();
    expect(c.obligation).toBe(false); // pagoPA: small Comuni gain most, but no law obliges them
  });

  it('lists as obliged, for a fundamental function, the uncovered Comuni the law obliges (≤ 5,000; ≤ 3,000 mountain)', async () => {
    const c = await coverage('ff-a');
    expect(c.obligation).toBe(true);
    expect(c.obligedUncovered).toContain(AGLIE); // in no Unione: nobody runs its functions jointly
    expect(c.obligedUncovered).not.toContain('058091');
    expect(c.totals.obligedUncovered).toBe(c.obligedUncovered.length);
    expect(c.obligedUncovered.length).toBeGreaterThan(1000);
    // The obliged are small Comuni: all of them are among the small ones without the service.
    const small = new Set(c.smallUncovered);
    expect(c.obligedUncovered.every((code) => small.has(code))).toBe(true);
    expect(c.totals.smallUncovered).toBe(c.smallUncovered.length);
  });

  it('shows the members of a published alliance covered for its service, and by province', async () => {
    const details = (await (await env.server.get(`/api/comuni/${AGLIE}`)).json()) as { neighbours: string[] };
    const members = [AGLIE, ...details.neighbours];
    const { id } = await publishWith(members, [
      { code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 100_000, equalShare: 0.5 },
      { code: 'ff-e', provider: { kind: 'lead' }, annualCostCents: 50_000, equalShare: 1, recipients: [AGLIE] },
    ]);
    const suap = await coverage('suap');
    expect(Object.keys(suap.covered).sort()).toEqual([...members].sort());
    expect(suap.covered[AGLIE]).toBe(1);
    expect(suap.sources).toEqual([{ kind: 'alliance', id, name: 'ALI coperta', comuni: members.length }]);
    expect(suap.sourceCount).toBe(1);
    expect(suap.obligedUncovered).not.toContain(AGLIE);
    const torino = suap.provinces.find((p) => p.code === '001')!;
    expect(torino.covered).toBe(members.filter((c) => c.startsWith('001')).length);
    expect(torino.populationCovered).toBeGreaterThan(0);

    // Of the alliance, only Agliè (in no Unione) receives civil protection: it is covered by the alliance alone.
    const ffe = await coverage('ff-e');
    expect(ffe.covered[AGLIE]).toBe(1);
    const piedmont = (await (await env.server.get('/api/coverage/sources?service=ff-e&region=01&limit=500')).json()) as { total: number; items: Coverage['sources'] };
    expect(piedmont.items).toHaveLength(piedmont.total);
    expect(piedmont.items.filter((s) => s.kind === 'alliance')).toEqual([{ kind: 'alliance', id, name: 'ALI coperta', comuni: 1 }]);
    expect(ffe.obligation).toBe(true); // civil protection is a fundamental function
    const any = await coverage('fundamental');
    expect(any.covered[AGLIE]).toBe(1);
    expect(any.assumption?.it).toContain('Unioni');

    const csv = await (await env.server.get('/api/coverage.csv?service=suap&level=region')).text();
    const rows = readCsv(csv);
    expect(rows).toHaveLength(20);
    // Piemonte: 1,179 Comuni, the alliance's members covered, the other small ones uncovered (SUAP obliges nobody).
    const piemonte = rows.find((r) => r.code === '01')!;
    const coveredHere = members.filter((c) => c.startsWith('001'));
    expect(piemonte).toMatchObject({ name: 'Piemonte', comuni: '1179', covered: String(coveredHere.length), population: '4274546' });
    // 1,044 Piemonte Comuni are small; the alliance's small members are no longer uncovered.
    const smallBefore = (await coverage('pagopa')).smallUncovered;
    expect(coveredHere.filter((c) => smallBefore.includes(c))).toEqual(coveredHere); // all of them are small
    expect(piemonte.small_uncovered).toBe(String(1044 - coveredHere.length));
    expect(piemonte.obliged_uncovered).toBe('0');
    expect(Number(piemonte.population_covered_percent)).toBeCloseTo((100 * torino.populationCovered) / 4274546, 1);
  });

  it('counts the members of an existing Unione as covered for fundamental functions, saying it is an assumption', async () => {
    const c = await coverage('fundamental');
    expect(c.covered['039012']).toBe(1);
    // Emilia-Romagna's bodies, paged: the Bassa Romagna's Unione among them, with its nine Comuni.
    const page = (await (await env.server.get('/api/coverage/sources?service=fundamental&region=08&limit=500')).json()) as { total: number; items: { kind: string; name: string; comuni: number }[] };
    const bassa = page.items.find((s) => s.kind === 'unione' && s.name === 'Unione dei Comuni della Bassa Romagna');
    expect(bassa?.comuni).toBeGreaterThanOrEqual(2);
    expect(page.total).toBe(c.regions.find((r) => r.code === '08')!.sources);
    expect(c.obligedUncovered).not.toContain('039003'); // Bagnara di Romagna, a small Comune of the same Unione
    expect(c.totals.covered).toBeGreaterThan(2000);
    expect(c.assumption?.it).toContain('Unioni');
    // A digital service is not a fundamental function: an Unione does not cover it.
    expect((await coverage('pagopa')).covered['039012']).toBeUndefined();
  });

  it('answers compactly however many alliances provide a service: ten bodies inline, the rest paged', async () => {
    const c = await coverage('fundamental');
    expect(c.sourceCount).toBeGreaterThan(100); // every Unione, Comunità Montana and agreement
    expect(c.sources).toHaveLength(10);
    expect(c.sources.map((s) => s.comuni)).toEqual([...c.sources.map((s) => s.comuni)].sort((a, b) => b - a));
    const first = (await (await env.server.get('/api/coverage/sources?service=fundamental&limit=10')).json()) as { total: number; offset: number; items: Coverage['sources'] };
    expect(first).toMatchObject({ total: c.sourceCount, offset: 0 });
    expect(first.items).toEqual(c.sources);
    const next = (await (await env.server.get('/api/coverage/sources?service=fundamental&offset=10&limit=10')).json()) as { items: Coverage['sources'] };
    expect(next.items).toHaveLength(10);
    expect(next.items[0]!.comuni).toBeLessThanOrEqual(first.items[9]!.comuni);
    // Each covered Comune says how many bodies provide it, not which: they add up to the bodies' Comuni.
    const all = (await (await env.server.get('/api/coverage/sources?service=fundamental&limit=500')).json()) as { total: number; items: Coverage['sources'] };
    let pairs = all.items.reduce((sum, s) => sum + s.comuni, 0);
    for (let offset = 500; offset < all.total; offset += 500) {
      const more = (await (await env.server.get(`/api/coverage/sources?service=fundamental&offset=${offset}&limit=500`)).json()) as { items: Coverage['sources'] };
      pairs += more.items.reduce((sum, s) => sum + s.comuni, 0);
    }
    expect(Object.values(c.covered).reduce((sum, n) => sum + n, 0)).toBe(pairs);
    const bad = await env.server.get('/api/coverage/sources?service=fundamental&limit=5000');
    expect(bad.status).toBe(400);
    expect((await env.server.get('/api/coverage/sources?service=teletrasporto')).status).toBe(404);
  });

  it('tells one Comune whether it receives a service, through which bodies, and whether the law obliges it', async () => {
    // Bagnara di Romagna (small, in the Bassa Romagna's Unione): fundamental functions through its Unione.
    const bagnara = (await (await env.server.get('/api/coverage/comune?service=fundamental&code=039003')).json()) as Json;
    expect(bagnara).toMatchObject({ service: 'fundamental', code: '039003', obligation: true, obliged: true, small: true });
    expect(bagnara.sources).toContainEqual(expect.objectContaining({ kind: 'unione', name: 'Unione dei Comuni della Bassa Romagna' }));
    // Roma: not small, not obliged; pagoPA: no Unione provides it, no law obliges anyone.
    expect(await (await env.server.get('/api/coverage/comune?service=fundamental&code=058091')).json()).toMatchObject({ obliged: false, small: false });
    expect(await (await env.server.get('/api/coverage/comune?service=pagopa&code=039003')).json()).toEqual({ service: 'pagopa', code: '039003', sources: [], obligation: false, obliged: false, small: true });
    // The first Comune in code order is found too.
    expect((await env.server.get('/api/coverage/comune?service=pagopa&code=001001')).status).toBe(200);
    const unknown = await env.server.get('/api/coverage/comune?service=pagopa&code=999999');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('Nessun comune con codice 999999');
    expect((await env.server.get('/api/coverage/comune?service=pagopa&code=12')).status).toBe(400);
    expect((await env.server.get('/api/coverage/comune?service=teletrasporto&code=001001')).status).toBe(404);
  });

  it('answers an unknown or malformed service clearly', async () => {
    expect((await env.server.get('/api/coverage?service=teletrasporto')).status).toBe(404);
    const bad = await env.server.get('/api/coverage?service=SUAP!');
    expect(bad.status).toBe(400);
    expect((await env.server.get('/api/coverage')).status).toBe(400);
  });
});

describe('POST /api/suggestions', () => {
  interface Suggestion { code: string; name: string; score: number; populationAfter: number; reasons: { id: string; it: string; en: string }[] }
  const suggest = async (body: Json) => {
    const response = await env.server.post('/api/suggestions', body);
    return { status: response.status, body: (await response.json()) as { ruleSet: { id: string }; suggestions: Suggestion[] } & Json };
  };

  it('ranks the neighbours of a selection with the reasons, best first', async () => {
    const details = (await (await env.server.get(`/api/comuni/${AGLIE}`)).json()) as { neighbours: string[] };
    const { status, body } = await suggest({ members: [AGLIE] });
    expect(status).toBe(200);
    expect(body.ruleSet.id).toBe('piemonte');
    expect(body.suggestions.length).toBe(Math.min(10, details.neighbours.length));
    for (const s of body.suggestions) expect(details.neighbours).toContain(s.code);
    const scores = body.suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.suggestions[0]!.reasons.length).toBeGreaterThan(0);
    expect(body.suggestions[0]!.populationAfter).toBeGreaterThan(2545);
  });

  it('tells which neighbours are not yet covered for the chosen services', async () => {
    const { body } = await suggest({ members: [AGLIE], services: ['pagopa'], ruleSet: 'national', limit: 50 });
    expect(body.ruleSet.id).toBe('national');
    const small = body.suggestions.filter((s) => s.populationAfter - 2545 <= 5000);
    expect(small.length).toBeGreaterThan(0);
    for (const s of small) expect(s.reasons.map((r) => r.id)).toContain('small');
  });

  it('leave the cached alliances state be (they store nothing), while a save moves it on', async () => {
    const revision = () => env.server.ctx.alliancesRevision.current();
    const before = revision();
    expect((await suggest({ members: [AGLIE] })).status).toBe(200);
    expect((await env.server.post('/api/contiguity', { members: [AGLIE] })).status).toBe(200);
    expect((await env.server.post('/api/territories/analyze', { members: [AGLIE] })).status).toBe(200);
    expect(revision()).toBe(before);
    const saved = await env.server.post('/api/alliances', { name: 'ALI che sposta la revisione', members: [{ code: AGLIE }] });
    expect(saved.status).toBe(201);
    expect(revision()).toBeGreaterThan(before);
  });

  it('refuses unknown Comuni and services', async () => {
    expect((await suggest({ members: ['999999'] })).status).toBe(422);
    expect((await suggest({ members: [AGLIE], services: ['teletrasporto'] })).status).toBe(422);
    expect((await suggest({ members: [] })).status).toBe(400);
  });
});
