import { describe, expect, it } from 'vitest';
import { readAnswer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => readAnswer(await env.server.send(method, path, body, headers));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const secretOf = (url: string) => new URL(url, 'http://x').hash.replace(/^#invito=/, '');

// Castagnole Piemonte with two neighbours (as in adhesion.test.ts).
const MEMBERS = ['001065', '001193', '001260'];

describe('an adhesion racing the founder', () => {
  it('never loses to a deadlock: a member adhering while the founder saves and issues that member a new link, alliance after alliance', async () => {
    const answers: { status: number; error?: unknown }[][] = [];
    for (let round = 0; round < 12; round++) {
      const created = await send('POST', '/api/alliances', { name: `ALI della corsa ${round}`, members: MEMBERS.map((code, i) => ({ code, lead: i === 0 })) });
      expect(created.status).toBe(201);
      const id = created.json.id as number;
      const editToken = created.json.editToken as string;
      const invitations = created.json.invitations as { code: string; url: string }[];
      const memberLink = secretOf(invitations.find((i) => i.code === MEMBERS[0])!.url);
      const raced = await Promise.all([
        send('POST', `/api/alliances/${id}/members/${MEMBERS[0]}/adhesion`, { decision: 'adhere', organ: 'consiglio', actNumber: '1', actDate: '2026-01-01' }, bearer(memberLink)),
        send('PATCH', `/api/alliances/${id}`, { description: `Giro ${round}` }, { ...bearer(editToken), 'if-match': '*' }),
        send('POST', `/api/alliances/${id}/invitations`, { code: MEMBERS[0] }, bearer(editToken)),
      ]);
      answers.push(raced.map((a) => ({ status: a.status, error: a.status >= 400 ? a.json.error : undefined })));
    }
    // The member's adhesion lands, or finds its link replaced by the new one (403): either order is
    // right. The founder's save, at any version (If-Match: *), lands on whichever is newest; the new
    // link is issued. Before the alliance's row was locked first in the adhesion, PostgreSQL
    // rolled one of them back as a deadlock now and then (40P01, answered 503 "try again").
    for (const [adhesion, patch, invitation] of answers) {
      expect([200, 403], JSON.stringify(adhesion)).toContain(adhesion!.status);
      expect(patch, JSON.stringify(patch)).toEqual({ status: 200 });
      expect(invitation, JSON.stringify(invitation)).toEqual({ status: 201 });
    }
  });
});
