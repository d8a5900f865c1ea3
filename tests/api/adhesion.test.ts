import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../helpers/downloads';
import { readAnswer, TEST_ADMIN_TOKEN, useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Json = Record<string, unknown>;
type Member = { code: string; name: string; status: string; lead: boolean; act: Json | null };

const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => readAnswer(await env.server.send(method, path, body, headers));

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** The secret of an invitation's URL: after `#invito=`. */
const secretOf = (url: string) => new URL(url, 'http://x').hash.replace(/^#invito=/, '');

// Castagnole Piemonte (2,165 residents) with two of its neighbours, Piobesi Torinese (3,823) and
// Scalenghe (3,226), in Piemonte (regional minimum: 5,000 residents): any two of them pass.
const CASTAGNOLE = '001065';
const PIOBESI = '001193';
const SCALENGHE = '001260';
const MEMBERS = [CASTAGNOLE, PIOBESI, SCALENGHE];

const act = (decision: string, actNumber: string, actDate: string, more: Json = {}) => ({ decision, organ: 'consiglio', actNumber, actDate, ...more });

async function founded() {
  const created = await send('POST', '/api/alliances', {
    name: 'ALI del Pinerolese',
    members: MEMBERS.map((code, i) => ({ code, lead: i === 0 })),
  });
  expect(created.status).toBe(201);
  const invitations = created.json.invitations as { code: string; url: string; id: number }[];
  const links = new Map(invitations.map((i) => [i.code, secretOf(i.url)]));
  return { id: created.json.id as number, editToken: created.json.editToken as string, invitations, links };
}

const decide = (id: number, code: string, token: string, body: unknown) => send('POST', `/api/alliances/${id}/members/${code}/adhesion`, body, bearer(token));
const read = async (id: number) => (await send('GET', `/api/alliances/${id}`)).json;
const member = (alliance: Json, code: string) => (alliance.members as Member[]).find((m) => m.code === code)!;

describe('self-governed alliances: each Comune adheres by its own act', () => {
  it('walks the whole story: invitations, a refused founder, adhesion, decline, withdrawal, constitution, history, feeds, open data', async () => {
    const { id, editToken, invitations, links } = await founded();

    // 1. One secret link per member, the secret in the fragment only.
    expect(invitations.map((i) => i.code).sort()).toEqual([...MEMBERS].sort());
    for (const i of invitations) expect(i.url).toMatch(new RegExp(`^/alleanze/${id}/adesione\\?comune=${i.code}#invito=[A-Za-z0-9_-]{32}$`));
    expect(new Set(links.values()).size).toBe(3);
    const listed = await send('GET', `/api/alliances/${id}/invitations`, undefined, bearer(editToken));
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(links.get(CASTAGNOLE)!);
    expect((listed.json.invitations as Json[]).filter((i) => i.revokedAt === null)).toHaveLength(3);

    // 2. The founder cannot mark a member adhered.
    const founderSays = await send(
      'PATCH',
      `/api/alliances/${id}`,
      { members: MEMBERS.map((code, i) => ({ code, lead: i === 0, status: code === PIOBESI ? 'adhered' : 'proposed' })) },
      { ...bearer(editToken), 'if-match': '1' },
    );
    expect(founderSays.status).toBe(422);
    expect((founderSays.json.error as Json).message).toContain(`${PIOBESI}: solo il comune, con un proprio atto, può passare da «proposto» a «aderente»`);
    expect(member(await read(id), PIOBESI).status).toBe('proposed');

    // A member's link is its own: not another's, not the founder's.
    expect((await decide(id, PIOBESI, links.get(CASTAGNOLE)!, act('adhere', '1', '2026-01-10'))).status).toBe(403);
    expect((await decide(id, CASTAGNOLE, editToken, act('adhere', '1', '2026-01-10'))).status).toBe(403);
    expect((await decide(id, CASTAGNOLE, '', act('adhere', '1', '2026-01-10'))).status).toBe(401);
    // A decision needs its act.
    const noAct = await decide(id, CASTAGNOLE, links.get(CASTAGNOLE)!, { decision: 'adhere', organ: 'consiglio' });
    expect(noAct.status).toBe(400);
    expect(noAct.text).toContain('actNumber');
    expect((await decide(id, CASTAGNOLE, links.get(CASTAGNOLE)!, act('adhere', '12', '2999-01-01'))).status).toBe(400);
    expect((await decide(id, CASTAGNOLE, links.get(CASTAGNOLE)!, act('adhere', '12', '2026-03-01', { actUrl: 'javascript:alert(1)' }))).status).toBe(400);
    expect((await decide(id, CASTAGNOLE, links.get(CASTAGNOLE)!, act('withdraw', '12', '2026-03-01'))).status).toBe(422);

    // The invited Comune sees what it is deciding on.
    const view = await send('GET', `/api/alliances/${id}/members/${CASTAGNOLE}/adhesion`, undefined, bearer(links.get(CASTAGNOLE)!));
    expect(view.json).toMatchObject({ alliance: { id, name: 'ALI del Pinerolese' }, party: { code: CASTAGNOLE, name: 'Castagnole Piemonte' }, status: 'proposed', decisions: ['adhere', 'decline'] });

    // 3. Castagnole adheres with act n. 12 of 2026-03-01: the public page shows it.
    const adhered = await decide(id, CASTAGNOLE, links.get(CASTAGNOLE)!, act('adhere', '12', '2026-03-01', { actUrl: 'https://albo.example.it/castagnole/12', note: 'Unanimità' }));
    expect(adhered.status).toBe(200);
    expect(adhered.json).toMatchObject({ status: 'adhered', decisions: ['withdraw'] });
    let page = await read(id);
    expect(page.version).toBe(2);
    expect(member(page, CASTAGNOLE)).toMatchObject({
      status: 'adhered',
      act: { decision: 'adhere', organ: 'consiglio', number: '12', date: '2026-03-01', url: 'https://albo.example.it/castagnole/12', note: 'Unanimità' },
    });
    // One adhered Comune is not yet an alliance: the constituted territory fails the rules.
    expect(page.constituted).toMatchObject({ constituted: false, members: 1, totals: { comuni: 1, population: 2165 } });
    expect((page.constituted as { rules: { id: string; level: string }[] }).rules.filter((r) => r.level === 'problem').map((r) => r.id)).toEqual(['members', 'population']);
    // The proposed territory still counts all three.
    expect((page.totals as Json).comuni).toBe(3);

    // 4. Piobesi declines.
    expect((await decide(id, PIOBESI, links.get(PIOBESI)!, { ...act('decline', '7', '2026-03-05'), organ: 'giunta' })).json).toMatchObject({ status: 'declined' });
    // 5. Scalenghe adheres: with Castagnole it passes every rule, the alliance is constituted …
    expect((await decide(id, SCALENGHE, links.get(SCALENGHE)!, act('adhere', '30', '2026-03-10'))).status).toBe(200);
    page = await read(id);
    expect(page.constituted).toMatchObject({ constituted: true, members: 2, contiguity: { contiguous: true } });
    expect((page.totals as Json).comuni).toBe(2); // Piobesi declined: no longer in the proposed territory
    // … until it withdraws.
    expect((await decide(id, SCALENGHE, links.get(SCALENGHE)!, act('withdraw', '41', '2026-06-30'))).json).toMatchObject({ status: 'withdrawn' });
    page = await read(id);
    expect(page.constituted).toMatchObject({ constituted: false, members: 1 });
    expect(Object.fromEntries(MEMBERS.map((code) => [code, member(page, code).status]))).toEqual({ [CASTAGNOLE]: 'adhered', [PIOBESI]: 'declined', [SCALENGHE]: 'withdrawn' });

    // 6. The founder still edits (keeping the members' own statuses) and rotates the edit link.
    const renamed = await send('PATCH', `/api/alliances/${id}`, { name: 'ALI Pinerolese di pianura', members: MEMBERS.map((code, i) => ({ code, lead: i === 0 })) }, { ...bearer(editToken), 'if-match': String(page.version) });
    expect(renamed.status).toBe(200);
    expect(renamed.json.invitations).toEqual([]); // nobody new: no new links
    expect(member(renamed.json, SCALENGHE).status).toBe('withdrawn');
    const rotated = await send('POST', `/api/alliances/${id}/edit-token`, undefined, bearer(editToken));
    expect(rotated.status).toBe(200);
    const newToken = rotated.json.editToken as string;
    expect(newToken).not.toBe(editToken);
    expect((await send('PATCH', `/api/alliances/${id}`, { name: 'X' }, { ...bearer(editToken), 'if-match': String(renamed.json.version) })).status).toBe(403);

    // An administrator revokes a leaked link; the Comune's old link stops working, a new one works.
    const bairoInvitation = invitations.find((i) => i.code === PIOBESI)!;
    expect((await send('DELETE', `/api/alliances/${id}/invitations/${bairoInvitation.id}`, undefined, bearer('wrong-token-wrong-token'))).status).toBe(403);
    const revoked = await send('DELETE', `/api/alliances/${id}/invitations/${bairoInvitation.id}`, undefined, bearer(TEST_ADMIN_TOKEN));
    expect(revoked.json).toMatchObject({ id: bairoInvitation.id, code: PIOBESI, revokedBy: 'administrator' });
    expect((await decide(id, PIOBESI, links.get(PIOBESI)!, act('adhere', '9', '2026-07-01'))).status).toBe(403);
    const reissued = await send('POST', `/api/alliances/${id}/invitations`, { code: PIOBESI }, bearer(newToken));
    expect(reissued.status).toBe(201);
    expect((await decide(id, PIOBESI, secretOf(reissued.json.url as string), act('adhere', '9', '2026-07-01'))).json).toMatchObject({ status: 'adhered' });

    // 7. History: who did what, with the changes.
    const history = await send('GET', `/api/alliances/${id}/history`);
    expect(history.status).toBe(200);
    type Entry = { action: string; actor: { kind: string; code?: string }; changes: { text: { it: string } }[] };
    const entries = (history.json.entries as Entry[]).slice().reverse();
    const texts_ = (e: Entry) => e.changes.map((c) => c.text.it);
    expect(entries.map((e) => `${e.action}:${e.actor.kind}${e.actor.code ? `:${e.actor.code}` : ''}`)).toEqual([
      'created:founder',
      `adhesion:member:${CASTAGNOLE}`,
      `adhesion:member:${PIOBESI}`,
      `adhesion:member:${SCALENGHE}`,
      `adhesion:member:${SCALENGHE}`,
      'updated:founder',
      'token_rotated:founder',
      'invitation_revoked:administrator',
      'invitation_issued:founder',
      `adhesion:member:${PIOBESI}`,
    ]);
    // The link a decision came through is named, and a link issued again is on record: whoever held it could decide.
    expect(texts_(entries[8]!)).toEqual([`Nuovo link di adesione n. ${reissued.json.id as number} per Piobesi Torinese (${PIOBESI}) (il precedente non vale più)`]);
    expect((history.json.entries as { actor: { label: { it: string } } }[])[0]!.actor.label.it).toBe(`Comune di Piobesi Torinese (link n. ${reissued.json.id as number})`);
    const texts = entries.map(texts_);
    // Created: what it started with (and nothing about a constitution it never had).
    expect(texts[0]).toEqual([
      'Nome: — → ALI del Pinerolese',
      'Stato: — → bozza',
      'Regole: — → Piemonte',
      'Costi di funzionamento: — → 0,00\u00a0€',
      ...MEMBERS.map((code, i) => `Proposto: ${['Castagnole Piemonte', 'Piobesi Torinese', 'Scalenghe'][i]} (${code})`),
    ]);
    expect(texts[1]).toEqual([`Castagnole Piemonte (${CASTAGNOLE}): proposto → aderente (Consiglio comunale, atto n. 12 del 1 marzo 2026)`]);
    expect(texts[2]).toEqual([`Piobesi Torinese (${PIOBESI}): proposto → ha declinato (Giunta, atto n. 7 del 5 marzo 2026)`]);
    expect(texts[3]).toEqual([
      'L’alleanza è costituita: i comuni aderenti da soli rispettano le regole',
      `Scalenghe (${SCALENGHE}): proposto → aderente (Consiglio comunale, atto n. 30 del 10 marzo 2026)`,
    ]);
    expect(texts[5]).toEqual(['Nome: ALI del Pinerolese → ALI Pinerolese di pianura']);
    expect(texts[7]).toEqual([`Link di adesione revocato: Piobesi Torinese (${PIOBESI})`]);
    expect(new Set(entries.map((e) => `${e.actor.kind}${e.actor.code ?? ''}`)).size).toBe(5); // founder, three Comuni, administrator
    expect(history.text).not.toContain(newToken);

    // 8. Both feeds are valid Atom.
    // Castagnole and Piobesi (5,988 residents) pass: the alliance can be published.
    const published = await send('PATCH', `/api/alliances/${id}`, { status: 'published' }, { ...bearer(newToken), 'if-match': String((await read(id)).version) });
    expect(published.status).toBe(200);
    for (const path of [`/api/alliances/${id}/feed.atom`, '/api/feed.atom']) {
      const response = await env.server.get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/atom+xml');
      const xml = await response.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' || name === 'category' }).parse(xml).feed;
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      for (const key of ['id', 'title', 'updated']) expect(feed[key]).toBeTruthy();
      expect(feed.author.name).toBeTruthy();
      const mine = (feed.entry as Json[]).filter((e) => (e.link as Json[]).some((l) => l['@_href'] === `${env.server.url}/alleanze/${id}`));
      expect(mine).toHaveLength(11); // the ten entries above and the publication
      // Permanent ids, whatever address the feed was fetched from.
      expect(new Set(mine.map((e) => e.id)).size).toBe(11);
      for (const e of mine) expect(e.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      for (const e of mine) {
        expect(Date.parse(e.updated as string)).not.toBeNaN();
        expect((e.author as Json).name).toBeTruthy();
      }
      expect(xml).toContain('Consiglio comunale, atto n. 12 del 1 marzo 2026');
      expect(xml).toContain(`<link rel="self" href="${env.server.url}${path}" type="application/atom+xml"/>`);
    }

    // 9. Open data carries the acts.
    const csv = readCsv(await (await env.server.get('/api/open-data/alliances.csv')).text());
    const rows = csv.filter((r) => r.alliance_id === String(id));
    expect(rows.map((r) => [r.istat_code, r.status, r.act_organ, r.act_number, r.act_date, r.act_url])).toEqual([
      [CASTAGNOLE, 'aderente', 'consiglio', '12', '2026-03-01', 'https://albo.example.it/castagnole/12'],
      [PIOBESI, 'aderente', 'consiglio', '9', '2026-07-01', ''],
      [SCALENGHE, 'receduto', 'consiglio', '41', '2026-06-30', ''],
    ]);
  });

  it('invites participating bodies too, keeps their decision across edits, and drops the links of removed members', async () => {
    const created = await send('POST', '/api/alliances', {
      name: 'ALI con partner',
      members: [{ code: CASTAGNOLE, lead: true }, { code: PIOBESI }],
      partners: [{ kind: 'provincia', name: 'Città metropolitana di Torino' }],
    });
    const id = created.json.id as number;
    const token = created.json.editToken as string;
    const invitations = created.json.invitations as { code?: string; partner?: string; url: string }[];
    const partnerLink = invitations.find((i) => i.partner === 'Città metropolitana di Torino')!;
    expect(partnerLink.url).toContain(`?ente=Citt%C3%A0%20metropolitana%20di%20Torino#invito=`);
    const decided = await send('POST', `/api/alliances/${id}/partners/${encodeURIComponent('Città metropolitana di Torino')}/adhesion`, { ...act('adhere', '88', '2026-02-02'), organ: 'sindaco' }, bearer(secretOf(partnerLink.url)));
    expect(decided.json).toMatchObject({ status: 'adhered', party: { partner: 'Città metropolitana di Torino' } });

    // The founder removes Piobesi and gives the body a role: Piobesi's link stops working, the body keeps its act.
    const bairoLink = secretOf(invitations.find((i) => i.code === PIOBESI)!.url);
    const edited = await send(
      'PATCH',
      `/api/alliances/${id}`,
      { members: [{ code: CASTAGNOLE, lead: true }, { code: SCALENGHE }], partners: [{ kind: 'provincia', name: 'Città metropolitana di Torino', role: 'supporto' }] },
      { ...bearer(token), 'if-match': '2' },
    );
    expect(edited.status).toBe(200);
    expect((edited.json.invitations as { code: string }[]).map((i) => i.code)).toEqual([SCALENGHE]);
    expect((edited.json.partners as Json[])[0]).toMatchObject({ role: 'supporto', status: 'adhered', act: { number: '88', organ: 'sindaco' } });
    expect((await decide(id, PIOBESI, bairoLink, act('adhere', '1', '2026-01-01'))).status).toBe(404);
    const all = (await send('GET', `/api/alliances/${id}/invitations`, undefined, bearer(token))).json.invitations as Json[];
    expect(all.find((i) => i.code === PIOBESI)).toMatchObject({ revokedBy: 'removed' });
  });

  it('never loses a decision to a founder saving at the same time', async () => {
    const { id, editToken, links } = await founded();
    const saves = Array.from({ length: 4 }, (_, n) =>
      send('PATCH', `/api/alliances/${id}`, { description: `modifica ${n}` }, { ...bearer(editToken), 'if-match': '1' }),
    );
    const decisions = MEMBERS.map((code) => decide(id, code, links.get(code)!, act('adhere', '5', '2026-04-01')));
    const results = await Promise.all([...saves, ...decisions]);
    expect(results.slice(4).map((r) => r.status)).toEqual([200, 200, 200]);
    // At most one of the founder's saves at version 1 lands; the others are told to reload.
    expect(results.slice(0, 4).filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    for (const r of results.slice(0, 4)) expect([200, 409]).toContain(r.status);
    const page = await read(id);
    expect((page.members as Member[]).map((m) => m.status)).toEqual(['adhered', 'adhered', 'adhered']);
  });

  it('keeps feeds well-formed whatever the names say, and answers hostile adhesion requests with 4xx', async () => {
    const hostile = '<script>alert("x")</script> & ]]> \u2028 “ALI”';
    const created = await send('POST', '/api/alliances', { name: hostile, members: [{ code: CASTAGNOLE, lead: true }, { code: PIOBESI }], partners: [{ kind: 'other', name: 'Ente & <Co>' }] });
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    const partnerUrl = (created.json.invitations as { partner?: string; url: string }[]).find((i) => i.partner === 'Ente & <Co>')!.url;
    const partnerToken = secretOf(partnerUrl);
    const castagnoleToken = secretOf((created.json.invitations as { code?: string; url: string }[]).find((i) => i.code === CASTAGNOLE)!.url);
    const decided = await send('POST', `/api/alliances/${id}/partners/${encodeURIComponent('ente & <co>')}/adhesion`, act('adhere', '<b>1</b>', '2026-01-01', { note: 'a & b < c' }), bearer(partnerToken));
    expect(decided.json).toMatchObject({ status: 'adhered' }); // the body's name matches in any case
    const xml = await (await env.server.get(`/api/alliances/${id}/feed.atom`)).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(xml).feed;
    expect(feed.title).toBe(`${hostile} — storia dell'alleanza`);
    expect(xml).not.toContain('<script>');
    expect(JSON.stringify(feed.entry)).toContain('Ente & <Co>: proposto → aderente');

    // Unknown members and bodies, a name too long, a wrong alliance id, an oversized body: 4xx, never 5xx.
    const answers = await Promise.all([
      send('POST', `/api/alliances/${id}/members/001260/adhesion`, act('adhere', '1', '2026-01-01'), bearer(partnerToken)),
      send('POST', `/api/alliances/${id}/members/12/adhesion`, act('adhere', '1', '2026-01-01'), bearer(partnerToken)),
      send('POST', `/api/alliances/${id}/partners/${'x'.repeat(500)}/adhesion`, act('adhere', '1', '2026-01-01'), bearer(partnerToken)),
      send('POST', `/api/alliances/999999999/members/${CASTAGNOLE}/adhesion`, act('adhere', '1', '2026-01-01'), bearer(partnerToken)),
      send('POST', `/api/alliances/${id}/members/${CASTAGNOLE}/adhesion`, { ...act('adhere', '1', '2026-01-01'), note: 'x'.repeat(5000) }, bearer(castagnoleToken)),
      send('POST', `/api/alliances/${id}/members/${CASTAGNOLE}/adhesion`, act('adhere', '1', '2026-01-01'), bearer(partnerToken)),
      send('POST', `/api/alliances/${id}/invitations`, { code: '001260' }, bearer(created.json.editToken as string)),
      send('DELETE', `/api/alliances/${id}/invitations/999999`, undefined, bearer(created.json.editToken as string)),
      send('GET', `/api/alliances/${id}/history?limit=100000`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 400, 400, 404, 400, 403, 422, 404, 400]);
    for (const a of answers) expect((a.json.error as Json).message).toMatch(/\S+ \/ \S+/); // Italian / English
  });

  it('keeps each body’s link its own: names alike in case, named like an ISTAT code, or issued twice at once', async () => {
    const created = await send('POST', '/api/alliances', {
      name: 'ALI dei nomi simili',
      members: [{ code: CASTAGNOLE, lead: true }, { code: PIOBESI }],
      partners: [{ kind: 'other', name: 'ΑΣ' }, { kind: 'other', name: 'ασ' }, { kind: 'other', name: CASTAGNOLE }],
    });
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    const token = created.json.editToken as string;
    const links = created.json.invitations as { code?: string; partner?: string; url: string }[];
    expect(links).toHaveLength(5);
    const linkOf = (partner: string) => secretOf(links.find((i) => i.partner === partner)!.url);
    // One body's link never decides for the other, however their names compare in another locale.
    expect((await send('POST', `/api/alliances/${id}/partners/${encodeURIComponent('ΑΣ')}/adhesion`, act('adhere', '1', '2026-01-01'), bearer(linkOf('ασ')))).status).toBe(403);
    expect((await send('POST', `/api/alliances/${id}/partners/${encodeURIComponent('ΑΣ')}/adhesion`, act('adhere', '1', '2026-01-01'), bearer(linkOf('ΑΣ')))).status).toBe(200);
    // A body named like a member's code holds a link of its own, and so does the member.
    expect((await send('POST', `/api/alliances/${id}/partners/${CASTAGNOLE}/adhesion`, act('decline', '2', '2026-01-02'), bearer(linkOf(CASTAGNOLE)))).status).toBe(200);
    const member = secretOf(links.find((i) => i.code === CASTAGNOLE)!.url);
    expect((await decide(id, CASTAGNOLE, member, act('adhere', '3', '2026-01-03'))).status).toBe(200);
    // Two new links for one Comune at once (a double click): both answered, one live afterwards.
    const twice = await Promise.all([1, 2].map(() => send('POST', `/api/alliances/${id}/invitations`, { code: PIOBESI }, bearer(token))));
    expect(twice.map((r) => r.status)).toEqual([201, 201]);
    const live = ((await send('GET', `/api/alliances/${id}/invitations`, undefined, bearer(token))).json.invitations as Json[]).filter((i) => i.code === PIOBESI && i.revokedAt === null);
    expect(live).toHaveLength(1);
    // A wrong token on the administrators' route counts as a refused attempt (the strict limit).
    const refused = await send('GET', `/api/alliances/${id}/invitations`, undefined, bearer('not-the-token-not-the-token'));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('ratelimit-policy')).toContain('w=900');
  });
});
