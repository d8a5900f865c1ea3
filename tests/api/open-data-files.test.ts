import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OpenDataFiles } from '../../server/open-data/files';
import { findAlliance } from '../../server/queries/alliances';
import { publishedAlliancePages } from '../../server/queries/published-alliances';
import { readCsv, readXlsx } from '../helpers/downloads';
import { copyAlliance } from '../helpers/many-alliances';
import { useTestServer } from '../helpers/test-server';

// Its own database: a thousand published alliances would slow every other file sharing one.
const env = useTestServer({ ownDatabase: true });

/** Agliè and its neighbours, published, with two services: the seed every copy repeats. */
async function seedAlliance(name: string): Promise<{ id: number; members: string[] }> {
  const { neighbours } = (await (await env.server.get('/api/comuni/001001')).json()) as { neighbours: string[] };
  const members = ['001001', ...neighbours];
  const response = await env.server.post('/api/alliances', {
    name,
    status: 'published',
    members: members.map((code, i) => ({ code, lead: i === 0 })),
    services: [
      { code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 1_200_001, equalShare: 0.5 },
      { code: 'protocollo', provider: { kind: 'alliance' }, annualCostCents: 500_000, equalShare: 1 },
    ],
  });
  const body = (await response.json()) as { id: number };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { id: body.id, members };
}

