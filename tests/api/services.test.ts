import { describe, expect, it } from 'vitest';
import { readCsv } from '../helpers/downloads';
import { readAnswer, TEST_ADMIN_TOKEN, useTestServer } from '../helpers/test-server';

// Its own database: it changes the service catalogue or counts national totals.
const env = useTestServer({ ownDatabase: true });

type Json = Record<string, unknown>;
const ADMIN = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const AGLIE = '001001';
const LIPARI = '083041';

const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => readAnswer(await env.server.send(method, path, body, headers));

interface Service { code: string; kind: string; obligation: boolean; name: { it: string; en: string }; retiredAt: string | null }
const services = async (query = '') => ((await send('GET', `/api/services${query}`)).json.services as Service[]);

async function canavese(count: number): Promise<string[]> {
  const details = (await (await env.server.get(`/api/comuni/${AGLIE}`)).json()) as { neighbours: string[] };
  return [AGLIE, ...details.neighbours.slice(0, count)];
}

describe('the service catalogue', () => {
  it('is seeded with the 11 fundamental functions and the default digital services', async () => {
    const all = await services();
    const fundamental = all.filter((s) => s.kind === 'fundamental');
    expect(fundamental.map((s) => s.code)).toEqual(['ff-a', 'ff-b', 'ff-c', 'ff-d', 'ff-e', 'ff-f', 'ff-g', 'ff-h', 'ff-i', 'ff-l', 'ff-l-bis']);
    // Letter l) (registers and elections, State functions) is excluded from the obligation to associate.
    expect(fundamental.filter((s) => !s.obligation).map((s) => s.code)).toEqual(['ff-l']);
    expect(all.map((s) => s.code)).toEqual(expect.arrayContaining(['suap', 'sue', 'pagopa', 'anpr', 'cuc', 'protocollo']));
  });

  it('lets only an administrator add, rename and retire a service, and keeps its history', async () => {
    const body = { code: 'app-io', name: { it: 'App IO', en: 'IO app' }, reference: 'D.Lgs. 82/2005 art. 64-bis' };
    expect((await send('POST', '/api/services', body)).status).toBe(401);
    expect((await send('POST', '/api/services', body, { Authorization: 'Bearer not-the-token-at-all' })).status).toBe(403);
    const created = await send('POST', '/api/services', body, ADMIN);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ code: 'app-io', kind: 'digital', retiredAt: null });
    expect((await send('POST', '/api/services', body, ADMIN)).status).toBe(409);
    const bad = await send('POST', '/api/services', { ...body, code: 'App IO!' }, ADMIN);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('codice di servizio');

    const renamed = await send('PATCH', '/api/services/app-io', { name: { it: 'App IO e notifiche', en: 'IO app and notices' } }, ADMIN);
    expect(renamed.json).toMatchObject({ name: { it: 'App IO e notifiche' } });
    expect((await send('DELETE', '/api/services/app-io', undefined, ADMIN)).status).toBe(200);
    expect((await services()).map((s) => s.code)).not.toContain('app-io');
    const retired = (await services('?include=retired')).find((s) => s.code === 'app-io');
    expect(retired?.retiredAt).toEqual(expect.any(String));
    const history = (await send('GET', '/api/services/app-io')).json.history as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['created', 'updated', 'retired']);
    expect((await send('PATCH', '/api/services/nessuno', { reference: 'x' }, ADMIN)).status).toBe(404);
  });
});

