import { describe, expect, it } from 'vitest';
import { readCsv, readXlsx } from '../helpers/downloads';
import { readAnswer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Json = Record<string, unknown>;
const AGLIE = '001001';
const LIPARI = '083041';

const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => readAnswer(await env.server.send(method, path, body, headers));

async function agliePlusNeighbours(count: number): Promise<string[]> {
  const details = (await (await env.server.get(`/api/comuni/${AGLIE}`)).json()) as { neighbours: string[] };
  return [AGLIE, ...details.neighbours.slice(0, count)];
}

async function create(members: string[], extra: Json = {}) {
  return send('POST', '/api/alliances', {
    name: 'ALI del Canavese',
    description: 'Servizi digitali condivisi <b>tra</b> piccoli comuni',
    members: members.map((code, i) => ({ code, lead: i === 0 })),
    partners: [{ kind: 'unione', name: 'Unione Montana Valchiusella', role: 'fornitore di servizi' }],
    ...extra,
  });
}

describe('alliances: create and read', () => {
  it('saves a contiguous alliance with totals and rules, and returns a secret edit token once', async () => {
    const members = await agliePlusNeighbours(3);
    const created = await create(members);
    expect(created.status).toBe(201);
    const body = created.json;
    expect(body).toMatchObject({ version: 1, name: 'ALI del Canavese', status: 'draft', contiguity: { contiguous: true } });
    expect(typeof body.editToken).toBe('string');
    expect((body.editToken as string).length).toBeGreaterThan(20);
    expect(created.text).not.toContain('editTokenHash');
    expect(created.headers.get('location')).toBe(`/api/alliances/${body.id}`);
    expect((body.totals as Json).comuni).toBe(4);
    expect((body.rules as { id: string }[]).map((r) => r.id)).toEqual(['members', 'contiguity', 'population', 'obligation']);
    expect(body.ruleSet).toMatchObject({ id: 'piemonte' });
    expect(['Polygon', 'MultiPolygon']).toContain((body.outline as Json).type);

    const read = await send('GET', `/api/alliances/${body.id}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: body.id, version: 1, description: 'Servizi digitali condivisi <b>tra</b> piccoli comuni' });
    expect(read.json.editToken).toBeUndefined();
    expect(read.text).not.toContain(body.editToken as string);
    expect((read.json.members as Json[])[0]).toMatchObject({ code: AGLIE, lead: true, status: 'proposed', name: 'Agliè' });
    expect(read.json.partners).toEqual([{ kind: 'unione', name: 'Unione Montana Valchiusella', role: 'fornitore di servizi', status: 'proposed', act: null }]);
    expect((read.json.history as Json[]).map((h) => h.action)).toEqual(['created']);
  });

  it('keeps a non-contiguous draft with the problem, but will not publish it', async () => {
    const draft = await create([AGLIE, LIPARI]);
    expect(draft.status).toBe(201);
    expect((draft.json.rules as { id: string; level: string }[]).find((r) => r.id === 'contiguity')?.level).toBe('problem');
    const published = await create([AGLIE, LIPARI], { status: 'published' });
    expect(published.status).toBe(422);
    expect((published.json.error as Json).message).toMatch(/non è contiguo/);
  });

  it('rejects unknown codes, two lead bodies and bad fields with clear errors', async () => {
    const unknown = await create([AGLIE, '999999']);
    expect(unknown.status).toBe(422);
    expect((unknown.json.error as Json).details).toMatchObject({ unknown: ['999999'] });
    const twoLeads = await send('POST', '/api/alliances', {
      name: 'X',
      members: [{ code: AGLIE, lead: true }, { code: '001004', lead: true }],
    });
    expect(twoLeads.status).toBe(422);
    expect((twoLeads.json.error as Json).message).toMatch(/capofila/);
    expect((await create([AGLIE], { name: 'x'.repeat(121) })).status).toBe(400);
    expect((await create([AGLIE], { name: '   ' })).status).toBe(400);
    expect((await create([AGLIE], { secret: 1 })).status).toBe(400);
    expect((await create([AGLIE], { ruleSet: 'atlantide' })).status).toBe(400);
  });

  it('answers 413 for more than 2,000 members', async () => {
    const members = Array.from({ length: 2001 }, (_, i) => String(i + 1).padStart(6, '0'));
    expect((await create(members)).status).toBe(413);
  });
});

describe('alliances: edit with the secret link, conflicts, delete, export', () => {
  it('edits only with the token and the current version, and keeps the history', async () => {
    const members = await agliePlusNeighbours(2);
    const created = await create(members);
    const id = created.json.id as number;
    const token = created.json.editToken as string;
    const auth = { Authorization: `Bearer ${token}` };
    const path = `/api/alliances/${id}`;

    expect((await send('PATCH', path, { name: 'Nuovo nome' }, { 'If-Match': '1' })).status).toBe(401);
    expect((await send('PATCH', path, { name: 'Nuovo nome' }, { 'If-Match': '1', Authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await send('PATCH', path, { name: 'Nuovo nome' }, auth)).status).toBe(428);

    const first = await send('PATCH', path, { name: 'Nuovo nome', members: [...members, '001004'].map((code) => ({ code })) }, { ...auth, 'If-Match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ version: 2, name: 'Nuovo nome' });
    expect(first.headers.get('etag')).toBe('"2"');

    // A second editor still on version 1 gets a clear conflict, and nothing is overwritten.
    const stale = await send('PATCH', path, { name: 'Vecchio' }, { ...auth, 'If-Match': '1' });
    expect(stale.status).toBe(409);
    expect((stale.json.error as Json).message).toMatch(/versione più recente/);
    expect((stale.json.error as Json).details).toEqual({ currentVersion: 2 });
    expect((await send('GET', path)).json.name).toBe('Nuovo nome');

    const invalid = await send('PATCH', path, { members: [{ code: '999999' }] }, { ...auth, 'If-Match': '2' });
    expect(invalid.status).toBe(422);
    const history = (await send('GET', path)).json.history as Json[];
    expect(history.map((h) => [h.version, h.action])).toEqual([[1, 'created'], [2, 'updated']]);
  });

  it('exports CSV and Excel with ISTAT codes as text and GeoJSON with the outline and members', async () => {
    const members = await agliePlusNeighbours(2);
    const id = (await create(members)).json.id as number;
    const csv = await send('GET', `/api/alliances/${id}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('"istat_code","name","population","status","lead","act_organ","act_number","act_date","act_url","act_convenzione_version","alliance_id","alliance_name"');
    const rows = readCsv(csv.text);
    expect(rows).toHaveLength(members.length);
    expect(rows[0]).toEqual({ istat_code: '001001', name: 'Agliè', population: '2545', status: 'proposto', lead: 'capofila', act_organ: '', act_number: '', act_date: '', act_url: '', act_convenzione_version: '', alliance_id: String(id), alliance_name: 'ALI del Canavese' });
    expect(csv.text.split('\r\n')[1]).toBe(`"001001",Agliè,2545,proposto,capofila,,,,,,${id},ALI del Canavese`);
    // The same table for Excel users: codes as text cells.
    const xlsx = await env.server.get(`/api/alliances/${id}/export.xlsx`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = await readXlsx(xlsx);
    expect(workbook.worksheets[0]!.getCell('A2').value).toBe('001001');
    expect(workbook.worksheets[0]!.rowCount).toBe(members.length + 1);

    const geo = await send('GET', `/api/alliances/${id}/export.geojson`);
    const fc = geo.json as { type: string; features: { id: string; properties: Json; geometry: { type: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]).toMatchObject({ id: 'outline', properties: { kind: 'alliance', name: 'ALI del Canavese' } });
    expect(fc.features.slice(1).map((f) => f.properties.code).sort()).toEqual([...members].sort());
    expect(fc.features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(true);
  });

  it('deletes softly: gone from the list and the page, history kept', async () => {
    const created = await create(await agliePlusNeighbours(1));
    const id = created.json.id as number;
    const auth = { Authorization: `Bearer ${created.json.editToken as string}` };
    expect((await send('DELETE', `/api/alliances/${id}`, undefined, auth)).status).toBe(428);
    // A delete based on a version someone has since changed is refused: the change is not lost unseen.
    expect((await send('PATCH', `/api/alliances/${id}`, { name: 'ALI del Canavese (rinominata)' }, { ...auth, 'If-Match': '1' })).status).toBe(200);
    const stale = await send('DELETE', `/api/alliances/${id}`, undefined, { ...auth, 'If-Match': '1' });
    expect(stale.status).toBe(409);
    expect((await send('GET', `/api/alliances/${id}`)).status).toBe(200);
    expect((await send('DELETE', `/api/alliances/${id}`, undefined, { ...auth, 'If-Match': '2' })).status).toBe(204);
    expect((await send('GET', `/api/alliances/${id}`)).status).toBe(410);
    const list = (await send('GET', '/api/alliances')).json.alliances as { id: number }[];
    expect(list.map((a) => a.id)).not.toContain(id);
    const history = await env.database.db.knex.raw<{ rows: { action: string }[] }>(
      `SELECT action FROM alliance_history WHERE alliance_id = ? ORDER BY id`, [id],
    );
    expect(history.rows.map((r) => r.action)).toEqual(['created', 'updated', 'deleted']);
    expect((await send('GET', '/api/alliances/999999')).status).toBe(404);
  });

  it('answers an unknown alliance 404 and a deleted one 410, the same on every page of it', async () => {
    const created = await create(await agliePlusNeighbours(1));
    const id = created.json.id as number;
    const auth = { Authorization: `Bearer ${created.json.editToken as string}` };
    expect((await send('DELETE', `/api/alliances/${id}`, undefined, { ...auth, 'If-Match': '1' })).status).toBe(204);
    for (const page of ['', '/fees', '/history', '/export.csv', '/convenzione/versions']) {
      const unknown = await send('GET', `/api/alliances/999999${page}`);
      expect([unknown.status, unknown.json], page).toEqual([404, { error: { code: 'not_found', message: 'Nessuna alleanza con id 999999 / No alliance with id 999999' } }]);
      const deleted = await send('GET', `/api/alliances/${id}${page}`);
      expect([deleted.status, deleted.json], page).toEqual([410, { error: { code: 'gone', message: `L'alleanza ${id} è stata eliminata / Alliance ${id} was deleted` } }]);
    }
    const malformed = await send('GET', '/api/alliances/abc/fees');
    expect([malformed.status, (malformed.json.error as Json).code]).toEqual([400, 'bad_request']);
  });

  it('lists published alliances with totals and serves their outlines as GeoJSON; drafts are unlisted', async () => {
    // Agliè and all its neighbours: large enough to publish (the list and the overlay show published alliances only).
    const members = await agliePlusNeighbours(100);
    const created = await create(members, { status: 'published' });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as number;
    const draft = (await create(await agliePlusNeighbours(2))).json.id as number;
    const populations = await Promise.all(
      members.map(async (code) => ((await (await env.server.get(`/api/comuni/${code}`)).json()) as { population: number }).population),
    );
    const list = (await send('GET', '/api/alliances?limit=500')).json.alliances as { id: number; name: string; totals: Json }[];
    const listed = list.find((a) => a.id === id);
    expect(listed).toMatchObject({ name: 'ALI del Canavese', totals: { comuni: members.length, population: populations.reduce((a, b) => a + b, 0) } });
    expect(list.map((a) => a.id)).not.toContain(draft);
    // Every listed alliance has exactly one outline, with its own id and name, and nothing else is drawn.
    const overlay = (await send('GET', '/api/alliances.geojson?limit=5000')).json as { truncated: boolean; features: { id: number; properties: Json }[] };
    expect(overlay.truncated).toBe(false);
    expect(overlay.features.map((f) => f.id).sort((a, b) => a - b)).toEqual(list.map((a) => a.id).sort((a, b) => a - b));
    expect(overlay.features.find((f) => f.id === id)?.properties).toEqual({ id, name: 'ALI del Canavese', status: 'published' });
    const geometry = (overlay.features.find((f) => f.id === id) as unknown as { geometry: { type: string; coordinates: unknown[] } }).geometry;
    expect(geometry.type).toMatch(/Polygon$/);

    // Cached per alliances revision: revalidated by ETag, and a save changes it at once.
    const first = await env.server.get('/api/alliances.geojson?limit=5000');
    const etag = first.headers.get('etag')!;
    expect((await env.server.get('/api/alliances.geojson?limit=5000', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const renamed = await send('PATCH', `/api/alliances/${id}`, { name: 'ALI del Canavese rinominata' }, { Authorization: `Bearer ${created.json.editToken as string}`, 'If-Match': `"${created.json.version as number}"` });
    expect(renamed.status).toBe(200);
    const after = await env.server.get('/api/alliances.geojson?limit=5000', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    const features = ((await after.json()) as { features: { id: number; properties: Json }[] }).features;
    expect(features.find((f) => f.id === id)?.properties.name).toBe('ALI del Canavese rinominata');
    // The list too: cached per revision and query, revalidated by ETag, and the rename is in it at once.
    const listEtag = (await env.server.get('/api/alliances?limit=500')).headers.get('etag')!;
    expect(listEtag).toMatch(/^"[\w-]{22}"$/);
    expect((await env.server.get('/api/alliances?limit=500', { headers: { 'If-None-Match': listEtag } })).status).toBe(304);
    const again = await send('PATCH', `/api/alliances/${id}`, { name: 'ALI del Canavese, di nuovo' }, { Authorization: `Bearer ${created.json.editToken as string}`, 'If-Match': `"${renamed.json.version as number}"` });
    expect(again.status).toBe(200);
    const relisted = await env.server.get('/api/alliances?limit=500', { headers: { 'If-None-Match': listEtag } });
    expect(relisted.status).toBe(200);
    expect(((await relisted.json()) as { alliances: { id: number; name: string }[] }).alliances.find((a) => a.id === id)?.name).toBe('ALI del Canavese, di nuovo');
    expect((await send('GET', '/api/alliances?q=di%20nuovo')).json.alliances).toEqual([expect.objectContaining({ id, name: 'ALI del Canavese, di nuovo' })]);
  });
});
