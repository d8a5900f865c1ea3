import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeodataError } from '../../geodata/errors';
import { importAssociationsCsv } from '../../geodata/import/associations-csv';
import { importGeodata } from '../../geodata/import/pipeline';
import { writeAdjacency } from '../../geodata/import/adjacency';
import { PACK_DIR } from '../../geodata/pack/format';
import { readPack } from '../../geodata/pack/read';
import { silentProgress } from '../../geodata/progress';
import type { SourceData } from '../../geodata/source-data';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let work: string;
let pack: SourceData;

beforeAll(async () => {
  database = await openTestDatabase();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-geodata-'));
  pack = await readPack(PACK_DIR, silentProgress);
});
afterAll(async () => {
  await database?.dispose();
  await fs.rm(work, { recursive: true, force: true });
});

async function count(sql: string, db: TestDatabase = database): Promise<number> {
  const result = await db.db.knex.raw<{ rows: { n: number }[] }>(sql);
  return result.rows[0]!.n;
}

/** A fingerprint of everything the import writes, to compare two states of the database. */
async function fingerprint(db: TestDatabase = database): Promise<string> {
  const result = await db.db.knex.raw<{ rows: { f: string }[] }>(`SELECT concat_ws('|',
      (SELECT md5(string_agg(concat_ws(',', code, name, population, area_km2, density_per_km2, inner_area_class,
                                        round(geodesic_area_km2::numeric, 6), ST_AsText(ST_SnapToGrid(geom, 0.001))), ';' ORDER BY code)) FROM comuni),
      (SELECT md5(string_agg(concat_ws(',', a, b, border_m, kind), ';' ORDER BY a, b)) FROM comune_adjacency),
      (SELECT md5(string_agg(concat_ws(',', a.id, a.kind, a.name, m.comune_code, m.role), ';' ORDER BY a.id, m.comune_code))
         FROM associations a JOIN association_members m ON m.association_id = a.id)) AS f`);
  return result.rows[0]!.f;
}

/** The data pack cut to the given provinces' Comuni (every table kept), optionally edited. */
function cutData(provinces: string[], edit?: (comuni: SourceData['boundaries']['comuni']) => void): SourceData {
  const comuni = pack.boundaries.comuni.filter((c) => provinces.includes(c.provinceCode)).map((c) => ({ ...c }));
  edit?.(comuni);
  return { ...pack, boundaries: { ...pack.boundaries, comuni } };
}

async function writeCsv(name: string, text: string): Promise<string> {
  await fs.writeFile(path.join(work, name), text);
  return name;
}

describe('the full import', () => {
  it('loads every Comune, province and region of the boundary files', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM comuni`)).toBe(7899);
    expect(await count(`SELECT count(*)::int AS n FROM provinces`)).toBe(107);
    expect(await count(`SELECT count(*)::int AS n FROM regions`)).toBe(20);
    expect(await count(`SELECT count(*)::int AS n FROM comuni WHERE population IS NULL`)).toBe(1); // Misiliscemi
    expect(await count(`SELECT sum(population)::int AS n FROM comuni`)).toBeGreaterThan(59_000_000);
    expect(await count(`SELECT count(*)::int AS n FROM comuni WHERE NOT ST_IsValid(geom)`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM comuni WHERE GeometryType(geom) <> 'MULTIPOLYGON'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM associations WHERE kind = 'snai'`)).toBe(208);
    expect(await count(`SELECT count(*)::int AS n FROM associations WHERE kind = 'sll'`)).toBe(515);
    // The Unioni di Comuni (ANCI 2023) with their members; 6 Comunità di montagna and 15 Comunità di valle.
    expect(await count(`SELECT count(*)::int AS n FROM associations WHERE source = 'ANCI 2023' AND kind = 'unione'`)).toBe(397);
    expect(await count(`SELECT count(*)::int AS n FROM associations WHERE source = 'ANCI 2023' AND kind = 'other'`)).toBe(15);
    expect(
      await count(`SELECT count(*)::int AS n FROM association_members m JOIN associations a ON a.id = m.association_id
                   WHERE a.source = 'ANCI 2023' AND a.kind = 'unione'`),
    ).toBe(2340);
  });
});

