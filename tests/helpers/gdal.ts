import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

export const OGRINFO = process.env.OGRINFO_PATH ?? '/usr/bin/ogrinfo';
export const hasGdal = fs.existsSync(OGRINFO);
// In CI a missing GDAL is a broken machine, not a reason to skip: fail loudly.
if (!hasGdal && process.env.CI) {
  throw new Error(`ogrinfo non trovato in ${OGRINFO} (CI): installa gdal-bin / ogrinfo not found at ${OGRINFO} in CI: apt-get install gdal-bin`);
}

const run = promisify(execFile);

/** Runs GDAL's ogrinfo (what QGIS reads data with) and returns what it printed. */
export async function ogrinfo(...args: string[]): Promise<string> {
  const { stdout, stderr } = await run(OGRINFO, ['-ro', ...args], { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CPL_DEBUG: 'OFF', GDAL_HTTP_TIMEOUT: '120' } });
  if (/^ERROR/m.test(stderr)) throw new Error(stderr);
  return stdout;
}

export const OGR2OGR = OGRINFO.replace(/ogrinfo$/, 'ogr2ogr');

/**
 * Runs ogr2ogr with GDAL's debug output on: its exit code, what it printed as errors (`ERROR n: …`
 * lines) and the HTTP requests it made (each `HTTP: Fetch(url)`), without throwing.
 */
export async function ogr2ogr(...args: string[]): Promise<{ code: number; errors: string[]; fetched: string[] }> {
  const done = await run(OGR2OGR, args, { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CPL_DEBUG: 'ON', GDAL_HTTP_TIMEOUT: '120' } }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code?: number; stderr?: string }) => ({ code: error.code ?? 1, stderr: error.stderr ?? String(error) }),
  );
  return {
    code: done.code,
    errors: done.stderr.split('\n').filter((line) => /^ERROR/.test(line)),
    fetched: [...done.stderr.matchAll(/^HTTP: Fetch\((.*)\)$/gm)].map((m) => m[1]!),
  };
}

/** The values of one attribute in ogrinfo's listing of features. */
export const attributeValues = (listing: string, name: string): string[] =>
  [...listing.matchAll(new RegExp(`^\\s+${name} \\([A-Za-z]+\\) = (.*)$`, 'gm'))].map((m) => m[1]!);
