import { createHash } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/paths';
import type { DatasetId } from '../datasets';

/** The compact data pack committed in the repository: what `npm start` imports without GEODATA_DIR. */
export const PACK_DIR = path.join(PROJECT_ROOT, 'geodata', 'data');

export const PACK_FILES = {
  boundaries: 'boundaries.topo.json',
  figures: 'figures.csv',
  snai: 'snai.csv',
  sll: 'sll.csv',
  unioni: 'unioni.csv',
  manifest: 'manifest.json',
  licence: 'LICENCE-DATA.md',
} as const;

/** Which pack file holds which dataset. */
export const DATASET_FILES: Record<DatasetId, string> = {
  boundaries: PACK_FILES.boundaries,
  figures: PACK_FILES.figures,
  snai: PACK_FILES.snai,
  sll: PACK_FILES.sll,
  unioni: PACK_FILES.unioni,
};

/**
 * Grid of the TopoJSON quantization: 10⁷ steps across Italy's extent, about 0.1 m east–west and
 * 0.13 m north–south, so no vertex moves by more than ~0.08 m and shared borders stay identical.
 */
export const QUANTIZATION = 1e7;

export const FIGURE_COLUMNS = [
  'code', 'population', 'population_year', 'area_km2', 'density_per_km2', 'inner_area_class',
  'travel_minutes_to_hub', 'hub_code', 'hub_name',
] as const;

export const ASSOCIATION_COLUMNS = [
  'kind', 'key', 'name', 'period', 'valid_from', 'valid_to', 'status', 'istat_code', 'role',
] as const;

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Data rows (CSV) or features (TopoJSON objects). */
  rows: Record<string, number>;
}

export interface ManifestDataset {
  id: DatasetId;
  title: string;
  source: string;
  upstreamVersion: string;
  referenceDate: string;
  licence: string;
  attribution: string;
  file: ManifestFile;
}

export interface Manifest {
  format: 'ali-atlas-data-pack';
  version: 1;
  /** How the boundaries were made compact. */
  boundaries: { quantization: number; maxDisplacementMetres: number };
  datasets: ManifestDataset[];
  /** Population rows without a 2023 ISTAT code (Comuni merged since 2020), as "code name". */
  figuresWithoutCurrentCode: string[];
}

/** The checksum the manifest keeps of each file. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
