import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();
const AGLIE = '001001';

async function revision(): Promise<number> {
  const response = await env.server.get('/api/alliances/revision');
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { revision: unknown };
  expect(typeof body.revision).toBe('number');
  return body.revision as number;
}

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

  it('is not taken for an alliance id (declared before /api/alliances/:id)', async () => {
    const response = await env.server.get('/api/alliances/revision');
    expect(((await response.json()) as { error?: unknown }).error).toBeUndefined();
  });
});
