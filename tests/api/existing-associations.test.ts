import { describe, expect, it } from 'vitest';
import type { ComuneDetails, SourcesAnswer } from '../../domain/api-types';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();
const LUGO = '039012';
const BASSA_ROMAGNA = 'Unione dei Comuni della Bassa Romagna';
/** Lugo and its Unione's neighbours: contiguous and large enough to publish. */
const BASSA_ROMAGNA_MEMBERS = [LUGO, '039002', '039003', '039008', '039009', '039011', '039013', '039017', '039001'];

const json = async <T>(path: string): Promise<T> => {
  const response = await env.server.get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

/** Agliè and all its neighbours: a contiguous Canavese alliance large enough to publish. */
async function canaveseMembers(): Promise<string[]> {
  const details = await json<{ neighbours: string[] }>('/api/comuni/001001');
  return ['001001', ...details.neighbours];
}

async function saveAlliance(name: string, members: string[], status: 'draft' | 'published'): Promise<number> {
  const response = await env.server.post('/api/alliances', {
    name,
    status,
    members: members.map((code, i) => ({ code, lead: i === 0 })),
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

describe('the Unioni di Comuni shipped with the data', () => {
  it('are listed by kind with their members', async () => {
    const unioni = await json<{ associations: { id: number; name: string; comuni: number; source: string }[] }>('/api/associations?kind=unione');
    expect(unioni.associations.length).toBe(397);
    const bassa = unioni.associations.find((a) => a.name === BASSA_ROMAGNA);
    expect(bassa).toMatchObject({ comuni: 9, source: 'ANCI 2023' });
    const detail = await json<{ members: { code: string }[]; contiguity: { contiguous: boolean } }>(`/api/associations/${bassa!.id}`);
    expect(detail.members.map((m) => m.code)).toContain(LUGO);
    expect(detail.contiguity.contiguous).toBe(true);
  });

  it("are in a Comune's details, with the reason it counts as mountain", async () => {
    const lugo = await json<ComuneDetails>(`/api/comuni/${LUGO}`);
    expect(lugo.associations.filter((a) => a.kind === 'unione').map((a) => a.name)).toEqual([BASSA_ROMAGNA]);
    expect(lugo.mountain).toBeNull();
    const boves = await json<ComuneDetails>('/api/comuni/004028');
    expect(boves.mountain).toMatchObject({ kind: 'unione', name: 'Unione Montana Alpi del Mare' });
    const friulian = await json<ComuneDetails>('/api/comuni/030025');
    expect(friulian.mountain).toMatchObject({ kind: 'comunita_montana', name: 'Comunità di Montagna Canal del Ferro - Valcanale' });
  });
});

describe('the alliances of a Comune', () => {
  it('are listed on its details when published; a draft is reachable by its link only', async () => {
    const draft = await saveAlliance('A bozza di Lugo', [LUGO, '039002'], 'draft');
    const published = await saveAlliance('Z pubblicata di Lugo', BASSA_ROMAGNA_MEMBERS, 'published');
    const lugo = await json<ComuneDetails>(`/api/comuni/${LUGO}`);
    expect(lugo.alliances.filter((a) => a.id === draft || a.id === published)).toEqual([
      { id: published, name: 'Z pubblicata di Lugo', status: 'published', memberStatus: 'proposed' },
    ]);
    // Unlisted everywhere (the list, a search, the map's outlines), yet open to whoever has its link.
    expect((await json<{ alliances: { id: number }[] }>('/api/alliances?limit=500')).alliances.map((a) => a.id)).not.toContain(draft);
    expect((await json<{ alliances: { id: number }[] }>('/api/alliances?q=bozza')).alliances.map((a) => a.id)).not.toContain(draft);
    const outlines = await json<{ features: { id: number }[] }>('/api/alliances.geojson?limit=1000');
    expect(outlines.features.map((f) => f.id)).toContain(published);
    expect(outlines.features.map((f) => f.id)).not.toContain(draft);
    expect(await json<{ name: string; status: string }>(`/api/alliances/${draft}`)).toMatchObject({ name: 'A bozza di Lugo', status: 'draft' });
  });

  it('can be found in the alliance list by a member Comune, accents and case aside', async () => {
    const id = await saveAlliance('Alleanza senza nome di luogo', ['039002', ...BASSA_ROMAGNA_MEMBERS.filter((c) => c !== '039002')], 'published');
    const other = await saveAlliance('Alleanza del Canavese', await canaveseMembers(), 'published');
    for (const q of ['Lugo', 'lugo', 'LUGO']) {
      const ids = (await json<{ alliances: { id: number }[] }>(`/api/alliances?q=${q}`)).alliances.map((a) => a.id);
      expect(ids, q).toContain(id);
      expect(ids, q).not.toContain(other);
    }
    const byName = (await json<{ alliances: { id: number }[] }>(`/api/alliances?q=${encodeURIComponent('canavese')}`)).alliances.map((a) => a.id);
    expect(byName).toContain(other);
    expect(byName).not.toContain(id);
    expect((await env.server.get(`/api/alliances?q=${'x'.repeat(101)}`)).status).toBe(400);
  });
});

describe('GET /api/sources', () => {
  it('lists every dataset with source, date, licence, counts and known gaps, and says it came from the pack', async () => {
    const answer = await json<SourcesAnswer>('/api/sources');
    expect(answer.datasets.map((d) => d.id)).toEqual(['boundaries', 'figures', 'snai', 'sll', 'unioni']);
    const by = Object.fromEntries(answer.datasets.map((d) => [d.id, d]));
    expect(by.boundaries!.counts).toEqual({ comuni: 7899, provinces: 107, regions: 20 });
    expect(by.figures!.counts.withPopulation).toBe(7898);
    expect(by.unioni!.counts).toEqual({ associations: 418, memberships: 2585 });
    expect(by.snai!.counts.associations).toBe(208);
    expect(by.boundaries!.gaps.map((g) => g.it).join(' ')).toContain('Moransengo-Tonengo');
    expect(by.figures!.gaps.map((g) => g.it).join(' ')).toContain('Misiliscemi');
    expect(by.unioni!.gaps.map((g) => g.it).join(' ')).toContain('troncati');
    for (const d of answer.datasets) {
      expect(d.licence, d.id).not.toBe('');
      expect(d.importedAt, d.id).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(answer.origin?.kind).toBe(process.env.GEODATA_DIR ? 'sources' : 'pack');
  });
});

describe('the alliance list and outlines are bounded', () => {
  it('pages the list with limit and cursor, every alliance once', async () => {
    const ids = new Set<number>();
    for (let i = 0; i < 5; i++) ids.add(await saveAlliance(`Pagina ${i}`, BASSA_ROMAGNA_MEMBERS, 'published'));
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { alliances: { id: number }[]; nextCursor: string | null } = await json(`/api/alliances?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.alliances.length).toBeLessThanOrEqual(2);
      seen.push(...page.alliances.map((a) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    const all = await json<{ alliances: { id: number }[] }>('/api/alliances?limit=500');
    expect(seen).toEqual(all.alliances.map((a) => a.id));
    for (const bad of ['cursor=abc', 'limit=0', 'limit=501']) expect((await env.server.get(`/api/alliances?${bad}`)).status, bad).toBe(400);
  });

  it('serves outlines within a box, at most a limit, saying when some were left out', async () => {
    await saveAlliance('Contorno in Piemonte', await canaveseMembers(), 'published');
    await saveAlliance('Contorno in Romagna', BASSA_ROMAGNA_MEMBERS, 'published');
    const one = await json<{ features: unknown[]; truncated: boolean }>('/api/alliances.geojson?limit=1');
    expect(one.features).toHaveLength(1);
    expect(one.truncated).toBe(true);
    const sicily = await json<{ features: { properties: { name: string } }[] }>('/api/alliances.geojson?bbox=12,36.5,15.7,38.3');
    expect(sicily.features.map((f) => f.properties.name)).not.toContain('Contorno in Piemonte');
    const piemonte = await json<{ features: { properties: { name: string } }[] }>('/api/alliances.geojson?bbox=7,45,8.5,46');
    expect(piemonte.features.map((f) => f.properties.name)).toContain('Contorno in Piemonte');
    expect((await env.server.get('/api/alliances.geojson?bbox=1,2,3')).status).toBe(400);
  });
});
