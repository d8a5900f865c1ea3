import { describe, expect, it } from 'vitest';
import { readAnswer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => readAnswer(await env.server.send(method, path, body, headers));

/** The SQL statements the server sends while `action` runs. */
async function statementsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const listener = (query: { sql: string }) => sent.push(query.sql);
  const { knex } = env.server.ctx.db;
  knex.on('query', listener);
  try {
    await action();
  } finally {
    knex.off('query', listener);
  }
  return sent;
}

describe('an alliance page kept across other alliances’ changes', () => {
  it('is not built again when another alliance is saved, and is when its own history, row or members change', async () => {
    const a = await send('POST', '/api/alliances', { name: 'ALI della pagina letta', members: [{ code: '001065', lead: true }, { code: '001193' }] });
    expect(a.status).toBe(201);
    const id = a.json.id as number;
    const auth = { authorization: `Bearer ${a.json.editToken as string}` };
    const first = await send('GET', `/api/alliances/${id}`);
    expect(first.status).toBe(200);

    // Another alliance saved: the revision moves, this page is checked with one short query and served as it was.
    expect((await send('POST', '/api/alliances', { name: 'ALI di un altro', members: [{ code: '001260', lead: true }] })).status).toBe(201);
    let again: Awaited<ReturnType<typeof send>> | undefined;
    const sent = await statementsDuring(async () => (again = await send('GET', `/api/alliances/${id}`)));
    expect(again!.status).toBe(200);
    expect(again!.text).toBe(first.text);
    expect(sent.filter((sql) => /alliance_members|alliance_services|alliance_partners/.test(sql))).toEqual([]);
    expect(sent.length).toBeLessThanOrEqual(1);

    // Its own history grows (a new edit link writes only there): the page shows it.
    const rotation = await send('POST', `/api/alliances/${id}/edit-token`, undefined, auth);
    expect(rotation.status).toBe(200);
    const rotated = await send('GET', `/api/alliances/${id}`);
    expect((rotated.json.history as { action: string }[]).map((h) => h.action)).toContain('token_rotated');

    // Its own members change: the page shows them.
    const newAuth = { authorization: `Bearer ${rotation.json.editToken as string}`, 'if-match': '*' };
    const patched = await send('PATCH', `/api/alliances/${id}`, { members: [{ code: '001065', lead: true }, { code: '001193' }, { code: '001260' }] }, newAuth);
    expect(patched.status).toBe(200);
    const changed = await send('GET', `/api/alliances/${id}`);
    expect((changed.json.members as { code: string }[]).map((m) => m.code).sort()).toEqual(['001065', '001193', '001260']);
  });
});
