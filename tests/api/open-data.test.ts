import jsonld from 'jsonld';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readCsv, readXlsx } from '../helpers/downloads';
import { rfc7946Problems } from '../helpers/geojson';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Node = Record<string, unknown>;

async function aglieAlliance(name: string, status: 'published' | 'draft') {
  const { neighbours } = (await (await env.server.get('/api/comuni/001001')).json()) as { neighbours: string[] };
  const members = ['001001', ...neighbours];
  const response = await env.server.post('/api/alliances', {
    name,
    status,
    members: members.map((code, i) => ({ code, lead: i === 0 })),
    services: [{ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 1_200_001, equalShare: 0.5 }],
  });
  const body = (await response.json()) as { id: number };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { id: body.id, members };
}

describe('open data of the published alliances', () => {
  it('lists every member of a published alliance, never of a draft, in CSV and Excel', async () => {
    const published = await aglieAlliance('ALI dati aperti', 'published');
    const draft = await aglieAlliance('ALI dati aperti (bozza)', 'draft');
    const response = await env.server.get('/api/open-data/alliances.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('link')).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    const rows = readCsv(await response.text());
    const mine = rows.filter((r) => r.alliance_id === String(published.id));
    expect(mine.map((r) => r.istat_code)).toEqual(published.members);
    // Every member is proposed until its own act (the acts' columns: tests/api/adhesion.test.ts).
    expect(mine.map((r) => r.status)).toEqual(published.members.map(() => 'proposto'));
    expect(mine[0]).toEqual({ alliance_id: String(published.id), alliance_name: 'ALI dati aperti', istat_code: '001001', comune: 'Agliè', population: '2545', status: 'proposto', lead: 'capofila', act_organ: '', act_number: '', act_date: '', act_url: '', act_convenzione_version: '', legal_form: '', phase: '' });
    expect(rows.some((r) => r.alliance_id === String(draft.id))).toBe(false);

    const sheet = (await readXlsx(await env.server.get('/api/open-data/alliances.xlsx'))).worksheets[0]!;
    const codes = sheet.getColumn(3).values.slice(2);
    expect(codes).toEqual(rows.map((r) => r.istat_code));
    // The earlier address still answers, with the same table.
    expect(await (await env.server.get('/api/open-data/members.csv')).text()).toBe(await (await env.server.get('/api/open-data/alliances.csv')).text());
  });

  it('lists services with their costs and each member’s fee, adding up to the charge', async () => {
    const { id, members } = await aglieAlliance('ALI servizi aperti', 'published');
    const services = readCsv(await (await env.server.get('/api/open-data/services.csv')).text()).filter((r) => r.alliance_id === String(id));
    expect(services).toEqual([
      { alliance_id: String(id), alliance_name: 'ALI servizi aperti', service_code: 'suap', service: 'SUAP – Sportello unico per le attività produttive', provider: 'alliance', since: '', annual_cost_eur: '12000.01', charged_to_members_eur: '12000.01', equal_share_percent: '50.0', grants_eur: '0.00', grant_sources: '' },
    ]);
    const fees = readCsv(await (await env.server.get('/api/open-data/fees.csv')).text()).filter((r) => r.alliance_id === String(id));
    expect(fees.map((r) => r.istat_code).sort()).toEqual([...members].sort());
    expect(fees.reduce((n, r) => n + Math.round(Number(r.fee_eur) * 100), 0)).toBe(1_200_001);
    const workbook = await readXlsx(await env.server.get('/api/open-data/services.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['servizi-alleanze', 'quote-alleanze']);
  });

  it('serves published outlines as RFC 7946 GeoJSON with their licence', async () => {
    const { id } = await aglieAlliance('ALI contorni aperti', 'published');
    const fc = (await (await env.server.get('/api/open-data/alliances.geojson')).json()) as FeatureCollection & { license: { name: string } };
    expect(fc.license.name).toBe('CC BY 4.0');
    const mine = fc.features.find((f) => f.id === id)!;
    expect(mine.properties).toMatchObject({ name: 'ALI contorni aperti', members: expect.arrayContaining([{ code: '001001', status: 'proposed', lead: true, act: null }]) });
    for (const f of fc.features) expect(rfc7946Problems(f.geometry)).toEqual([]);
  });
});

describe('the DCAT-AP_IT catalogue', () => {
  const DCAT = 'http://www.w3.org/ns/dcat#';
  const DCT = 'http://purl.org/dc/terms/';
  const FOAF = 'http://xmlns.com/foaf/0.1/';

  it('expands as JSON-LD into a catalogue with the mandatory DCAT-AP_IT properties, whose every link answers', async () => {
    const response = await env.server.get('/api/open-data/catalog.jsonld');
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    const flat = (await jsonld.flatten((await response.json()) as jsonld.JsonLdDocument)) as unknown as Node[];
    const byId = new Map(flat.map((n) => [n['@id'] as string, n]));
    const ofType = (type: string) => flat.filter((n) => (n['@type'] as string[] | undefined)?.includes(type));
    const has = (node: Node, props: string[]) => props.filter((p) => !(p in node));

    const [catalog, ...others] = ofType(`${DCAT}Catalog`);
    expect(others).toEqual([]);
    expect(ofType('http://dati.gov.it/onto/dcatapit#Catalog')).toHaveLength(1);
    expect(has(catalog!, [`${DCT}title`, `${DCT}description`, `${DCT}publisher`, `${DCT}modified`, `${DCAT}dataset`, `${FOAF}homepage`, `${DCT}language`])).toEqual([]);

    const datasets = ofType(`${DCAT}Dataset`);
    expect(datasets.map((d) => (d[`${DCT}title`] as { '@value': string }[])[0]!['@value']).sort()).toEqual([
      'Alleanze ALI pubblicate',
      'Associazioni esistenti tra Comuni',
      'Comuni italiani: confini, popolazione, aree interne',
      'Membri delle alleanze ALI',
      'Servizi condivisi e quote delle alleanze ALI',
    ]);
    for (const d of datasets) {
      const mandatory = [`${DCT}identifier`, `${DCT}title`, `${DCT}description`, `${DCT}modified`, `${DCAT}theme`, `${DCT}rightsHolder`, `${DCT}accrualPeriodicity`, `${DCAT}distribution`];
      expect(has(d, mandatory), d['@id'] as string).toEqual([]);
      const themes = (d[`${DCAT}theme`] as { '@id': string }[]).map((t) => t['@id']);
      expect(themes.every((t) => /^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/(GOVE|REGI)$/.test(t))).toBe(true);
      const holder = byId.get((d[`${DCT}rightsHolder`] as { '@id': string }[])[0]!['@id'])!;
      expect(has(holder, [`${DCT}identifier`, `${FOAF}name`])).toEqual([]);
    }

    const distributions = ofType(`${DCAT}Distribution`);
    expect(distributions).toHaveLength(10);
    for (const d of distributions) {
      expect(has(d, [`${DCT}format`, `${DCAT}accessURL`, `${DCT}license`]), d['@id'] as string).toEqual([]);
      const licence = byId.get((d[`${DCT}license`] as { '@id': string }[])[0]!['@id'])!;
      expect(licence['@type']).toEqual([`${DCT}LicenseDocument`]);
      const url = (d[`${DCAT}accessURL`] as { '@id': string }[])[0]!['@id'];
      expect(url.startsWith(env.server.url), url).toBe(true);
      const answer = await env.server.get(url.slice(env.server.url.length));
      expect(answer.status, url).toBe(200);
      await answer.arrayBuffer();
    }
  });

  it('names the configured publisher', async () => {
    const { startTestServer } = await import('../helpers/test-server');
    const other = await startTestServer(env.database.db, undefined, { publisher: { name: 'Regione Piemonte', id: 'r_piemon' }, publicUrl: 'https://atlante.example.it/' });
    try {
      const doc = (await (await other.get('/api/open-data/catalog.jsonld')).json()) as Node & { 'dct:publisher': Node; 'foaf:homepage': Node };
      expect(doc['dct:publisher']).toMatchObject({ 'dct:identifier': 'r_piemon', 'foaf:name': 'Regione Piemonte' });
      expect(doc['foaf:homepage']).toEqual({ '@id': 'https://atlante.example.it/', '@type': 'foaf:Document' });
      expect(doc['@id']).toBe('https://atlante.example.it/api/open-data/catalog.jsonld');
    } finally {
      await other.close();
    }
  });
});