describe('services of an alliance and their fees', () => {
  const withServices = (members: string[], services: Json[], extra: Json = {}) =>
    send('POST', '/api/alliances', {
      name: 'ALI dei servizi',
      members: members.map((code, i) => ({ code, lead: i === 0 })),
      partners: [{ kind: 'provincia', name: 'Città metropolitana di Torino' }],
      services,
      ...extra,
    });

  it('stores services with provider, start date, cost and fee rule, and splits the fees to the cent', async () => {
    const members = await canavese(3);
    const created = await withServices(
      members,
      [
        { code: 'suap', provider: { kind: 'member', ref: members[1] }, since: '2026-01-01', annualCostCents: 1_000_001, equalShare: 0.3 },
        { code: 'cuc', provider: { kind: 'partner', ref: 'Città metropolitana di Torino' }, annualCostCents: 500_000, equalShare: 1, recipients: members.slice(0, 2) },
        { code: 'ff-a', provider: { kind: 'lead' }, annualCostCents: 300_000, chargedCents: 200_000, equalShare: 0 },
      ],
      { runningCostCents: 50_000 },
    );
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    const stored = (await send('GET', `/api/alliances/${id}`)).json;
    expect(stored.services).toHaveLength(3);
    expect((stored.services as Json[])[0]).toMatchObject({ code: 'suap', provider: { kind: 'member', ref: members[1] }, since: '2026-01-01', annualCostCents: 1_000_001, equalShare: 0.3, recipients: null });
    expect(stored.runningCostCents).toBe(50_000);

    const fees = (await send('GET', `/api/alliances/${id}/fees`)).json as {
      services: { code: string; chargedCents: number; recipients: number }[];
      members: { code: string; population: number; feesCents: Record<string, number>; totalCents: number }[];
      sustainability: { costsCents: number; feesCents: number; balanceCents: number };
    };
    const sum = (code: string) => fees.members.reduce((s, m) => s + (m.feesCents[code] ?? 0), 0);
    expect(sum('suap')).toBe(1_000_001); // exact to the cent, odd cent included
    expect(sum('cuc')).toBe(500_000);
    expect(fees.members.filter((m) => (m.feesCents.cuc ?? 0) > 0)).toHaveLength(2);
    expect(fees.members[0]!.feesCents.cuc).toBe(250_000); // equal shares
    expect(sum('ff-a')).toBe(200_000); // the charge, not the cost
    // Per resident: the most populous member pays the most for ff-a.
    const byPopulation = [...fees.members].sort((a, b) => b.population - a.population);
    expect(byPopulation[0]!.feesCents['ff-a']).toBeGreaterThan(byPopulation.at(-1)!.feesCents['ff-a']!);
    // Fees 1,700,001 against costs 1,800,001 + running costs 50,000.
    expect(fees.sustainability).toMatchObject({ feesCents: 1_700_001, costsCents: 1_850_001, balanceCents: -150_000 });

    const csv = await (await env.server.get(`/api/alliances/${id}/fees.csv`)).text();
    const rows = readCsv(csv);
    expect(Object.keys(rows[0]!)).toEqual(['istat_code', 'comune', 'population', ...fees.services.map((s) => `${s.code}_eur`), 'total_eur']);
    expect(rows.map((r) => r.istat_code)).toEqual(fees.members.map((m) => m.code));
    // Euros with a decimal point: the members' SUAP fees add up to its charge, 10,000.01 €.
    const suapCents = rows.reduce((n, r) => n + Math.round(Number(r.suap_eur) * 100), 0);
    expect(suapCents).toBe(1_000_001);
    expect(rows.map((r) => Number(r.total_eur))).toEqual(fees.members.map((m) => m.totalCents / 100));

    // A grant from the Region covers what members are not charged for ff-a, and the rest: sustainable.
    const edited = await send(
      'PATCH',
      `/api/alliances/${id}`,
      { services: [...(stored.services as Json[]).slice(0, 2), { ...(stored.services as Json[])[2], grants: [{ source: 'Regione Piemonte', amountCents: 150_000 }] }] },
      { authorization: `Bearer ${created.json.editToken as string}`, 'if-match': '1' },
    );
    expect(edited.status).toBe(200);
    expect((edited.json.services as Json[])[2]).toMatchObject({ code: 'ff-a', grants: [{ source: 'Regione Piemonte', amountCents: 150_000 }] });
    const funded = (await send('GET', `/api/alliances/${id}/fees`)).json;
    expect(funded.sustainability).toEqual({ feesCents: 1_700_001, grantsCents: 150_000, costsCents: 1_850_001, balanceCents: 0, ratio: 1 });
    const open = readCsv(await (await env.server.get('/api/open-data/services.csv')).text()).filter((r) => r.alliance_id === String(id));
    expect(open).toHaveLength(0); // a draft: not open data until published
    // Grants larger than the cost make no sense: refused.
    const tooMuch = await withServices(members, [{ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 100, equalShare: 0, grants: [{ source: 'UE', amountCents: 101 }] }]);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.text).toContain('i contributi superano il costo del servizio');
    expect((await withServices(members, [{ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 100, equalShare: 0, grants: [{ source: '', amountCents: 1 }] }])).status).toBe(400);
  });

  it('refuses services that are unknown, repeated or delivered by someone outside the alliance', async () => {
    const members = await canavese(2);
    const service = (extra: Json) => ({ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 100, equalShare: 0, ...extra });
    const unknown = await withServices(members, [service({ code: 'teletrasporto' })]);
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain('Servizio sconosciuto');
    expect((await withServices(members, [service({}), service({})])).text).toContain('Servizio ripetuto');
    expect((await withServices(members, [service({ provider: { kind: 'member', ref: '058091' } })])).text).toContain('comune membro');
    expect((await withServices(members, [service({ provider: { kind: 'partner', ref: 'Nessuno' } })])).text).toContain('partecipante');
    expect((await withServices(members, [service({ recipients: ['058091'] })])).text).toContain('058091');
    const negative = await withServices(members, [service({ annualCostCents: -5 })]);
    expect(negative.status).toBe(400);
    expect((await withServices(members, [service({ equalShare: 1.5 })])).status).toBe(400);
    expect((await withServices(members, [service({ since: '2026-02-30' })])).status).toBe(400);
  });

  it('keeps a retired service on an alliance that had it, but no new alliance can add it', async () => {
    const members = await canavese(2);
    const admin = await send('POST', '/api/services', { code: 'fax-server', name: { it: 'Server fax', en: 'Fax server' } }, ADMIN);
    expect(admin.status).toBe(201);
    const created = await withServices(members, [{ code: 'fax-server', provider: { kind: 'alliance' }, annualCostCents: 1000, equalShare: 1 }]);
    expect(created.status).toBe(201);
    await send('DELETE', '/api/services/fax-server', undefined, ADMIN);
    const auth = { Authorization: `Bearer ${created.json.editToken as string}`, 'If-Match': '1' };
    const edit = await send('PATCH', `/api/alliances/${created.json.id as number}`, { name: 'Rinominata' }, auth);
    expect(edit.status).toBe(200);
    expect((edit.json.services as Json[]).map((s) => s.code)).toEqual(['fax-server']);
    const refused = await withServices(members, [{ code: 'fax-server', provider: { kind: 'alliance' }, annualCostCents: 1000, equalShare: 1 }]);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('ritirato');
  });
});

