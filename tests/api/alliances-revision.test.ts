import { describe, expect, it } from 'vitest';
import { ALLIANCES_CHANNEL } from '../../infra/db/channels';
import { startTestServer, useTestServer, type TestServer } from '../helpers/test-server';

const env = useTestServer();
const AGLIE = '001001';
const BAIRO = '001015';

async function revisionOf(server: TestServer): Promise<number> {
  const response = await server.get('/api/alliances/revision');
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { revision: unknown };
  expect(typeof body.revision).toBe('number');
  return body.revision as number;
}

const revision = () => revisionOf(env.server);

describe('GET /api/alliances/revision', () => {
  it('stays while nothing is written, refused writes included, and moves with a save', async () => {
    const before = await revision();
    expect(await revision()).toBe(before);
    expect((await env.server.post('/api/alliances', { name: '' })).status).toBe(400);
    expect(await revision()).toBe(before);
    const saved = await env.server.post('/api/alliances', { name: 'ALI che sposta la revisione pubblicata', members: [{ code: AGLIE }] });
    expect(saved.status).toBe(201);
    // The author's next read already sees the new state: the revision moved before the save's answer left.
    expect(await revision()).not.toBe(before);
  });

  it('moves by exactly one with a save, on the instance that wrote it (its own NOTIFY heard too) and on another one', async () => {
    const other = await startTestServer(env.database.db);
    // What the database announces, heard on a connection of its own.
    const heard: (string | null)[] = [];
    const unlisten = await env.database.db.listen(ALLIANCES_CHANNEL, (payload) => heard.push(payload));
    try {
      const before = await revision();
      const otherBefore = await revisionOf(other);
      const saved = await env.server.post('/api/alliances', { name: 'ALI mossa una volta', members: [{ code: AGLIE, lead: true }, { code: BAIRO }] });
      expect(saved.status).toBe(201);
      expect(await revision()).toBe(before + 1);
      // The other instance follows through NOTIFY; once it has, so has the writer (one database, one commit).
      await expect.poll(() => revisionOf(other), { timeout: 5000 }).toBe(otherBefore + 1);
      await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300)); // any later NOTIFY on its way
      // One transaction, one NOTIFY (not one per table written), and one move on each instance.
      expect(heard).toHaveLength(1);
      expect(await revision()).toBe(before + 1);
      expect(await revisionOf(other)).toBe(otherBefore + 1);
    } finally {
      await unlisten();
      await other.close();
    }
  });

  it("lets the author read its change at once from the per-revision caches (an alliance's page)", async () => {
    const saved = await env.server.post('/api/alliances', { name: 'ALI prima del cambio', members: [{ code: AGLIE, lead: true }, { code: BAIRO }] });
    expect(saved.status).toBe(201);
    const { id, editToken } = (await saved.json()) as { id: number; editToken: string };
    const name = async () => ((await (await env.server.get(`/api/alliances/${id}`)).json()) as { name: string }).name;
    expect(await name()).toBe('ALI prima del cambio'); // the page cached at this revision
    const changed = await env.server.send('PATCH', `/api/alliances/${id}`, { name: 'ALI dopo il cambio' }, { Authorization: `Bearer ${editToken}`, 'If-Match': '*' });
    expect(changed.status).toBe(200);
    // No wait: the answer left after the revision moved.
    expect(await name()).toBe('ALI dopo il cambio');
  });

  it('is not taken for an alliance id (declared before /api/alliances/:id)', async () => {
    const response = await env.server.get('/api/alliances/revision');
    expect(((await response.json()) as { error?: unknown }).error).toBeUndefined();
  });
});
