import fs from 'node:fs/promises';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { topology } from 'topojson-server';
import { DATASETS, type DatasetId } from '../datasets';
import type { AssociationSource } from '../read/areas';
import type { SourceData } from '../source-data';
import { csvText } from './csv';
import {
  ASSOCIATION_COLUMNS, DATASET_FILES, FIGURE_COLUMNS, PACK_FILES, QUANTIZATION, sha256,
  type Manifest, type ManifestFile,
} from './format';
import { licenceText } from './licence';

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function collection<T extends { code: string; geometry: string }>(
  records: readonly T[],
  properties: (r: T) => Record<string, string | null>,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [...records].sort(byCode).map(
      (r): Feature => ({ type: 'Feature', id: r.code, properties: properties(r), geometry: JSON.parse(r.geometry) as Geometry }),
    ),
  };
}

/** Regions, provinces and Comuni in one quantized topology: borders shared by neighbours are stored once. */
function boundariesTopology(data: SourceData): { text: string; bbox: number[] } {
  const { regions, provinces, comuni } = data.boundaries;
  const topo = topology(
    {
      regions: collection(regions, (r) => ({ name: r.name })),
      provinces: collection(provinces, (p) => ({ name: p.name, acronym: p.acronym, region: p.regionCode })),
      comuni: collection(comuni, (c) => ({
        name: c.name, cadastral: c.cadastralCode, province: c.provinceCode, region: c.regionCode,
      })),
    },
    QUANTIZATION,
  );
  return { text: JSON.stringify(topo), bbox: topo.bbox ?? [] };
}

function figuresCsv(data: SourceData): string {
  const rows = [...data.figures.byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, f]) => [
      code, f.population, f.populationYear, f.areaKm2, f.densityPerKm2, f.innerAreaClass,
      f.travelMinutesToHub, f.hubCode, f.hubName,
    ]);
  return csvText(FIGURE_COLUMNS, rows);
}

function associationsCsv<T extends AssociationSource>(areas: readonly T[], kind: (a: T) => string): string {
  const rows = [...areas]
    .sort((a, b) => (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0))
    .flatMap((a) =>
      a.members.map((m) => [kind(a), a.sourceKey, a.name, a.period, a.validFrom, a.validTo, a.status, m.code, m.role]),
    );
  return csvText(ASSOCIATION_COLUMNS, rows);
}

/** Half the diagonal of one quantization step, in metres, at the southern edge (widest degrees). */
function maxDisplacementMetres(bbox: readonly number[]): number {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = bbox;
  const metresPerDegree = 111_320;
  const dx = ((x1 - x0) / (QUANTIZATION - 1)) * metresPerDegree * Math.cos((y0 * Math.PI) / 180);
  const dy = ((y1 - y0) / (QUANTIZATION - 1)) * metresPerDegree;
  return Math.round(Math.hypot(dx / 2, dy / 2) * 1000) / 1000;
}

const lines = (text: string) => text.split('\n').length - 2;

/** Every file of the pack, as text: the same data always gives the same bytes. */
export function buildPack(data: SourceData): Map<string, string> {
  if (data.origin.kind !== 'sources') throw new Error('A data pack is built from the full-resolution sources');
  const boundaries = boundariesTopology(data);
  const contents: Record<DatasetId, { text: string; rows: Record<string, number> }> = {
    boundaries: {
      text: boundaries.text,
      rows: {
        regions: data.boundaries.regions.length,
        provinces: data.boundaries.provinces.length,
        comuni: data.boundaries.comuni.length,
      },
    },
    figures: { text: figuresCsv(data), rows: {} },
    snai: { text: associationsCsv(data.snai, () => 'snai'), rows: {} },
    sll: { text: associationsCsv(data.sll, () => 'sll'), rows: {} },
    unioni: { text: associationsCsv(data.unioni, (a) => a.kind), rows: {} },
  };
  contents.figures.rows = { comuni: lines(contents.figures.text) };
  contents.snai.rows = { areas: data.snai.length, memberships: lines(contents.snai.text) };
  contents.sll.rows = { areas: data.sll.length, memberships: lines(contents.sll.text) };
  contents.unioni.rows = { associations: data.unioni.length, memberships: lines(contents.unioni.text) };

  const files = new Map<string, string>();
  const manifest: Manifest = {
    format: 'ali-atlas-data-pack',
    version: 1,
    boundaries: { quantization: QUANTIZATION, maxDisplacementMetres: maxDisplacementMetres(boundaries.bbox) },
    datasets: DATASETS.map((d) => {
      const { text, rows } = contents[d.id];
      const file: ManifestFile = { path: DATASET_FILES[d.id], bytes: Buffer.byteLength(text), sha256: sha256(text), rows };
      files.set(file.path, text);
      return {
        id: d.id, title: d.title.it, source: d.source, upstreamVersion: d.upstreamVersion,
        referenceDate: d.referenceDate, licence: d.licence, attribution: d.attribution, file,
      };
    }),
    figuresWithoutCurrentCode: [...data.figures.withoutCurrentCode].sort(),
  };
  files.set(PACK_FILES.manifest, JSON.stringify(manifest, null, 2) + '\n');
  files.set(PACK_FILES.licence, licenceText(manifest));
  return files;
}

/** Writes the pack into `dir`, replacing the files it had (each written aside, then renamed). */
export async function writePack(dir: string, data: SourceData): Promise<Map<string, string>> {
  const files = buildPack(data);
  await fs.mkdir(dir, { recursive: true });
  for (const [name, text] of files) {
    const target = path.join(dir, name);
    await fs.writeFile(`${target}.tmp`, text);
    await fs.rename(`${target}.tmp`, target);
  }
  return files;
}
