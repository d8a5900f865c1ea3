import type { Extension } from '@electric-sql/pglite';

/** Whether the slim bundle keeps a file of pglite-postgis's bundle (by its name in the tar). */
export function keepsEntry(name: string): boolean;
/** Writes the slim copy of the bundle at `source` to `target`; throws if PostGIS would lack a part. */
export function writeSlimBundle(source: string, target: string): Promise<string[]>;
/** The slim copy of the bundle at `sourceUrl` (made in the first of `dirs` that takes it), or the bundle itself. */
export function slimBundleUrl(sourceUrl: URL, dirs?: string[]): Promise<URL>;
/** pglite-postgis's extension, loading the slim bundle. */
export const slimPostgis: Extension;
