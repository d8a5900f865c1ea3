import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { downloadGeodata } from '../../geodata/download';
import { readAttributes } from '../../geodata/read/attributes';
import { readBoundaries } from '../../geodata/read/boundaries';
import { SOURCES } from '../../geodata/sources';

/** The full sources, to serve as a mirror: only when GEODATA_DIR is set. */
const geodata = inject('fullSourcesDir');
let server: http.Server;
let mirror: string;
let target: string;

beforeAll(async () => {
  target = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-download-'));
  // A local HTTP server serving the shared files, standing in for upstream.
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(geodata, rel);
    if (!file.startsWith(geodata) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(target, { recursive: true, force: true });
});

describe('geodata:download', () => {
  it.skipIf(geodata === '')('fetches every source file from a mirror into a folder the import accepts (only with GEODATA_DIR: the full sources to serve)', async () => {
    const result = await downloadGeodata(target, { from: mirror });
    expect(result.downloaded).toHaveLength(SOURCES.length);
    expect(result.manual).toEqual([]);
    for (const source of SOURCES) {
      expect(fs.statSync(path.join(target, source.path)).size, source.path).toBe(fs.statSync(path.join(geodata, source.path)).size);
    }
    const boundaries = await readBoundaries(target);
    expect(boundaries.comuni).toHaveLength(7899);
    expect((await readAttributes(target)).byCode.size).toBeGreaterThan(7890);
  });

  it('asks upstream for the published files and lists the ones to convert by hand', async () => {
    const urls: string[] = [];
    const fakeFetch = (async (url: string | URL | Request) => {
      urls.push(String(url));
      return new Response('{}');
    }) as typeof fetch;
    const result = await downloadGeodata(path.join(target, 'upstream'), { fetchFile: fakeFetch });
    expect(urls).toContain('https://raw.githubusercontent.com/openpolis/geojson-italy/5dd489e/geojson/limits_P_1_municipalities.geojson');
    expect(urls).toHaveLength(109); // 107 provinces + regions + provinces topology
    expect(result.manual.map((s) => s.path)).toEqual([
      'tables/comuni_population.csv',
      'tables/comuni_aree_interne_2020.csv',
      'areas/snai_aree_comuni.csv',
      'areas/sll_2021_comuni.csv',
      'associations/unioni_comuni_2023.csv',
    ]);
  });

  it('stops with a clear message when a file is missing on the server', async () => {
    const empty = http.createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => empty.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(empty.address() as AddressInfo).port}`;
    await expect(downloadGeodata(path.join(target, 'missing'), { from: url })).rejects.toThrow(/answered 404/);
    await new Promise((resolve) => empty.close(resolve));
  });
});
