import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerConfig {
  port: number;
  host: string;
  /** postgres://… to use a PostgreSQL + PostGIS server; unset to use the embedded database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Optional raster or vector basemap (style or tile URL) drawn under our own layers. */
  basemapUrl: string | undefined;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(PROJECT_ROOT, 'data')),
    basemapUrl: env.BASEMAP_URL || undefined,
  };
}