const published = async () =>
  (await env.database.db.knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM alliances WHERE status = 'published' AND deleted_at IS NULL`)).rows[0]!.n;

/** Waits until this instance has heard of the last change (NOTIFY arrives after the commit). */
async function revisionAfter(before: number): Promise<void> {
  for (let waited = 0; env.server.ctx.alliancesRevision.current() === before; waited += 50) {
    if (waited > 10_000) throw new Error('the change was never announced');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Until the revision has stood still for half a second: on PostgreSQL this instance's own change is
 * also announced by NOTIFY, which moves the revision once more, a moment after the answer.
 */
async function revisionSettled(): Promise<void> {
  for (let last = env.server.ctx.alliancesRevision.current(), still = 0; still < 500; still += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = env.server.ctx.alliancesRevision.current();
    if (now !== last) [last, still] = [now, -50];
  }
}

const builds = (file: string) => env.server.ctx.openData.builds.get(file as never) ?? 0;

describe('open-data files at a thousand published alliances', () => {
  let seed: { id: number; members: string[] };
  beforeAll(async () => {
    seed = await seedAlliance('ALI mille');
    const before = env.server.ctx.alliancesRevision.current();
    await copyAlliance(env.database.db.knex, seed.id, 999);
    await revisionAfter(before);
  });

  it('answers ten parallel requests for services.xlsx with one build, each a valid workbook with every row, and lives', { timeout: 240_000 }, async () => {
    expect(await published()).toBeGreaterThanOrEqual(1_000);

    const started = builds('services.xlsx');
    const answers = await Promise.all(Array.from({ length: 10 }, () => env.server.get('/api/open-data/services.xlsx')));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const bodies = await Promise.all(answers.map(async (a) => Buffer.from(await a.arrayBuffer())));
    expect(builds('services.xlsx') - started).toBe(1);
    // Everyone got the same file (one build), and it opens as Excel would, with every row.
    expect(new Set(bodies.map((b) => b.toString('base64'))).size).toBe(1);
    const workbook = await readXlsx(bodies[0]!);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['servizi-alleanze', 'quote-alleanze']);
    const [services, fees] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const copies = (sheet: ExcelJS.Worksheet) => sheet.getColumn(2).values.filter((v) => typeof v === 'string' && v.startsWith('ALI mille')).length;
    expect(copies(services)).toBe(1_000 * 2);
    expect(copies(fees)).toBe(1_000 * seed.members.length * 2);
    expect(services.getRow(1).font?.bold).toBe(true);
    expect(services.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(fees.getCell('C2').value).toMatch(/^\d{6}$/);
    // Alive, and the CSV has the same thousand alliances' services.
    expect((await env.server.get('/api/health')).status).toBe(200);
    const csv = readCsv(await (await env.server.get('/api/open-data/services.csv')).text());
    expect(csv.filter((r) => r.alliance_name?.startsWith('ALI mille'))).toHaveLength(2_000);
  });

  it('builds a file once per revision: asked again it is the same build, after a change a new one', async () => {
    await seedAlliance('ALI rifatta');
    await revisionSettled();
    const first = await env.server.get('/api/open-data/fees.csv');
    const text = await first.text();
    const count = builds('fees.csv');
    const again = await env.server.get('/api/open-data/fees.csv');
    expect(await again.text()).toBe(text);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(builds('fees.csv')).toBe(count);
    // The client that has it gets a 304.
    expect((await env.server.get('/api/open-data/fees.csv', { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);

    const before = env.server.ctx.alliancesRevision.current();
    const added = await seedAlliance('ALI nuova revisione');
    await revisionAfter(before);
    const changed = await env.server.get('/api/open-data/fees.csv');
    const rows = readCsv(await changed.text());
    expect(rows.filter((r) => r.alliance_id === String(added.id))).toHaveLength(added.members.length * 2);
    expect(builds('fees.csv')).toBe(count + 1);
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('serves the gzipped files to clients that do not accept gzip, unzipped', async () => {
    const zipped = await env.server.get('/api/open-data/members.csv', { headers: { 'accept-encoding': 'gzip' } });
    const plain = await env.server.get('/api/open-data/members.csv', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(plain.headers.get('content-disposition')).toMatch(/^attachment; filename="?membri-alleanze\.csv"?$/);
    expect(await plain.text()).toBe(await zipped.text());
  });

  it('shares one build between concurrent requests of every file, and refuses a file larger than its budget with a 503 it keeps for the revision', async () => {
    const ctx = env.server.ctx;
    const files = new OpenDataFiles(ctx.db.knex, () => ctx.tables.get(), ctx.alliancesRevision);
    const built = await Promise.all([files.get('members.csv'), files.get('members.csv'), files.get('alliances.geojson'), files.get('alliances.geojson')]);
    expect(built[0]).toBe(built[1]);
    expect(built[2]).toBe(built[3]);
    expect(files.builds.get('members.csv')).toBe(1);
    expect(files.builds.get('alliances.geojson')).toBe(1);

    // The fees of a thousand alliances are far more than 4 KB gzipped.
    const small = new OpenDataFiles(ctx.db.knex, () => ctx.tables.get(), ctx.alliancesRevision, 4 * 1024);
    const refusals = await Promise.allSettled([small.get('fees.csv'), small.get('fees.csv')]);
    for (const r of refusals) {
      expect(r.status).toBe('rejected');
      const reason = (r as PromiseRejectedResult).reason as { status: number; message: string };
      expect(reason.status).toBe(503);
      expect(reason.message).toMatch(/^Il file fees\.csv supera .* \/ The file fees\.csv exceeds/);
    }
    await expect(small.get('fees.csv')).rejects.toMatchObject({ status: 503 });
    expect(small.builds.get('fees.csv')).toBe(1);
  });
});

describe('published alliances a page at a time', () => {
  it('reads each alliance as findAlliance does, within the budget of every page', async () => {
    for (const name of ['ALI a pagine 1', 'ALI a pagine 2', 'ALI a pagine 3', 'ALI a pagine 4']) await seedAlliance(name);
    const pages: { id: number; members: number }[][] = [];
    const seen = new Map<number, Awaited<ReturnType<typeof findAlliance>>>();
    let compared = 0;
    for await (const page of publishedAlliancePages(env.database.db.knex, { alliances: 7, members: 30 })) {
      pages.push(page.map((a) => ({ id: a.id, members: a.members.length })));
      for (const a of page.slice(0, 1)) {
        const stored = await findAlliance(env.database.db.knex, a.id);
        seen.set(a.id, stored);
        expect(a).toEqual({
          id: stored!.id, name: stored!.name, version: stored!.version, runningCostCents: stored!.runningCostCents, members: stored!.members, services: stored!.services,
          legalForm: stored!.legalForm, phase: (stored!.governance.phases ?? []).at(-1)?.phase ?? null,
        });
        compared++;
      }
    }
    const ids = pages.flat().map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(await published());
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(7);
      // One alliance always fits; more only within the members' budget.
      if (page.length > 1) expect(page.reduce((n, a) => n + a.members, 0)).toBeLessThanOrEqual(30);
    }
    expect(compared).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(1);
  });
});
