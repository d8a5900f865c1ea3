import path from 'node:path';
import { PROJECT_ROOT } from './paths';

/** Where the data lives: settings the server and the import commands share. */
export interface DatabaseSettings {
  /** postgres://… to use a PostgreSQL + PostGIS server; unset to use the embedded database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files (`DATA_DIR/pglite`). */
  dataDir: string;
}

export function readDatabaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(PROJECT_ROOT, 'data')),
  };
}

/** The embedded database's directory inside DATA_DIR. */
export const pgliteDir = (dataDir: string): string => path.join(dataDir, 'pglite');
