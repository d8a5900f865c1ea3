import { describe, expect, it } from 'vitest';
import { readAnswer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => readAnswer(await env.server.send(method, path, body, headers));

describe('If-Match: * (RFC 9110: whatever version is current)', () => {
  it('applies eight changes sent at once, each to the version the others left, none refused as a conflict', async () => {
    const created = await send('POST', '/api/alliances', { name: 'ALI di chi salva per ultimo', members: [{ code: '001065', lead: true }, { code: '001193' }] });
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    const auth = { authorization: `Bearer ${created.json.editToken as string}`, 'if-match': '*' };
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send('PATCH', `/api/alliances/${id}`, { description: `Descrizione ${i}` }, auth)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    // Eight versions after the first, one per change, and the description the last one wrote.
    const versions = answers.map((a) => Number(a.headers.get('etag')!.replaceAll('"', ''))).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 8 }, (_, i) => i + 2));
    const last = answers.find((a) => a.headers.get('etag') === '"9"')!;
    expect((await send('GET', `/api/alliances/${id}`)).json.description).toBe(last.json.description);
  });

  it('still refuses a stale numbered version with 409', async () => {
    const created = await send('POST', '/api/alliances', { name: 'ALI della versione vecchia', members: [{ code: '001065', lead: true }, { code: '001193' }] });
    const id = created.json.id as number;
    const auth = { authorization: `Bearer ${created.json.editToken as string}` };
    expect((await send('PATCH', `/api/alliances/${id}`, { description: 'prima' }, { ...auth, 'if-match': '1' })).status).toBe(200);
    const stale = await send('PATCH', `/api/alliances/${id}`, { description: 'seconda' }, { ...auth, 'if-match': '1' });
    expect(stale.status).toBe(409);
  });
});
