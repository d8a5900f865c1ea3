import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildFile, FileTooLarge } from '../../server/exports/built-file';
import type { StreamedTable } from '../../server/exports/table';
import { writeXlsx } from '../../server/exports/xlsx';
import { readXlsx } from '../helpers/downloads';

/** A table of `batches` batches of 100 rows of random text (it does not compress), counting the batches read. */
function randomTable(batches: number): StreamedTable & { read: () => number } {
  let read = 0;
  return {
    name: 'prova',
    columns: [
      { header: 'n', kind: 'integer' },
      { header: 'text', kind: 'text' },
    ],
    read: () => read,
    batches: async function* () {
      for (let b = 0; b < batches; b++) {
        read++;
        await new Promise((resolve) => setTimeout(resolve, 0));
        yield Array.from({ length: 100 }, (_, i) => [b * 100 + i, Math.random().toString(36).repeat(4)]);
      }
    },
  };
}

describe('a built file', () => {
  it('keeps what was written, gzipped, with an ETag from its bytes', async () => {
    const write = (out: Writable) => pipeline(Readable.from(['uno,', 'due\r\n']), out);
    const file = await buildFile(write, { gzip: true, maxBytes: 1024 });
    expect(file.gzipped).toBe(true);
    expect(gunzipSync(file.body).toString()).toBe('uno,due\r\n');
    expect(file.etag).toMatch(/^"[\w-]{22}"$/);
    expect((await buildFile(write, { gzip: true, maxBytes: 1024 })).etag).toBe(file.etag);
    const plain = await buildFile(write, { gzip: false, maxBytes: 1024 });
    expect(plain).toMatchObject({ gzipped: false, body: Buffer.from('uno,due\r\n') });
  });

  it('fails with FileTooLarge past its bytes, and the writer stops reading', async () => {
    const table = randomTable(1_000);
    const write = (out: Writable) => pipeline(Readable.from((async function* () {
      for await (const rows of table.batches()) yield rows.map((r) => r.join(',')).join('\n');
    })()), out);
    await expect(buildFile(write, { gzip: true, maxBytes: 20_000 })).rejects.toBeInstanceOf(FileTooLarge);
    const atFailure = table.read();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(table.read()).toBeLessThanOrEqual(atFailure + 1);
    expect(atFailure).toBeLessThan(100);
  });

  it('stops a workbook past its bytes too (no writer left waiting, no rows read to the end)', async () => {
    const table = randomTable(1_000);
    await expect(buildFile((out) => writeXlsx([table], out), { gzip: false, maxBytes: 50_000 })).rejects.toBeInstanceOf(FileTooLarge);
    const atFailure = table.read();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(table.read()).toBeLessThanOrEqual(atFailure + 1);
    expect(atFailure).toBeLessThan(100);
  });

  it('streams a workbook of several sheets that opens with every row', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsx([randomTable(30), { ...randomTable(2), name: 'seconda' }], out);
    const workbook = await readXlsx(Buffer.concat(chunks));
    expect(workbook.worksheets.map((w) => [w.name, w.rowCount])).toEqual([['prova', 3_001], ['seconda', 201]]);
    expect(workbook.worksheets[0]!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.worksheets[0]!.getCell('B3001').value).toMatch(/^[0-9a-z.]+$/);
  });
});
