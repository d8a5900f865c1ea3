import { describe, expect, it } from 'vitest';
import type { Database } from '../../infra/db/database';
import { openTestDatabase } from '../helpers/test-database';
import { startTestServer, useTestServer } from '../helpers/test-server';

// Inputs found by fuzzing every operation of /api/openapi.json (issue 23) that the other hostile tests did not cover.
const env = useTestServer();
const AGLIE = '001001';

type Json = Record<string, unknown>;
interface Detail {
  path: string;
  message: string;
}

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(env.server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started, json: (text.startsWith('{') ? JSON.parse(text) : null) as Json };
}

const errorOf = (r: { json: Json }) => r.json.error as { code: string; message: string; details?: Detail[] };

async function createAlliance() {
  const created = await send('POST', '/api/alliances', { name: 'ALI bersaglio', members: [{ code: AGLIE, lead: true }] });
  expect(created.status, created.text).toBe(201);
  return { id: created.json.id as number, edit: { Authorization: `Bearer ${created.json.editToken as string}`, 'If-Match': '*' } };
}

const service = (extra: Json) => ({ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 100, equalShare: 1, ...extra });

describe('a body cannot make validation list a problem per item', () => {
  it('refuses an array or object wider than 10,000 items before parsing it (a 500 from the validator before)', async () => {
    const wideList = { name: 'x', members: [{ code: AGLIE }], services: [service({ recipients: Array(150_000).fill(1) })] };
    const wideRecord = {
      name: 'x',
      members: [{ code: AGLIE }],
      governance: { phases: [{ phase: 'avvio', date: '2026-01-01', survey: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [i.toString(36), 1])) }] },
    };
    for (const body of [wideList, wideRecord]) {
      const r = await send('POST', '/api/alliances', body);
      expect(r.status, r.text.slice(0, 300)).toBe(413);
      expect(errorOf(r)).toMatchObject({ code: 'payload_too_large', message: 'Un elenco del JSON supera 10.000 elementi / A JSON array or object holds more than 10,000 items' });
    }
    // The widest list a route takes still reaches it: 8,000 codes to resolve.
    const widest = await send('POST', '/api/comuni/resolve', { entries: Array(8000).fill(AGLIE) });
    expect(widest.status).toBe(200);
  });

  it('lists at most 20 problems, each cut short, and says how many more there are', async () => {
    // 8,000 entries of the wrong type: one problem each.
    const many = await send('POST', '/api/comuni/resolve', { entries: Array(8000).fill(1) });
    expect(many.status).toBe(400);
    const details = errorOf(many).details!;
    expect(details).toHaveLength(21);
    expect(details[20]).toEqual({ path: '', message: '… e altri 7980 problemi / … and 7980 more problems' });
    expect(many.text.length).toBeLessThan(5000);
    // 9,000 unknown keys: one problem whose message would name them all.
    const keys = Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`chiave${i}`, i]));
    const unknown = await send('POST', '/api/plans', { area: { province: '001' }, ...keys });
    expect(unknown.status).toBe(400);
    for (const d of errorOf(unknown).details!) expect(d.message.length).toBeLessThanOrEqual(301);
    expect(unknown.text.length).toBeLessThan(5000);
  });
});

describe('numbers past what the database holds', () => {
  it('refuses an existing Unione id beyond a PostgreSQL integer (a 500, SQLSTATE 22003, before)', async () => {
    const a = await createAlliance();
    for (const existingUnione of [2_147_483_648, 9_007_199_254_740_991]) {
      const r = await send('PATCH', `/api/alliances/${a.id}`, { governance: { existingUnione } }, a.edit);
      expect(r.status, r.text).toBe(400);
      expect(errorOf(r).details).toEqual([{ path: 'governance.existingUnione', message: 'nessuna Unione con questo identificativo / no Unione with this id' }]);
    }
  });
});

