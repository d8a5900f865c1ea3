import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rfc7946Problems } from '../helpers/geojson';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Link = { href: string; rel: string; type: string };
type Items = FeatureCollection & { numberMatched: number; numberReturned: number; links: Link[] };

const json = async <T>(path: string, headers: Record<string, string> = {}) => {
  const response = await env.server.get(path, { headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};
const items = (path: string) => json<Items>(path);
const codes = (fc: FeatureCollection) => fc.features.map((f) => f.properties?.code as string);

async function publish(name: string, members: string[], status: 'published' | 'draft' = 'published') {
  const response = await env.server.post('/api/alliances', {
    name,
    status,
    members: members.map((code, i) => ({ code, lead: i === 0 })),
  });
  const body = (await response.json()) as { id: number };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

describe('OGC API – Features at /ogc', () => {
  it('has a landing page, conformance and three collections, in JSON and HTML', async () => {
    const landing = await json<{ links: Link[] }>('/ogc');
    expect(landing.links.map((l) => l.rel).sort()).toEqual(['alternate', 'conformance', 'data', 'self', 'service-desc', 'service-doc']);
    expect(landing.links.find((l) => l.rel === 'data')!.href).toBe(`${env.server.url}/ogc/collections`);
    const conformance = await json<{ conformsTo: string[] }>('/ogc/conformance');
    expect(conformance.conformsTo).toEqual([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
    ]);
    const { collections } = await json<{ collections: { id: string; extent?: { spatial: { bbox: number[][] } }; links: Link[] }[] }>('/ogc/collections');
    expect(collections.map((c) => c.id)).toEqual(['comuni', 'associations', 'alliances', 'alliance-members']);
    // Italy, from Vetta d'Italia to Lampedusa and from the Alps of Valle d'Aosta to Otranto.
    const [w, s, e, n] = collections[0]!.extent!.spatial.bbox[0]!;
    expect([Math.floor(w!), Math.floor(s!), Math.floor(e!), Math.floor(n!)]).toEqual([6, 35, 18, 47]);

    // A browser gets a readable page; ?f= overrides the Accept header.
    const page = await env.server.get('/ogc/collections', { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<h1>Collezioni / Collections</h1>');
    expect(html).toContain(`href="${env.server.url}/ogc/collections/comuni?f=html"`);
    expect((await env.server.get('/ogc/collections?f=json', { headers: { Accept: 'text/html' } })).headers.get('content-type')).toContain('application/json');
  });

  it('finds Lugo with a bbox, filters by region and province, and pages through every Comune', async () => {
    const lugo = await items('/ogc/collections/comuni/items?bbox=11.90,44.41,11.92,44.43');
    expect(codes(lugo)).toContain('039012');
    expect(lugo.numberReturned).toBe(lugo.features.length);
    expect(lugo.numberMatched).toBe(lugo.numberReturned);
    expect(lugo.features.find((f) => f.id === '039012')!.properties).toMatchObject({ code: '039012', name: 'Lugo', province: '039', region: '08' });

    expect((await items('/ogc/collections/comuni/items?region=02&limit=1')).numberMatched).toBe(74); // Valle d'Aosta
    const ravenna = await items('/ogc/collections/comuni/items?province=039&limit=100&zoom=8');
    expect(ravenna.numberMatched).toBe(18);
    expect(codes(ravenna)).toEqual([...codes(ravenna)].sort());

    // Following `next` links (generalised for speed) yields each of the 7,899 Comuni once.
    const seen: string[] = [];
    let next: string | undefined = `${env.server.url}/ogc/collections/comuni/items?limit=1000&zoom=5`;
    let pages = 0;
    while (next) {
      const page = (await (await fetch(next)).json()) as Items;
      expect(page.numberMatched).toBe(7899);
      seen.push(...codes(page));
      next = page.links.find((l) => l.rel === 'next')?.href;
      pages++;
    }
    expect(pages).toBe(8);
    expect(seen).toHaveLength(7899);
    expect(new Set(seen).size).toBe(7899);
  });

  it('serves full geometry in CRS84 with six decimals and RFC 7946 winding, generalised on request', async () => {
    const full = (await json<Feature>('/ogc/collections/comuni/items/039012')).geometry;
    const coarse = (await json<Feature>('/ogc/collections/comuni/items/039012?zoom=6')).geometry;
    expect(rfc7946Problems(full)).toEqual([]);
    expect(rfc7946Problems(coarse)).toEqual([]);
    const vertices = (g: typeof full) => JSON.stringify(g).split('],[').length;
    expect(vertices(coarse)).toBeLessThan(vertices(full));
    const page = await items('/ogc/collections/associations/items?code=039012&limit=50');
    expect(page.features.map((f) => f.properties?.kind).sort()).toEqual(['sll', 'unione']);
    expect(page.features.find((f) => f.properties?.kind === 'unione')!.properties).toMatchObject({ name: 'Unione dei Comuni della Bassa Romagna' });
    expect((page.features.find((f) => f.properties?.kind === 'unione')!.properties!.members as string[])).toHaveLength(9);
    for (const f of page.features) expect(rfc7946Problems(f.geometry)).toEqual([]);
  });

  it('lists published alliances only, with their members and statuses, and escapes them in HTML', async () => {
    const { neighbours } = await json<{ neighbours: string[] }>('/api/comuni/001001'); // 9,645 residents in all
    const id = await publish('<script>alert(1)</script> ALI OGC', ['001001', ...neighbours]);
    const draft = await publish('ALI OGC bozza', ['001001', ...neighbours], 'draft');
    const mine = await items('/ogc/collections/alliances/items?code=001001&limit=1000');
    const ids = mine.features.map((f) => f.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(draft);
    const feature = await json<Feature>(`/ogc/collections/alliances/items/${id}`);
    expect(feature.properties).toMatchObject({ id, status: 'published', members: [{ code: '001001', status: 'proposed', lead: true }, ...[...neighbours].sort().map((code) => ({ code }))] });
    expect(rfc7946Problems(feature.geometry)).toEqual([]);
    expect((await env.server.get(`/ogc/collections/alliances/items/${draft}`)).status).toBe(404);
    const html = await (await env.server.get(`/ogc/collections/alliances/items/${id}?f=html`)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; ALI OGC');
    expect(html).not.toContain('<script>');
  });

  it('answers wrong requests with 400 or 404 and a message, and lowers a large limit', async () => {
    const bad = async (path: string, status: number, text: RegExp) => {
      const response = await env.server.get(path);
      expect(response.status, path).toBe(status);
      const { error } = (await response.json()) as { error: { message: string; details?: unknown } };
      expect(`${error.message} ${JSON.stringify(error.details ?? '')}`, path).toMatch(text);
    };
    await bad('/ogc/collections/castelli', 404, /Nessuna collezione "castelli"/);
    await bad('/ogc/collections/comuni/items/999999', 404, /Nessun elemento "999999"/);
    await bad('/ogc/collections/comuni/items/abc', 404, /Nessun elemento "abc"/);
    await bad('/ogc/collections/comuni/items?colour=red', 400, /Parametri sconosciuti: colour/);
    await bad('/ogc/collections/alliances/items?kind=unione', 400, /Parametri sconosciuti: kind/);
    await bad('/ogc/collections/comuni/items?bbox=12,45,11,44', 400, /bbox/);
    await bad('/ogc/collections/comuni/items?limit=0', 400, /limit/);
    await bad('/ogc/collections/comuni/items?bbox-crs=EPSG:3857', 400, /bbox-crs/);
    await bad(`/ogc/collections/comuni/items?region=${'x'.repeat(65)}`, 400, /64 caratteri/);
    const capped = await items('/ogc/collections/comuni/items?limit=5000&zoom=4&region=09');
    expect(capped.numberReturned).toBe(273); // Toscana: every one, under the cap
    expect(capped.links.find((l) => l.rel === 'self')!.href).toContain('limit=1000');
  });
});
