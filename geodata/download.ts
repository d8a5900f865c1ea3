import fs from 'node:fs/promises';
import path from 'node:path';
import { SOURCES, type SourceFile } from './sources';

export interface DownloadResult {
  downloaded: string[];
  /** Files upstream publishes only in another format: where to get them and convert them. */
  manual: SourceFile[];
}

/**
 * Fetches the source files into `to`. From a mirror (`from`, laid out like GEODATA_DIR) every
 * file is fetched; from upstream, the files published as is, listing the ones to convert by hand.
 */
export async function downloadGeodata(
  to: string,
  options: { from?: string; fetchFile?: typeof fetch; onFile?: (file: string) => void } = {},
): Promise<DownloadResult> {
  const fetchFile = options.fetchFile ?? fetch;
  const downloaded: string[] = [];
  const manual: SourceFile[] = [];
  for (const source of SOURCES) {
    const url = options.from ? new URL(source.path, options.from.endsWith('/') ? options.from : `${options.from}/`).href : source.url;
    if (!url) {
      manual.push(source);
      continue;
    }
    const response = await fetchFile(url);
    if (!response.ok) throw new Error(`Download failed: ${url} answered ${response.status} ${response.statusText}`);
    const target = path.join(to, ...source.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, Buffer.from(await response.arrayBuffer()));
    downloaded.push(source.path);
    options.onFile?.(source.path);
  }
  return { downloaded, manual };
}
