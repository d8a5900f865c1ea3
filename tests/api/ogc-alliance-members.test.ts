import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../helpers/downloads';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();

async function aglieAlliance(name: string, status: 'published' | 'draft') {
  const { neighbours } = (await (await env.server.get('/api/comuni/001001')).json()) as { neighbours: string[] };
  const members = ['001001', ...neighbours];
  const response = await env.server.post('/api/alliances', { name, status, legalForm: 'convenzione', members: members.map((code, i) => ({ code, lead: i === 0 })) });
  const body = (await response.json()) as { id: number };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { id: body.id, members };
}

const asCsv = (properties: Record<string, unknown>) => Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v === null ? '' : String(v)]));

describe('OGC collection alliance-members: the members file as features', () => {
  it('serves each member of a published alliance with the same columns and cells as members.csv, and the Comune as geometry', async () => {
    const published = await aglieAlliance('ALI membri OGC', 'published');
    const draft = await aglieAlliance('ALI membri OGC (bozza)', 'draft');
    const page = (await (await env.server.get(`/ogc/collections/alliance-members/items?f=json&alliance=${published.id}`)).json()) as FeatureCollection;
    expect(page.features.map((f) => f.id)).toEqual([...published.members].sort().map((code) => `${published.id}-${code}`));
    const csv = readCsv(await (await env.server.get('/api/open-data/alliances.csv')).text()).filter((r) => r.alliance_id === String(published.id));
    const byCode = new Map(csv.map((r) => [r.istat_code, r]));
    for (const feature of page.features) {
      const properties = feature.properties as Record<string, unknown>;
      expect(Object.keys(properties)).toEqual(Object.keys(csv[0]!));
      expect(asCsv(properties)).toEqual(byCode.get(properties.istat_code as string));
      expect(feature.geometry?.type).toMatch(/Polygon$/);
    }
    expect(byCode.get('001001')).toMatchObject({ lead: 'capofila', legal_form: 'convenzione' });

    const one = (await (await env.server.get(`/ogc/collections/alliance-members/items/${published.id}-001001?f=json`)).json()) as Feature;
    expect(asCsv(one.properties!)).toEqual(byCode.get('001001'));
    const drafts = (await (await env.server.get(`/ogc/collections/alliance-members/items?f=json&alliance=${draft.id}`)).json()) as FeatureCollection;
    expect(drafts.features).toEqual([]);
    // A filter that is no alliance id finds nothing (never a 500).
    const odd = await env.server.get('/ogc/collections/alliance-members/items?f=json&alliance=abc');
    expect(odd.status).toBe(200);
    expect(((await odd.json()) as FeatureCollection).features).toEqual([]);
    expect((await env.server.get('/ogc/collections/alliance-members/items/abc?f=json')).status).toBe(404);
  });
});