/** POSTs an alliance named `name` while a trigger makes its insert raise `condition` (a PostgreSQL condition name); the trigger is dropped after. */
async function saveWhileInsertRaises(db: Database, url: string, condition: string, name: string): Promise<Response> {
  await db.knex.raw(`CREATE OR REPLACE FUNCTION test_insert_raises() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refused' USING ERRCODE = '${condition}'; END $$`);
  await db.knex.raw(`CREATE TRIGGER test_insert_raises BEFORE INSERT ON alliances FOR EACH ROW EXECUTE FUNCTION test_insert_raises()`);
  try {
    return await fetch(`${url}/api/alliances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, members: [{ code: AGLIE }] }),
    });
  } finally {
    await db.knex.raw(`DROP TRIGGER test_insert_raises ON alliances`);
  }
}

describe('a write that loses to another at the same moment', () => {
  it('answers 503 with Retry-After when PostgreSQL rolls it back for a deadlock or a serialization failure (a 500 before)', async () => {
    // On PostgreSQL, an adhesion racing the founder's save and a new invitation deadlocked (40P01):
    // here the database refuses the write as it does then.
    const own = await openTestDatabase();
    const server = await startTestServer(own.db);
    try {
      for (const [code, condition] of [['40P01', 'deadlock_detected'], ['40001', 'serialization_failure']] as const) {
        const r = await saveWhileInsertRaises(own.db, server.url, condition, 'ALI in gara');
        const body = (await r.json()) as { error: { code: string; message: string } };
        expect(r.status, code).toBe(503);
        expect(r.headers.get('retry-after'), code).toBe('5');
        expect(body.error, code).toEqual(expect.objectContaining({ code: 'unavailable', message: 'Il database è occupato o non raggiungibile: riprova tra poco / The database is busy or unreachable: try again shortly' }));
      }
      const saved = await fetch(`${server.url}/api/alliances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'ALI dopo la gara', members: [{ code: AGLIE }] }),
      });
      expect(saved.status).toBe(201);
    } finally {
      await server.close();
      await own.dispose();
    }
  });
});

describe('a value the database refuses that no schema bounded', () => {
  it('answers 400 for a data exception and 413 for a program limit, never 500', async () => {
    const own = await openTestDatabase();
    const server = await startTestServer(own.db);
    try {
      const cases: [string, number, string][] = [
        ['numeric_value_out_of_range', 400, 'Un valore della richiesta non è accettato dal database / A value in the request is not accepted by the database'],
        ['invalid_datetime_format', 400, 'Un valore della richiesta non è accettato dal database / A value in the request is not accepted by the database'],
        ['program_limit_exceeded', 413, 'La richiesta supera i limiti del database / The request exceeds the database’s limits'],
      ];
      for (const [condition, status, message] of cases) {
        const r = await saveWhileInsertRaises(own.db, server.url, condition, 'ALI rifiutata');
        const text = await r.text();
        expect(r.status, condition).toBe(status);
        expect((JSON.parse(text) as { error: { message: string } }).error.message, condition).toBe(message);
        expect(text, condition).not.toMatch(/refused|INSERT|alliances/);
      }
    } finally {
      await server.close();
      await own.dispose();
    }
  });
});

describe('a body that is not UTF-8', () => {
  it('is refused with 400, not stored with its bytes turned into U+FFFD', async () => {
    const before = env.server.ctx.alliancesRevision.current();
    // Overlong "/", an encoded surrogate, a byte no UTF-8 has, a code point past U+10FFFF.
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80]]) {
      const body = Buffer.concat([Buffer.from('{"name":"ALI '), Buffer.from(bytes), Buffer.from(`","members":[{"code":"${AGLIE}"}]}`)]);
      const r = await fetch(`${env.server.url}/api/alliances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await r.text();
      expect(r.status, text).toBe(400);
      expect(JSON.parse(text)).toEqual({ error: { code: 'bad_request', message: 'Il corpo della richiesta non è UTF-8 valido / The request body is not valid UTF-8' } });
    }
    expect(env.server.ctx.alliancesRevision.current()).toBe(before);
    // UTF-8 as it should be, and a body in the UTF-16 it declares, still pass.
    const accents = await send('POST', '/api/alliances', { name: 'ALI Agliè – Città', members: [{ code: AGLIE }] });
    expect(accents.status).toBe(201);
    expect(accents.json.name).toBe('ALI Agliè – Città');
    const utf16 = await fetch(`${env.server.url}/api/contiguity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      body: Buffer.from(`{"members":["${AGLIE}"]}`, 'utf16le'),
    });
    expect(utf16.status).toBe(200);
  });
});
