import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { isComuneCode } from '../../domain/codes';
import { GeodataError } from '../errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { COMUNI_DIR, FILES } from '../sources';
import { readJson } from './files';

export interface RegionRecord {
  code: string;
  name: string;
  geometry: string;
}

export interface ProvinceRecord extends RegionRecord {
  acronym: string;
  regionCode: string;
}

export interface ComuneBoundary {
  code: string;
  name: string;
  cadastralCode: string | null;
  provinceCode: string;
  regionCode: string;
  geometry: string;
}

export interface Boundaries {
  regions: RegionRecord[];
  provinces: ProvinceRecord[];
  comuni: ComuneBoundary[];
}

type Props = Record<string, unknown>;

/** Reads and checks every boundary file; throws GeodataError listing all problems found. */
export async function readBoundaries(dir: string, onFile: () => void = () => {}): Promise<Boundaries> {
  const problems: string[] = [];

  const regionsFc = await readJson<FeatureCollection<Geometry, Props>>(dir, FILES.regions);
  const regions = collect(regionsFc.features, FILES.regions, problems, (p) => {
    const code = text(p.reg_istat_code);
    return /^\d{2}$/.test(code) ? { code, name: text(p.reg_name) } : null;
  });

  const topology = await readJson<Topology>(dir, FILES.provinces);
  const object = topology.objects?.provinces;
  if (!object) throw new GeodataError(`${FILES.provinces} has no "provinces" object`);
  const provincesFc = feature(topology, object) as FeatureCollection<Geometry, Props>;
  const regionCodes = new Set(regions.map((r) => r.code));
  const provinces = collect(provincesFc.features, FILES.provinces, problems, (p) => {
    const code = text(p.prov_istat_code);
    const regionCode = text(p.reg_istat_code);
    if (!/^\d{3}$/.test(code)) return null;
    if (!regionCodes.has(regionCode)) problems.push(`province ${code}: unknown region "${regionCode}"`);
    return { code, name: text(p.prov_name), acronym: text(p.prov_acr), regionCode };
  });

  const provinceCodes = new Set(provinces.map((p) => p.code));
  const comuni: ComuneBoundary[] = [];
  const comuneCodes = new Set<string>();
  for (const file of await listComuniFiles(dir)) {
    const fc = await readJson<FeatureCollection<Geometry, Props>>(dir, file);
    comuni.push(
      ...collect(fc.features, file, problems, (p) => {
        const code = text(p.com_istat_code);
        const provinceCode = text(p.prov_istat_code);
        if (!isComuneCode(code)) return null;
        if (!provinceCodes.has(provinceCode)) problems.push(`${code}: unknown province "${provinceCode}"`);
        const cadastral = text(p.com_catasto_code);
        return {
          code,
          name: text(p.name),
          cadastralCode: cadastral === '' ? null : cadastral,
          provinceCode,
          regionCode: text(p.reg_istat_code),
        };
      }, comuneCodes),
    );
    onFile();
  }

  if (comuni.length === 0) problems.push('no Comuni found in the boundary files');
  if (problems.length > 0) throw new GeodataError('The boundary files have problems; nothing was imported', problems);
  return { regions, provinces, comuni };
}

/** The per-province Comuni files present in GEODATA_DIR, in province order. */
export async function listComuniFiles(dir: string): Promise<string[]> {
  // A missing folder means no files (said below); any other error (permissions, not a folder) is told as it is.
  const names = await fs.readdir(path.join(dir, COMUNI_DIR)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new GeodataError(`Cannot read ${path.join(dir, COMUNI_DIR)}`, [error.message]);
  });
  const files = names
    .map((name) => ({ name, province: /^limits_P_(\d+)_municipalities\.geojson$/.exec(name)?.[1] }))
    .filter((f): f is { name: string; province: string } => f.province !== undefined)
    .sort((a, b) => Number(a.province) - Number(b.province))
    .map((f) => `${COMUNI_DIR}/${f.name}`);
  if (files.length === 0) {
    throw new GeodataError(`No Comuni boundary files in ${path.join(dir, COMUNI_DIR)}`, [
      'expected files named limits_P_{province}_municipalities.geojson',
    ]);
  }
  return files;
}

/** Turns features into records, reporting bad codes, names, geometry and duplicates. */
function collect<T extends { code: string; name: string }>(
  features: Feature<Geometry | null, Props | null>[],
  file: string,
  problems: string[],
  read: (props: Props) => T | null,
  seen = new Set<string>(),
): (T & { geometry: string })[] {
  const records: (T & { geometry: string })[] = [];
  features.forEach((f, index) => {
    const record = read(f.properties ?? {});
    if (!record) {
      problems.push(`${file}: feature ${index} has a missing or malformed code`);
      return;
    }
    if (record.name === '') problems.push(`${file}: ${record.code} has no name`);
    if (seen.has(record.code)) problems.push(`${file}: code ${record.code} appears more than once`);
    seen.add(record.code);
    if (!isPolygonal(f.geometry)) {
      problems.push(`${file}: ${record.code} has no polygon geometry`);
      return;
    }
    records.push({ ...record, geometry: JSON.stringify(f.geometry) });
  });
  return records;
}

function isPolygonal(geometry: Geometry | null): geometry is Polygon | MultiPolygon {
  return (
    geometry !== null &&
    (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') &&
    geometry.coordinates.length > 0
  );
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}
