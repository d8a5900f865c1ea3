import { readAreas, type AssociationSource } from './read/areas';
import { readAttributes, type AttributeTable } from './read/attributes';
import { listComuniFiles, readBoundaries, type Boundaries } from './read/boundaries';
import { readUnioni, type UnioneSource } from './read/unioni';
import type { Progress } from './progress';

/** Where the data being imported came from. */
export interface DataOrigin {
  /** The compact data pack committed in the repository, or the full-resolution source files. */
  kind: 'pack' | 'sources';
  /** For a pack: the SHA-256 of its manifest (what exactly was imported). */
  manifestSha256?: string;
}

/** Everything the import writes, read and checked, whichever files it came from. */
export interface SourceData {
  origin: DataOrigin;
  boundaries: Boundaries;
  figures: AttributeTable;
  snai: AssociationSource[];
  sll: AssociationSource[];
  unioni: UnioneSource[];
}

/** Reads the full-resolution source files of a GEODATA_DIR (see docs/data.md). */
export async function readFullSources(dir: string, progress: Progress): Promise<SourceData> {
  // A missing province file leaves its province without Comuni: the import refuses that (importGeodata).
  const files = await listComuniFiles(dir);
  progress.stage('Lettura dei file', files.length + 3);
  const boundaries = await readBoundaries(dir, () => progress.tick());
  const figures = await readAttributes(dir);
  progress.tick();
  const { snai, sll } = await readAreas(dir);
  progress.tick();
  const unioni = await readUnioni(dir);
  progress.tick();
  return { origin: { kind: 'sources' }, boundaries, figures, snai, sll, unioni };
}
