import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { GeodataError } from '../errors';
import type { Progress } from '../progress';
import type { AssociationSource } from '../read/areas';
import type { ComuneAttributes } from '../read/attributes';
import type { Boundaries } from '../read/boundaries';
import { readText } from '../read/files';
import { isUnioneKind, type UnioneKind, type UnioneSource } from '../read/unioni';
import type { SourceData } from '../source-data';
import { DATASET_FILES, PACK_FILES, sha256, type Manifest } from './format';

const PACK_FILE = 'the data pack file ';

type Row = Record<string, string>;
type Props = Record<string, string | null>;

/** Reads a data pack, checking every file against the checksums of its manifest first. */
export async function readPack(dir: string, progress: Progress): Promise<SourceData> {
  progress.stage('Lettura del pacchetto di dati', 6);
  const manifestText = await readText(dir, PACK_FILES.manifest, PACK_FILE);
  const manifest = JSON.parse(manifestText) as Manifest;
  if (manifest.format !== 'ali-atlas-data-pack' || manifest.version !== 1) {
    throw new GeodataError(`${path.join(dir, PACK_FILES.manifest)} is not a version 1 ALI Atlas data pack`);
  }
  const texts = new Map<string, string>();
  const problems: string[] = [];
  for (const dataset of manifest.datasets) {
    const text = await readText(dir, dataset.file.path, PACK_FILE);
    const sha = sha256(text);
    if (sha !== dataset.file.sha256) problems.push(`${dataset.file.path}: checksum ${sha.slice(0, 12)}… differs from the manifest`);
    texts.set(dataset.id, text);
  }
  if (problems.length > 0) {
    throw new GeodataError('The data pack does not match its manifest; rebuild it with `npm run geodata:pack`', problems);
  }
  const get = (id: keyof typeof DATASET_FILES) => {
    const text = texts.get(id);
    if (text === undefined) throw new GeodataError(`The data pack's manifest lists no "${id}" dataset`);
    return text;
  };

  const boundaries = readTopology(get('boundaries'));
  progress.tick(2);
  const figures = new Map<string, ComuneAttributes>();
  for (const r of rows(get('figures'))) {
    figures.set(r.code ?? '', {
      population: Number(r.population),
      populationYear: Number(r.population_year),
      areaKm2: number(r.area_km2),
      densityPerKm2: number(r.density_per_km2),
      innerAreaClass: r.inner_area_class || null,
      travelMinutesToHub: number(r.travel_minutes_to_hub),
      hubCode: r.hub_code || null,
      hubName: r.hub_name || null,
    });
  }
  progress.tick();
  const snai = associations(rows(get('snai')));
  const sll = associations(rows(get('sll')));
  progress.tick(2);
  const unioni = associations(rows(get('unioni'))).map((a): UnioneSource => ({ ...a, kind: unioneKind(a.kind) }));
  progress.tick();
  return {
    origin: { kind: 'pack', manifestSha256: sha256(manifestText) },
    boundaries,
    figures: { byCode: figures, withoutCurrentCode: manifest.figuresWithoutCurrentCode },
    snai,
    sll,
    unioni,
  };
}

function readTopology(text: string): Boundaries {
  const topo = JSON.parse(text) as Topology<{ regions: GeometryCollection<Props>; provinces: GeometryCollection<Props>; comuni: GeometryCollection<Props> }>;
  const features = (name: 'regions' | 'provinces' | 'comuni') => {
    const object = topo.objects[name];
    if (!object) throw new GeodataError(`The data pack's boundaries have no "${name}" object`);
    return (feature(topo, object) as FeatureCollection<Geometry, Props>).features.map((f) => ({
      code: String(f.id),
      props: f.properties,
      geometry: JSON.stringify(f.geometry),
    }));
  };
  const str = (value: string | null | undefined) => value ?? '';
  return {
    regions: features('regions').map((f) => ({ code: f.code, name: str(f.props.name), geometry: f.geometry })),
    provinces: features('provinces').map((f) => ({
      code: f.code, name: str(f.props.name), acronym: str(f.props.acronym), regionCode: str(f.props.region), geometry: f.geometry,
    })),
    comuni: features('comuni').map((f) => ({
      code: f.code,
      name: str(f.props.name),
      cadastralCode: f.props.cadastral ?? null,
      provinceCode: str(f.props.province),
      regionCode: str(f.props.region),
      geometry: f.geometry,
    })),
  };
}

/** One association per key, members in file order. */
function associations(list: Row[]): (AssociationSource & { kind: string })[] {
  const byKey = new Map<string, AssociationSource & { kind: string }>();
  for (const r of list) {
    const key = r.key ?? '';
    let area = byKey.get(key);
    if (!area) {
      area = {
        kind: r.kind ?? '', sourceKey: key, name: r.name ?? key, period: r.period || null,
        validFrom: r.valid_from || null, validTo: r.valid_to || null, status: r.status || null, members: [],
      };
      byKey.set(key, area);
    }
    area.members.push({ code: r.istat_code ?? '', role: r.role || null });
  }
  return [...byKey.values()];
}

function unioneKind(kind: string): UnioneKind {
  if (isUnioneKind(kind)) return kind;
  throw new GeodataError(`The data pack's list of Unioni has an unknown kind "${kind}"`);
}

function rows(text: string): Row[] {
  return parse(text, { columns: true, skip_empty_lines: true }) as Row[];
}

function number(value: string | undefined): number | null {
  return value === undefined || value === '' ? null : Number(value);
}
