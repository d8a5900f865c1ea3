import path from 'node:path';
import { PACK_DIR } from './pack/format';
import { readPack } from './pack/read';
import type { Progress } from './progress';
import { readFullSources, type SourceData } from './source-data';

/** Where the import reads from: GEODATA_DIR's full-resolution sources when set, else the data pack. */
export function geodataLocation(env: NodeJS.ProcessEnv = process.env): { kind: 'pack' | 'sources'; dir: string } {
  return env.GEODATA_DIR ? { kind: 'sources', dir: path.resolve(env.GEODATA_DIR) } : { kind: 'pack', dir: PACK_DIR };
}

/** Reads and checks everything the import needs, from wherever geodataLocation points. */
export async function loadGeodata(progress: Progress, env: NodeJS.ProcessEnv = process.env): Promise<SourceData> {
  const { kind, dir } = geodataLocation(env);
  return kind === 'pack' ? readPack(dir, progress) : readFullSources(dir, progress);
}

/** One line for the terminal: what is being imported. */
export function describeLocation(env: NodeJS.ProcessEnv = process.env): string {
  const { kind, dir } = geodataLocation(env);
  return kind === 'pack'
    ? `il pacchetto di dati del repository (${path.relative(process.cwd(), dir) || dir})`
    : `i file completi di GEODATA_DIR (${dir})`;
}
