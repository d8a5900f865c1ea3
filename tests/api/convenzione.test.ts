import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { formatEuro } from '../../domain/fees';
import { readAnswer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Json = Record<string, unknown>;
const LUGO = '039012';
/** Lugo and the other Comuni of the Unione della Bassa Romagna. */
const BASSA_ROMAGNA_MEMBERS = [LUGO, '039002', '039003', '039008', '039009', '039011', '039013', '039017', '039001'];
const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => readAnswer(await env.server.send(method, path, body, headers));

const SERVICES = [
  { code: 'suap', provider: { kind: 'lead' }, annualCostCents: 4_800_001, equalShare: 0.3 },
  { code: 'cuc', provider: { kind: 'lead' }, annualCostCents: 1_200_000, equalShare: 1 },
  { code: 'protocollo', provider: { kind: 'alliance' }, annualCostCents: 2_500_033, equalShare: 0 },
];
const RTD = { seat: 'capofila', office: 'Ufficio associato per la transizione al digitale', email: 'utd@pec.unione.labassaromagna.it', act: { organ: 'Decreto del Sindaco di Lugo', number: '7/2026', date: '2026-02-10' } };

async function bassaRomagna(extra: Json = {}) {
  const created = await send('POST', '/api/alliances', {
    name: 'ALI Bassa Romagna',
    members: BASSA_ROMAGNA_MEMBERS.map((code) => ({ code, lead: code === LUGO })),
    services: SERVICES,
    legalForm: 'convenzione',
    governance: { rtd: RTD, phases: [{ phase: 'ricognizione', date: '2026-01-15' }, { phase: 'progettazione', date: '2026-03-01' }] },
    ...extra,
  });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

async function docxText(id: number): Promise<{ text: string; headers: Headers }> {
  const response = await env.server.get(`/api/alliances/${id}/convenzione.docx`);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/wordprocessingml/);
  const buffer = Buffer.from(await response.arrayBuffer());
  // A real reader opens it: mammoth reads the OOXML package back.
  const { value } = await mammoth.extractRawText({ buffer });
  return { text: value, headers: response.headers };
}

describe('the generated convenzione', () => {
  it('gets a version at a save of a convenzione with its lead; a save without one reads the alliance back only for its answer', async () => {
    const knex = env.database.db.knex;
    // An alliance read back is one snapshot (a repeatable-read transaction): counted.
    const snapshots: string[] = [];
    const watch = (query: { sql: string }) => void (/repeatable read/i.test(query.sql) && snapshots.push(query.sql));
    knex.on('query', watch);
    try {
      const plain = await send('POST', '/api/alliances', { name: 'ALI senza convenzione', members: BASSA_ROMAGNA_MEMBERS.map((code) => ({ code, lead: code === LUGO })), services: SERVICES });
      expect(plain.status, plain.text).toBe(201);
      expect(snapshots).toHaveLength(1); // the answer's
      const { id } = await bassaRomagna();
      expect(snapshots).toHaveLength(3); // its text's, then the answer's
      const versions = await knex('alliance_convenzione_versions').where({ alliance_id: id }).select('version');
      expect(versions).toEqual([{ version: 1 }]);
    } finally {
      knex.off('query', watch);
    }
  });

  it('holds every element art. 30 c. 2 TUEL requires, the capofila, the RTD, and each member’s share to the cent', async () => {
    const alliance = await bassaRomagna();
    const id = alliance.id as number;
    const { text, headers } = await docxText(id);
    expect(text).toContain('BOZZA DA ADATTARE');
    for (const heading of ['Oggetto e fini', 'Durata', 'Forme di consultazione', 'Conferenza dei sindaci', 'Rapporti finanziari', 'Obblighi e garanzie reciproche', 'Ente capofila', 'Responsabile per la transizione al digitale', 'Adesione di altri enti', 'Recesso']) {
      expect(text, heading).toContain(heading);
    }
    expect(text).toMatch(/Il Comune di Lugo \(codice ISTAT 039012\) è individuato quale ente capofila/);
    expect(text).toContain('durata di cinque anni');
    expect(text).toContain(RTD.email);
    expect(text).toContain('n. 7/2026 del 10 febbraio 2026');
    expect(text).toContain('per il 30 % in parti uguali e per il 70 % in proporzione ai residenti');
    expect(text).toMatch(/Versione 1 del testo — SHA-256 [0-9a-f]{64}/);
    expect(headers.get('x-convenzione-version')).toBe('1');

    // Each member with its ISTAT code and residents, and its yearly share equal to the fee table's.
    const fees = (await send('GET', `/api/alliances/${id}/fees`)).json as { members: { code: string; name: string; population: number; totalCents: number; feesCents: Record<string, number> }[] };
    expect(fees.members).toHaveLength(BASSA_ROMAGNA_MEMBERS.length);
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const member of fees.members) {
      const at = lines.lastIndexOf(member.code);
      expect(at, member.code).toBeGreaterThan(0);
      expect(lines[at - 1]).toBe(member.name);
      expect(lines[at + 1]).toBe(new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(member.population));
      const shares = lines.slice(at + 2, at + 2 + SERVICES.length + 1);
      expect(shares).toEqual([...SERVICES.map((s) => formatEuro(member.feesCents[s.code]!)), formatEuro(member.totalCents)]);
    }
    const total = fees.members.reduce((sum, m) => sum + m.totalCents, 0);
    expect(total).toBe(SERVICES.reduce((sum, s) => sum + s.annualCostCents, 0));
    expect(text).toContain(formatEuro(total));

    // The same text is the same version; a change of the text makes version 2.
    expect((await docxText(id)).headers.get('x-convenzione-sha256')).toBe(headers.get('x-convenzione-sha256'));
    const patched = await send('PATCH', `/api/alliances/${id}`, { name: 'ALI della Bassa Romagna' }, { Authorization: `Bearer ${alliance.editToken as string}`, 'If-Match': '"1"' });
    expect(patched.status).toBe(200);
    const second = await docxText(id);
    expect(second.headers.get('x-convenzione-version')).toBe('2');
    expect(second.headers.get('x-convenzione-sha256')).not.toBe(headers.get('x-convenzione-sha256'));
    const versions = (await send('GET', `/api/alliances/${id}/convenzione/versions`)).json.versions as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('is a printable page too, and is refused (422) for another legal form', async () => {
    const alliance = await bassaRomagna();
    const page = await env.server.get(`/api/alliances/${alliance.id as number}/convenzione.html`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('@media print');
    expect(html).toContain('data-element="rapporti_finanziari"');
    expect(html).not.toContain('<script');

    const unione = await send('POST', '/api/alliances', { name: 'Unione', members: BASSA_ROMAGNA_MEMBERS.map((code) => ({ code })), legalForm: 'unione' });
    expect(unione.status).toBe(201);
    const refused = await send('GET', `/api/alliances/${unione.json.id as number}/convenzione.docx`);
    expect(refused.status).toBe(422);
    expect((refused.json.error as { message: string }).message).toMatch(/forma «convenzione»/);
  });
});

describe('an adhesion approves a text', () => {
  const secretOf = (url: string) => new URL(url, 'http://x').hash.replace(/^#invito=/, '');
  const act = (more: Json = {}) => ({ decision: 'adhere', organ: 'consiglio', actNumber: '21/2026', actDate: '2026-04-20', ...more });

  it('records which version its act approved; after the text changes, the page says it refers to the older one', async () => {
    const alliance = await bassaRomagna();
    const id = alliance.id as number;
    const links = new Map((alliance.invitations as { code: string; url: string }[]).map((i) => [i.code, secretOf(i.url)]));
    const decide = (code: string, body: Json) => send('POST', `/api/alliances/${id}/members/${code}/adhesion`, body, { Authorization: `Bearer ${links.get(code)!}` });

    const first = (await send('GET', `/api/alliances/${id}`)).json.convenzione as { latest: { version: number; sha256: string }; olderText: unknown[] };
    expect(first.latest.version).toBe(1);
    expect(first.olderText).toEqual([]);

    expect((await decide('039002', act({ convenzioneVersion: 7 }))).status).toBe(422);
    const adhered = await decide('039002', act({ convenzioneVersion: 1 }));
    expect(adhered.status, adhered.text).toBe(200);
    const after = (await send('GET', `/api/alliances/${id}`)).json;
    expect((after.members as { code: string; act: Json | null }[]).find((m) => m.code === '039002')?.act).toMatchObject({ convenzioneVersion: 1 });
    expect((after.convenzione as { olderText: unknown[] }).olderText).toEqual([]);

    // The founder changes the text (a new service): the adhesion stays, and refers to version 1.
    const changed = await send(
      'PATCH',
      `/api/alliances/${id}`,
      { services: [...SERVICES, { code: 'pagopa', provider: { kind: 'lead' }, annualCostCents: 900_000, equalShare: 0.5 }] },
      { Authorization: `Bearer ${alliance.editToken as string}`, 'If-Match': `"${after.version as number}"` },
    );
    expect(changed.status, changed.text).toBe(200);
    const page = (await send('GET', `/api/alliances/${id}`)).json;
    expect(page.convenzione).toMatchObject({ latest: { version: 2 }, olderText: [{ code: '039002', version: 1 }] });
    expect((page.members as { code: string; status: string }[]).find((m) => m.code === '039002')?.status).toBe('adhered');
  });
});