describe('geodata:associations (CSV of Unioni and Comunità Montane)', () => {
  /** The members of the CSV-imported associations with these names (each test uses its own names). */
  const csvMembers = async (...names: string[]) =>
    (
      await database.db.knex.raw<{ rows: { kind: string; name: string; comune_code: string; role: string | null }[] }>(
        `SELECT a.kind, a.name, m.comune_code, m.role FROM associations a JOIN association_members m ON m.association_id = a.id
         WHERE a.source = 'csv' AND a.name = ANY(?) ORDER BY m.comune_code`,
        [names],
      )
    ).rows;

  it('registers associations with members, keeping leading zeros', async () => {
    const file = await writeCsv(
      'unioni.csv',
      'kind,name,istat_code,role\n' +
        'unione,Unione Montana Valli del Canavese,001001,capofila\n' +
        'unione,Unione Montana Valli del Canavese,001004,\n' +
        'convenzione,Convenzione Alto Canavese,1177,\n',
    );
    const report = await importAssociationsCsv(database.db.knex, work, file);
    expect(report).toMatchObject({ associations: 2, memberships: 3 });
    expect(await csvMembers('Unione Montana Valli del Canavese', 'Convenzione Alto Canavese')).toEqual([
      { kind: 'unione', name: 'Unione Montana Valli del Canavese', comune_code: '001001', role: 'capofila' },
      { kind: 'unione', name: 'Unione Montana Valli del Canavese', comune_code: '001004', role: null },
      { kind: 'convenzione', name: 'Convenzione Alto Canavese', comune_code: '001177', role: null },
    ]);
  });

  it('replaces the members of an association imported again under the same name', async () => {
    await importAssociationsCsv(database.db.knex, work, await writeCsv('rep-1.csv', 'kind,name,istat_code\nunione,Unione Ripetuta,001001\nunione,Unione Ripetuta,001004\n'));
    await importAssociationsCsv(database.db.knex, work, await writeCsv('rep-2.csv', 'kind,name,istat_code\nunione,Unione Ripetuta,001002\n'));
    expect((await csvMembers('Unione Ripetuta')).map((r) => r.comune_code)).toEqual(['001002']);
    expect(await count(`SELECT count(*)::int AS n FROM associations WHERE source = 'csv' AND name = 'Unione Ripetuta'`)).toBe(1);
  });

  it('lists every unknown code and kind, and writes nothing', async () => {
    const before = await fingerprint();
    const file = await writeCsv(
      'bad.csv',
      'kind,name,istat_code\nunione,Unione Nuova,001001\nunione,Unione Nuova,999999\ncastello,X,001001\nunione,,001002\nunione,Y,abc\n',
    );
    const error = await importAssociationsCsv(database.db.knex, work, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeodataError);
    const problems = (error as GeodataError).problems;
    expect(problems).toEqual([
      'riga 3: codice ISTAT 999999 sconosciuto',
      expect.stringContaining('riga 4: tipo "castello" sconosciuto'),
      "riga 5: manca il nome dell'associazione",
      'riga 6: "abc" non è un codice ISTAT di comune (6 cifre)',
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM associations WHERE name = 'Unione Nuova'`)).toBe(0);
    expect(await fingerprint()).toBe(before);
  });

  it('says a file with a header and no rows has no rows', async () => {
    const file = await writeCsv('empty.csv', 'kind,name,istat_code\n');
    const error = await importAssociationsCsv(database.db.knex, work, file).catch((e: unknown) => e);
    expect((error as GeodataError).problems).toEqual(['il file non contiene righe']);
  });

  it('with skipUnknown imports the rest and lists the codes not in the boundaries', async () => {
    const file = await writeCsv(
      'skip.csv',
      'kind,name,istat_code\nconvenzione,Convenzione Skip,001001\nconvenzione,Convenzione Skip,999999\nconvenzione,Convenzione Skip,001002\n',
    );
    const report = await importAssociationsCsv(database.db.knex, work, file, { skipUnknown: true });
    expect(report).toMatchObject({ associations: 1, memberships: 2, skipped: ['riga 3: 999999'] });
    const members = await database.db.knex.raw<{ rows: { comune_code: string }[] }>(
      `SELECT m.comune_code FROM associations a JOIN association_members m ON m.association_id = a.id
       WHERE a.name = 'Convenzione Skip' ORDER BY 1`,
    );
    expect(members.rows.map((r) => r.comune_code)).toEqual(['001001', '001002']);
  });

  it('with replaceKinds swaps a whole kind for the newer list, the default Unioni included, in one step', async () => {
    const kindCount = () => count(`SELECT count(*)::int AS n FROM associations WHERE kind = 'comunita_montana'`);
    expect(await kindCount()).toBeGreaterThanOrEqual(6); // the Comunità di montagna of the default list
    const file = await writeCsv('replace.csv', 'kind,name,istat_code\ncomunita_montana,Comunità Nuova,001001\ncomunita_montana,Comunità Nuova,001002\n');
    const report = await importAssociationsCsv(database.db.knex, work, file, { replaceKinds: true });
    expect(report.replaced).toBeGreaterThanOrEqual(6);
    expect(await kindCount()).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM associations WHERE kind = 'unione' AND source = 'ANCI 2023'`)).toBeGreaterThan(390);
  });

  it('rejects a file without the required columns', async () => {
    const file = await writeCsv('columns.csv', 'tipo,nome,codice\nunione,X,001001\n');
    await expect(importAssociationsCsv(database.db.knex, work, file)).rejects.toThrow(/lacks required columns/);
  });
});

