import { describe, expect, it } from 'vitest';
import { recordDataVersion } from '../../geodata/import/data-version';
import { startTestServer } from '../helpers/test-server';
import { useTestServer } from '../helpers/test-server';

// Its own database: it publishes a service and records a data version.
const env = useTestServer({ ownDatabase: true });

interface Coverage {
  totals: { covered: number };
}

describe('two app instances on one database', () => {
  it('see each other’s saves and a new data version at once, through NOTIFY, with warm caches on both', async () => {
    const a = env.server;
    const b = await startTestServer(env.database.db);
    try {
      const covered = async (server: typeof a) => ((await (await server.get('/api/coverage?service=protocollo')).json()) as Coverage).totals.covered;
      // Both caches warm, nothing covered yet.
      expect(await covered(a)).toBe(0);
      expect(await covered(b)).toBe(0);
      const dataVersion = async (server: typeof a) => ((await (await server.get('/tiles/comuni.json')).json()) as { dataVersion: number }).dataVersion;
      const before = await dataVersion(b);
      const outlined = async (server: typeof a) => ((await (await server.get('/api/alliances.geojson')).json()) as { features: { id: number }[] }).features.map((f) => f.id);
      const listed = async (server: typeof a) => ((await (await server.get('/api/alliances')).json()) as { alliances: { id: number }[] }).alliances.map((x) => x.id);
      expect(await outlined(b)).toEqual([]);

      // A saves a published alliance providing the service: B, which wrote nothing, covers its three Comuni.
      const saved = await a.post('/api/alliances', {
        name: 'ALI vista da due istanze',
        status: 'published',
        members: ['001065', '001193', '001260'].map((code, i) => ({ code, lead: i === 0 })),
        services: [{ code: 'protocollo', provider: { kind: 'alliance' }, annualCostCents: 100_00, equalShare: 1 }],
      });
      expect(saved.status).toBe(201);
      expect(await covered(a)).toBe(3);
      await expect.poll(() => covered(b), { timeout: 2000 }).toBe(3);
      const created = (await saved.json()) as { id: number; version: number; editToken: string };
      const id = created.id;
      await expect.poll(() => outlined(b), { timeout: 2000 }).toEqual([id]);
      expect(await listed(b)).toEqual([id]);

      // B's cached public page follows A's edit.
      const name = async (server: typeof a) => ((await (await server.get(`/api/alliances/${id}`)).json()) as { name: string }).name;
      expect(await name(b)).toBe('ALI vista da due istanze');
      const renamed = await a.send('PATCH', `/api/alliances/${id}`, { name: 'ALI rinominata su A' }, { Authorization: `Bearer ${created.editToken}`, 'If-Match': `"${created.version}"` });
      expect(renamed.status).toBe(200);
      await expect.poll(() => name(b), { timeout: 2000 }).toBe('ALI rinominata su A');

      // An import (here: one more data version recorded) reaches both without asking the database per request.
      await env.database.db.knex.transaction((trx) => recordDataVersion(trx, 'test-instances', {}));
      await expect.poll(() => dataVersion(b), { timeout: 2000 }).toBe(before + 1);
      await expect.poll(() => dataVersion(a), { timeout: 2000 }).toBe(before + 1);
    } finally {
      await b.close();
    }
  });
});
