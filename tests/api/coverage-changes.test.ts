import { describe, expect, inject, it } from 'vitest';
import { copyAlliance } from '../helpers/many-alliances';
import { ProvisionsStore } from '../../server/data/provisions';
import { coverageColumns, coverageReport } from '../../server/services/coverage';
import { startTestServer, useTestServer, type TestServer } from '../helpers/test-server';

// Its own database: it counts the coverage of every published alliance.
const env = useTestServer({ ownDatabase: true });

const MEMBERS = ['001065', '001193', '001260'];
const SERVICES = ['protocollo', 'suap', 'fundamental'];

interface Saved {
  id: number;
  version: number;
  editToken: string;
}

const save = async (name: string, members: string[], services: string[]): Promise<Saved> => {
  const response = await env.server.post('/api/alliances', {
    name,
    status: 'published',
    members: members.map((code, i) => ({ code, lead: i === 0 })),
    services: services.map((code) => ({ code, provider: { kind: 'alliance' }, annualCostCents: 100_00, equalShare: 1 })),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Saved;
};

const edit = async (method: 'PATCH' | 'DELETE', saved: Saved, body?: unknown): Promise<Saved> => {
  const response = await env.server.send(method, `/api/alliances/${saved.id}`, body, { Authorization: `Bearer ${saved.editToken}`, 'If-Match': `"${saved.version}"` });
  expect(response.status).toBe(method === 'PATCH' ? 200 : 204);
  return method === 'PATCH' ? { ...saved, version: ((await response.json()) as { version: number }).version } : saved;
};

/** Each service's coverage and its first page of sources, as one server answers them. */
const answers = async (server: TestServer) =>
  Promise.all(
    SERVICES.map(async (service) => ({
      coverage: await (await server.get(`/api/coverage?service=${service}`)).json(),
      sources: await (await server.get(`/api/coverage/sources?service=${service}&limit=500`)).json(),
    })),
  );

/**
 * The same from a new instance, which reads every provision afresh; and each coverage as the
 * reference computation (`coverageReport`: every provision through computeCoverage) makes it.
 */
const fromScratch = async () => {
  const fresh = await startTestServer(env.database.db);
  try {
    const fromFresh = await answers(fresh);
    const index = await new ProvisionsStore(env.database.db.knex).refresh();
    const { value: tables, version } = await fresh.ctx.tables.get();
    const fundamental = new Set(((await env.database.db.knex.raw<{ rows: { code: string }[] }>(`SELECT code FROM services WHERE kind = 'fundamental'`)).rows).map((r) => r.code));
    SERVICES.forEach((service, i) => {
      const { report } = coverageReport(tables, coverageColumns(tables), { code: service, fundamental: service === 'fundamental' || fundamental.has(service) }, index.of(service), version);
      expect(fromFresh[i]!.coverage).toEqual(JSON.parse(JSON.stringify(report)));
    });
    return fromFresh;
  } finally {
    await fresh.close();
  }
};

describe('coverage kept up to date change by change', () => {
  it('equals a computation from scratch after every create, edit and delete', async () => {
    const server = env.server;
    const aglie = '001001';
    const { neighbours } = (await (await server.get(`/api/comuni/${aglie}`)).json()) as { neighbours: string[] };
    await answers(server); // warm: later answers are built on the kept provisions
    // Agliè and every neighbour (contiguous through Agliè, and populous enough to publish).
    const members = [aglie, ...neighbours];
    const first = await save('ALI prima', members, ['protocollo']);
    expect(await answers(server)).toEqual(await fromScratch());
    const second = await save('ALI seconda', members, ['protocollo', 'ff-a']);
    expect(await answers(server)).toEqual(await fromScratch());
    // Renamed, a member less and another service: the alliance's provisions all change.
    const edited = await edit('PATCH', first, { name: 'ALI prima, rinominata', members: members.slice(0, -1).map((code) => ({ code })), services: [{ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 100_00, equalShare: 1 }] });
    const after = await answers(server);
    expect(after).toEqual(await fromScratch());
    const suap = after[1]!.sources as { items: { id: number; name: string; comuni: number }[] };
    expect(suap.items).toEqual([{ kind: 'alliance', id: first.id, name: 'ALI prima, rinominata', comuni: members.length - 1 }]);
    // Back to a draft: it provides nothing any more.
    await edit('PATCH', edited, { status: 'draft' });
    expect(await answers(server)).toEqual(await fromScratch());
    await edit('DELETE', second);
    const none = await answers(server);
    expect(none).toEqual(await fromScratch());
    // Neither is among the bodies providing anything any more (another test's alliances may be).
    const ids = none.flatMap((a) => (a.sources as { items: { id: number }[] }).items.map((i) => i.id));
    expect(ids).not.toContain(first.id);
    expect(ids).not.toContain(second.id);
  });

  it('reads only the changed alliance’s rows after a change, however many alliances there are', async () => {
    const server = env.server;
    const seed = await save('ALI copiata', MEMBERS, ['protocollo']);
    await copyAlliance(env.database.db.knex, seed.id, 200);
    server.ctx.alliancesRevision.bump(); // written behind the app's back: as another instance would be heard
    const before = (await (await server.get('/api/coverage?service=protocollo')).json()) as { sourceCount: number };
    expect(before.sourceCount).toBeGreaterThanOrEqual(201);

    // Rows the database returns while the next answer is built (the provisions of 201 alliances: 603 before).
    let rows = 0;
    const count = (response: unknown) => {
      const returned = (response as { rows?: unknown[] } | undefined)?.rows;
      rows += Array.isArray(returned) ? returned.length : 0;
    };
    await edit('PATCH', seed, { name: 'ALI copiata, rinominata' });
    env.database.db.knex.on('query-response', count);
    try {
      const after = (await (await server.get('/api/coverage?service=protocollo')).json()) as { sourceCount: number };
      expect(after.sourceCount).toBe(before.sourceCount);
    } finally {
      env.database.db.knex.off('query-response', count);
    }
    // The change marks, then the one alliance's three provisions (and the service looked up).
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(6);
  });

  // The embedded engine runs one transaction at a time: writers cannot commit out of order there.
  it.skipIf(inject('engine') === 'pglite')('sees a change committed after a later one was read: writers commit in any order', async () => {
    const server = env.server;
    const slow = await save('ALI lenta', MEMBERS, ['pagopa']);
    const covered = async () => Object.keys(((await (await server.get('/api/coverage?service=pagopa')).json()) as { covered: Record<string, number> }).covered).sort();
    expect(await covered()).toEqual([...MEMBERS].sort());
    const knex = env.database.db.knex;
    const trx = await knex.transaction();
    try {
      // The slow writer takes its transaction id first…
      await trx.raw(`UPDATE alliance_members SET status = 'withdrawn' WHERE alliance_id = ? AND comune_code = ?`, [slow.id, MEMBERS[2] as string]);
      // …a quick one commits after it, and the coverage is read meanwhile (the slow change unseen)…
      await save('ALI svelta', MEMBERS, ['pagopa']);
      expect(await covered()).toEqual([...MEMBERS].sort());
      await trx.commit();
    } catch (error) {
      await trx.rollback();
      throw error;
    }
    // …then the slow one commits (heard by NOTIFY): the next answer has it, as one from scratch does.
    await expect.poll(async () => ((await (await server.get('/api/coverage?service=pagopa')).json()) as { covered: Record<string, number> }).covered[MEMBERS[2] as string]).toBe(1);
    expect(await answers(server)).toEqual(await fromScratch());
  });

  it('answers warm without asking the database anything (200 readers share its connections)', async () => {
    const server = env.server;
    await server.get('/api/coverage?service=protocollo');
    let queries = 0;
    const count = () => void queries++;
    env.database.db.knex.on('query', count);
    try {
      expect((await server.get('/api/coverage?service=protocollo')).status).toBe(200);
      expect((await server.get('/api/coverage?service=nessuno')).status).toBe(404);
      expect((await server.get('/api/coverage?service=nessuno')).status).toBe(404);
    } finally {
      env.database.db.knex.off('query', count);
    }
    // The unknown service looked up once, then known unknown until the catalogue changes.
    expect(queries).toBe(1);
  });
});