describe('a failed import', () => {
  it('stops before writing when the files are inconsistent, listing the problems', async () => {
    const before = await fingerprint();
    const data = cutData(['007'], (comuni) => comuni.push(comuni[0]!));
    const error = await importGeodata(database.db.knex, data, silentProgress, { subset: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeodataError);
    expect((error as GeodataError).problems).toEqual([expect.stringMatching(/code 007001 appears more than once/)]);
    expect(await fingerprint()).toBe(before);
  });

  it('rejects a geometry without area and leaves the previous data intact', async () => {
    const before = await fingerprint();
    const data = cutData(['007'], (comuni) => {
      comuni[3]!.geometry = JSON.stringify({ type: 'Polygon', coordinates: [[[7.1, 45.7], [7.2, 45.8], [7.1, 45.7]]] });
    });
    const error = await importGeodata(database.db.knex, data, silentProgress, { subset: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeodataError);
    expect((error as GeodataError).problems).toEqual([expect.stringMatching(/^007\d{3}: geometry without area$/)]);
    expect(await fingerprint()).toBe(before);
  });

  it('rolls back everything written when it is interrupted half-way', async () => {
    const before = await fingerprint();
    const data = cutData(['007']);
    const crashDuringAdjacency = {
      ...silentProgress,
      stage(label: string) {
        if (label.startsWith('Adiacenze')) throw new Error('simulated crash after the Comuni were written');
      },
    };
    await expect(importGeodata(database.db.knex, data, crashDuringAdjacency, { subset: true })).rejects.toThrow(/simulated crash/);
    expect(await count(`SELECT count(*)::int AS n FROM comuni`)).toBe(7899);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses to remove the Comuni of provinces that have none in the data', async () => {
    const before = await fingerprint();
    const error = await importGeodata(database.db.knex, cutData(['007', '008']), silentProgress).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeodataError);
    expect((error as GeodataError).problems).toHaveLength(105);
    expect((error as GeodataError).problems).toContain('001 Torino');
    expect(await fingerprint()).toBe(before);
  });
});

describe('a re-import', () => {
  // These tests cut the database down to one province: they get their own copy.
  let own: TestDatabase;
  beforeAll(async () => {
    own = await openTestDatabase();
  });
  afterAll(() => own?.dispose());

  it('is idempotent and reports what changed', async () => {
    const data = cutData(['007']);
    const first = await importGeodata(own.db.knex, data, silentProgress, { subset: true });
    const aosta = await count(`SELECT count(*)::int AS n FROM comuni`, own);
    expect(first.boundaries.comuni).toBe(aosta);
    expect(aosta).toBe(74);
    expect(first.boundaries.removedComuni).toHaveLength(7899 - 74);
    expect(first.adjacency.border).toBeGreaterThan(100);
    const state = await fingerprint(own);

    const second = await importGeodata(own.db.knex, data, silentProgress, { subset: true });
    expect(second.boundaries.removedComuni).toEqual([]);
    expect(second.dataVersion).toBeGreaterThan(first.dataVersion);
    expect(await fingerprint(own)).toBe(state);
  }, 240_000);

  it('still finds neighbours across a hairline gap between boundaries', async () => {
    const aosta = '007003';
    const neighbours = async () =>
      (
        await own.db.knex.raw<{ rows: { other: string; border_m: number }[] }>(
          `SELECT CASE WHEN a = ? THEN b ELSE a END AS other, border_m FROM comune_adjacency
           WHERE kind = 'border' AND (a = ? OR b = ?) ORDER BY other`,
          [aosta, aosta, aosta],
        )
      ).rows;
    const before = await neighbours();
    expect(before.length).toBeGreaterThan(3);
    // Shrink Aosta by ~0.4 m: it no longer touches anyone, but stays within the tolerance.
    await own.db.knex.raw(`UPDATE comuni SET geom = ST_Multi(ST_Buffer(geom, -0.000004)) WHERE code = ?`, [aosta]);
    const touching = await own.db.knex.raw<{ rows: unknown[] }>(
      `SELECT 1 FROM comuni a JOIN comuni b ON a.code = ? AND b.code <> a.code AND ST_Intersects(a.geom, b.geom)`,
      [aosta],
    );
    expect(touching.rows).toEqual([]);
    await own.db.knex.transaction((trx) => writeAdjacency(trx, silentProgress));
    const after = await neighbours();
    expect(after.map((r) => r.other)).toEqual(before.map((r) => r.other));
    after.forEach((r, i) => expect(r.border_m).toBeCloseTo(before[i]!.border_m, -2)); // within ~50 m
  });
});