describe('contiguity exception recorded by an administrator', () => {
  it('lets a territory in two parts be published once the reason is recorded, and reverts when removed', async () => {
    const members = [...(await canavese(2)), LIPARI];
    const created = await send('POST', '/api/alliances', { name: 'ALI con isola', members: members.map((code) => ({ code })) });
    const id = created.json.id as number;
    const edit = (version: number) => ({ Authorization: `Bearer ${created.json.editToken as string}`, 'If-Match': String(version) });
    expect((await send('PATCH', `/api/alliances/${id}`, { status: 'published' }, edit(1))).status).toBe(422);

    const path = `/api/alliances/${id}/contiguity-exception`;
    expect((await send('PUT', path, { reason: 'collegamento in traghetto' })).status).toBe(401);
    expect((await send('PUT', path, { reason: 'collegamento in traghetto' }, edit(1))).status).toBe(403); // an edit token is not an admin token
    const admin = (version: number) => ({ ...ADMIN, 'If-Match': `"${version}"` });
    expect((await send('PUT', path, { reason: '' }, admin(1))).status).toBe(400);
    expect((await send('PUT', path, { reason: 'collegamento in traghetto' }, ADMIN)).status).toBe(428); // no If-Match
    const stale = await send('PUT', path, { reason: 'collegamento in traghetto' }, admin(7));
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: 'conflict', details: { currentVersion: 1 } } });
    const recorded = await send('PUT', path, { reason: 'collegamento in traghetto' }, admin(1));
    expect(recorded.status).toBe(200);
    expect(recorded.json).toMatchObject({ version: 2, contiguityException: 'collegamento in traghetto' });
    const contiguity = (recorded.json.rules as { id: string; level: string; message: { it: string } }[]).find((r) => r.id === 'contiguity');
    expect(contiguity).toMatchObject({ level: 'advice', message: { it: expect.stringContaining('traghetto') } });

    const published = await send('PATCH', `/api/alliances/${id}`, { status: 'published' }, edit(2));
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ status: 'published', contiguityException: 'collegamento in traghetto' });

    expect((await send('DELETE', path, undefined, admin(2))).status).toBe(409); // the PATCH made version 3
    const removed = await send('DELETE', path, undefined, admin(3));
    expect(removed.json).toMatchObject({ status: 'draft', contiguityException: null });
    const history = (await send('GET', `/api/alliances/${id}`)).json.history as { version: number }[];
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4]);
  });
});
