import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATASETS } from '../../geodata/datasets';
import { GeodataError } from '../../geodata/errors';
import { PACK_DIR, PACK_FILES, type Manifest } from '../../geodata/pack/format';
import { readPack } from '../../geodata/pack/read';
import { buildPack } from '../../geodata/pack/write';
import { silentProgress } from '../../geodata/progress';
import { readFullSources } from '../../geodata/source-data';

const fullSources = inject('fullSourcesDir');
let work: string;
let manifest: Manifest;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-pack-'));
  manifest = JSON.parse(await fs.readFile(path.join(PACK_DIR, PACK_FILES.manifest), 'utf8')) as Manifest;
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

async function copyPack(name: string): Promise<string> {
  const dir = path.join(work, name);
  await fs.cp(PACK_DIR, dir, { recursive: true });
  return dir;
}

describe('the data pack in the repository', () => {
  it('stays within its 15 MB budget', async () => {
    let bytes = 0;
    for (const name of await fs.readdir(PACK_DIR)) bytes += (await fs.stat(path.join(PACK_DIR, name))).size;
    expect(bytes).toBeLessThanOrEqual(15_000_000);
    expect(bytes).toBeGreaterThan(5_000_000); // the boundaries of all Comuni are in it, not a sample
  });

  it('describes every dataset with its source, version, date, licence, rows and checksum', () => {
    expect(manifest.datasets.map((d) => d.id)).toEqual(DATASETS.map((d) => d.id));
    for (const d of manifest.datasets) {
      expect(d.source, d.id).not.toBe('');
      expect(d.licence, d.id).not.toBe('');
      expect(d.referenceDate, d.id).toMatch(/^\d{4}/);
      expect(d.file.sha256, d.id).toMatch(/^[0-9a-f]{64}$/);
    }
    const rows = Object.fromEntries(manifest.datasets.map((d) => [d.id, d.file.rows]));
    expect(rows).toEqual({
      boundaries: { regions: 20, provinces: 107, comuni: 7899 },
      figures: { comuni: 7898 },
      snai: { areas: 208, memberships: 2975 },
      sll: { areas: 515, memberships: 7894 },
      unioni: { associations: 418, memberships: 2585 },
    });
    expect(manifest.boundaries.maxDisplacementMetres).toBeLessThan(0.1);
  });

  it('reads back into every Comune with its figures and every association', async () => {
    const data = await readPack(PACK_DIR, silentProgress);
    expect(data.origin.kind).toBe('pack');
    expect(data.boundaries.comuni).toHaveLength(7899);
    const lugo = data.boundaries.comuni.find((c) => c.code === '039012');
    expect(lugo).toMatchObject({ name: 'Lugo', provinceCode: '039', regionCode: '08', cadastralCode: 'E730' });
    expect(JSON.parse(lugo!.geometry)).toMatchObject({ type: expect.stringMatching(/Polygon$/) });
    expect(data.figures.byCode.get('039012')).toMatchObject({ population: 31_934, innerAreaClass: 'A' });
    const bassaRomagna = data.unioni.find((u) => u.name === 'Unione dei Comuni della Bassa Romagna');
    expect(bassaRomagna?.kind).toBe('unione');
    expect(bassaRomagna?.members.map((m) => m.code).sort()).toEqual([
      '039001', '039002', '039003', '039008', '039009', '039011', '039012', '039013', '039017',
    ]);
    expect(data.unioni.filter((u) => u.kind === 'comunita_montana')).toHaveLength(6);
  });

  it('refuses a file changed by hand, naming it', async () => {
    const dir = await copyPack('edited');
    const file = path.join(dir, PACK_FILES.figures);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('039012,31934', '039012,31935'));
    const error = await readPack(dir, silentProgress).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeodataError);
    expect((error as GeodataError).problems).toEqual([expect.stringMatching(/^figures\.csv: checksum [0-9a-f]{12}… differs from the manifest$/)]);
  });

  it('names a missing file', async () => {
    const dir = await copyPack('missing');
    await fs.rm(path.join(dir, PACK_FILES.sll));
    await expect(readPack(dir, silentProgress)).rejects.toThrow(/Cannot read the data pack file sll\.csv/);
  });
});

describe.skipIf(fullSources === '')('the pack rebuilt from the full sources (only with GEODATA_DIR: the full sources)', () => {
  it('gives the committed bytes, twice', async () => {
    const data = await readFullSources(fullSources, silentProgress);
    const first = buildPack(data);
    const second = buildPack(data);
    for (const [name, text] of first) {
      expect(second.get(name) === text, name).toBe(true);
      expect((await fs.readFile(path.join(PACK_DIR, name), 'utf8')) === text, `${name} is out of date: run npm run geodata:pack`).toBe(true);
    }
    expect([...first.keys()].sort()).toEqual((await fs.readdir(PACK_DIR)).sort());
  }, 120_000);
});
