import { describe, expect, it } from 'vitest';
import { readAnswer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Json = Record<string, unknown>;
const LUGO = '039012';
const BASSA_ROMAGNA = 'Unione dei Comuni della Bassa Romagna';
/** Lugo and the other Comuni of its Unione: contiguous, about 100,000 residents. */
const BASSA_ROMAGNA_MEMBERS = [LUGO, '039002', '039003', '039008', '039009', '039011', '039013', '039017', '039001'];

const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => readAnswer(await env.server.send(method, path, body, headers));
const rtd = { seat: 'capofila', office: 'Ufficio per la transizione al digitale associato', email: 'transizione.digitale@pec.comune.lugo.ra.it', act: { organ: 'Sindaco di Lugo', number: '12/2026', date: '2026-03-02' } };

async function create(extra: Json = {}, lead = true) {
  const created = await send('POST', '/api/alliances', {
    name: 'ALI Bassa Romagna',
    members: BASSA_ROMAGNA_MEMBERS.map((code, i) => ({ code, lead: lead && i === 0 })),
    ...extra,
  });
  return created;
}

async function editable(extra: Json = {}) {
  const created = await create(extra);
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as number;
  const auth = { Authorization: `Bearer ${created.json.editToken as string}` };
  const patch = async (body: Json) => {
    const current = await send('GET', `/api/alliances/${id}`);
    return send('PATCH', `/api/alliances/${id}`, body, { ...auth, 'If-Match': `"${current.json.version as number}"` });
  };
  return { id, patch };
}

const errorOf = (answer: { json: Json }) => (answer.json.error as { message: string }).message;

describe('legal form', () => {
  it('refuses a convenzione without a capofila, naming the rule; with one it is saved and checked', async () => {
    const without = await create({ legalForm: 'convenzione' }, false);
    expect(without.status).toBe(422);
    expect(errorOf(without)).toMatch(/capofila.*TUEL art\. 30/);

    const withLead = await create({ legalForm: 'convenzione', governance: { rtd } });
    expect(withLead.status, withLead.text).toBe(201);
    expect(withLead.json.legalForm).toBe('convenzione');
    const governance = withLead.json.governanceChecks as { rules: { id: string; level: string; reference: string }[]; successFactors: { id: string; met: boolean }[] };
    expect(governance.rules.find((r) => r.id === 'capofila')).toMatchObject({ level: 'ok', reference: 'TUEL art. 30 c. 4' });
    expect(governance.rules.find((r) => r.id === 'rtd')).toMatchObject({ level: 'ok' });
    // About 100,000 residents: above AgID's efficiency size.
    expect(governance.rules.find((r) => r.id === 'efficiency')).toMatchObject({ level: 'ok', reference: expect.stringMatching(/Strumento 2/) });
    expect(governance.successFactors.find((f) => f.id === 'ente_guida')).toMatchObject({ met: true });
    // The Comuni already form an Unione: the alliance builds on an existing association.
    expect(governance.successFactors.find((f) => f.id === 'associazione_esistente')).toMatchObject({ met: true });

    const read = await send('GET', `/api/alliances/${withLead.json.id as number}`);
    expect(read.json).toMatchObject({ legalForm: 'convenzione', governance: { rtd, phases: [] }, governanceChecks: { rules: expect.any(Array) } });
  });

  it('extends an existing Unione, showing which Comuni differ, and advises below AgID’s efficiency size', async () => {
    const unioni = (await send('GET', '/api/associations?kind=unione')).json.associations as { id: number; name: string }[];
    const bassa = unioni.find((u) => u.name === BASSA_ROMAGNA)!;
    const created = await send('POST', '/api/alliances', {
      name: 'Unione allargata',
      members: BASSA_ROMAGNA_MEMBERS.slice(0, 4).map((code) => ({ code })),
      legalForm: 'unione',
      governance: { existingUnione: bassa.id },
    });
    expect(created.status, created.text).toBe(201);
    const governance = created.json.governanceChecks as { existingUnione: { missing: string[]; extra: string[] }; rules: { id: string; level: string; message: { it: string } }[] };
    expect(governance.existingUnione.missing.sort()).toEqual(BASSA_ROMAGNA_MEMBERS.slice(4).sort());
    expect(governance.existingUnione.extra).toEqual([]);
    expect(governance.rules.find((r) => r.id === 'unione-extends')).toMatchObject({ level: 'advice' });

    const notUnione = await send('POST', '/api/alliances', { name: 'X', members: [{ code: LUGO }], legalForm: 'unione', governance: { existingUnione: 999999 } });
    expect(notUnione.status).toBe(422);
    expect(errorOf(notUnione)).toMatch(/Nessuna Unione/);
  });
});

describe('RTD and phases', () => {
  it('refuses an RTD address that is not an e-mail or PEC, or a seat the form has not', async () => {
    const bad = await create({ legalForm: 'convenzione', governance: { rtd: { ...rtd, email: 'Mario Rossi' } } });
    expect(bad.status).toBe(422);
    expect(errorOf(bad)).toMatch(/non è un indirizzo e-mail o PEC/);
    const atUnione = await create({ legalForm: 'convenzione', governance: { rtd: { ...rtd, seat: 'unione' } } });
    expect(atUnione.status).toBe(422);
    expect(errorOf(atUnione)).toMatch(/presso l'Unione/);
  });

  it('records a phase change as a version in the history and the Atom feed; refuses bad steps, saving nothing', async () => {
    const { id, patch } = await editable({ legalForm: 'convenzione', governance: { rtd } });
    const survey = Object.fromEntries(BASSA_ROMAGNA_MEMBERS.map((code) => [code, { software: { status: 'parziale', note: 'gestionali diversi' } }]));
    const first = await patch({ governance: { rtd, phases: [{ phase: 'ricognizione', date: '2026-01-15', survey }] } });
    expect(first.status, first.text).toBe(200);
    const second = await patch({
      governance: { rtd, phases: [{ phase: 'ricognizione', date: '2026-01-15', survey }, { phase: 'progettazione', date: '2026-04-01', governance: 'Conferenza dei sindaci' }] },
    });
    expect(second.status, second.text).toBe(200);
    expect(second.json.version).toBe(3);

    const history = await send('GET', `/api/alliances/${id}/history`);
    const texts = JSON.stringify(history.json);
    expect(texts).toContain('Fase: Ricognizione → Progettazione');
    const feed = await (await env.server.get(`/api/alliances/${id}/feed.atom`)).text();
    expect(feed).toContain('Fase: Ricognizione → Progettazione');

    const phases = [{ phase: 'ricognizione', date: '2026-01-15' }, { phase: 'progettazione', date: '2026-04-01' }];
    const back = await patch({ governance: { rtd, phases: [...phases, { phase: 'ricognizione', date: '2026-05-01' }] } });
    expect(back.status).toBe(422);
    expect(errorOf(back)).toMatch(/richiede una nota/);
    const future = await patch({ governance: { rtd, phases: [...phases, { phase: 'implementazione', date: '2199-01-01' }] } });
    expect(future.status).toBe(422);
    expect(errorOf(future)).toMatch(/data nel futuro/);
    const badContact = await patch({
      governance: { rtd, phases: [...phases, { phase: 'implementazione', date: '2026-05-01', contacts: [{ code: LUGO, office: 'Segreteria', email: 'no-at-sign' }] }] },
    });
    expect(badContact.status).toBe(422);
    const outsider = await patch({
      governance: { rtd, phases: [...phases, { phase: 'implementazione', date: '2026-05-01', contacts: [{ code: '001001', office: 'Segreteria', email: 'urp@comune.aglie.to.it' }] }] },
    });
    expect(outsider.status).toBe(422);
    expect(errorOf(outsider)).toMatch(/non membri.*001001/);

    const after = await send('GET', `/api/alliances/${id}`);
    expect(after.json.version).toBe(3);
    expect((after.json.governance as { phases: unknown[] }).phases).toHaveLength(2);

    const noted = await patch({ governance: { rtd, phases: [...phases, { phase: 'ricognizione', date: '2026-05-01', note: 'Entra un nuovo comune: si rileva di nuovo' }] } });
    expect(noted.status, noted.text).toBe(200);
  });
});

describe('governance in open data', () => {
  it('carries the legal form, the phase and the RTD office in OGC `alliances`, the GeoJSON and the members table', async () => {
    const { id, patch } = await editable({ legalForm: 'convenzione', governance: { rtd, phases: [{ phase: 'ricognizione', date: '2026-01-15' }] } });
    expect((await patch({ status: 'published' })).status).toBe(200);
    const ogc = (await send('GET', `/ogc/collections/alliances/items/${id}?f=json`)).json;
    expect(ogc.properties).toMatchObject({ legalForm: 'convenzione', phase: 'ricognizione', rtdOffice: rtd.office, rtdEmail: rtd.email });
    const geojson = (await send('GET', '/api/open-data/alliances.geojson')).json as { features: { id: number; properties: Json }[] };
    expect(geojson.features.find((f) => f.id === id)?.properties).toMatchObject({ legalForm: 'convenzione', phase: 'ricognizione', rtdOffice: rtd.office });
    const csv = await (await env.server.get('/api/open-data/alliances.csv')).text();
    expect(csv.split('\r\n')[0]).toContain('"legal_form","phase"');
    expect(csv).toContain(`"${LUGO}"`);
    expect(csv).toMatch(/,convenzione,ricognizione\r\n/);
    const catalogue = await (await env.server.get('/api/open-data/catalog.jsonld')).text();
    expect(catalogue).toContain('la forma giuridica (convenzione, unione, consorzio, società in house, accordo), la fase AgID');
  });
});

