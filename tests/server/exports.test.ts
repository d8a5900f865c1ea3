import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, tableCsv } from '../../server/exports/csv';
import { tableFileName, type Table } from '../../server/exports/table';
import { tablesXlsx } from '../../server/exports/xlsx';
import { readCsv, readXlsx } from '../helpers/downloads';

const table: Table = {
  name: 'alleanza-7-quote',
  columns: [
    { header: 'istat_code', kind: 'code' },
    { header: 'comune', kind: 'text' },
    { header: 'population', kind: 'integer' },
    { header: 'fee_eur', kind: 'cents' },
    { header: 'share_percent', kind: 'percent' },
  ],
  rows: [
    ['001001', 'Agliè', 2545, 37507, 12.345],
    ['039012', 'Valli, "Alte"\nseconda riga', null, 5, null],
    ['097055', '=HYPERLINK("http://x","clic")', 29, 0, 100],
  ],
};

describe('CSV (RFC 4180, one convention for every download)', () => {
  it('writes a header, CRLF line ends, `,` separators, `.` decimals, quoted codes and no byte-order mark', () => {
    expect(tableCsv(table)).toBe(
      '"istat_code","comune","population","fee_eur","share_percent"\r\n' +
        '"001001",Agliè,2545,375.07,12.3\r\n' +
        '"039012","Valli, ""Alte""\nseconda riga",,0.05,\r\n' +
        `"097055","'=HYPERLINK(""http://x"",""clic"")",29,0.00,100.0\r\n`,
    );
  });

  it('reads back with a strict parser into the same cells, codes with their leading zeros', () => {
    const rows = readCsv(tableCsv(table));
    expect(rows.map((r) => r.istat_code)).toEqual(['001001', '039012', '097055']);
    expect(rows[1]).toEqual({ istat_code: '039012', comune: 'Valli, "Alte"\nseconda riga', population: '', fee_eur: '0.05', share_percent: '' });
    expect(rows[0]!.fee_eur).toBe('375.07');
  });

  it('neutralises every text a spreadsheet would run as a formula, in any column kind that can hold text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`, { header: 'x', kind: 'text' }).replace(/^"/, '')).toMatch(/^'/);
      expect(csvCell(`${start}1`, { header: 'x', kind: 'code' })).toMatch(/^"'/);
    }
    expect(csvCell('a=b', { header: 'x', kind: 'text' })).toBe('a=b');
    expect(csvCell(-3, { header: 'x', kind: 'integer' })).toBe('-3'); // numbers are numbers
    expect(csvCell(' padded ', { header: 'x', kind: 'text' })).toBe('" padded "');
    // Their full-width forms too (Apple Numbers reads them as the ASCII ones).
    for (const start of ['\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) expect(csvCell(`${start}1`, { header: 'x', kind: 'text' })).toBe(`'${start}1`);
    // A line break alone, CR or LF, is quoted as CRLF is.
    expect(csvCell('a\rb', { header: 'x', kind: 'text' })).toBe('"a\rb"');
    expect(csvCell('a\nb', { header: 'x', kind: 'text' })).toBe('"a\nb"');
    expect(csvCell('\tx', { header: 'x', kind: 'text' })).toBe("'\tx");
  });

  it('names files safely', () => {
    expect(tableFileName(table, 'csv')).toBe('alleanza-7-quote.csv');
    expect(tableFileName({ ...table, name: 'copertura "x"/../é' }, 'xlsx')).toBe('copertura-x-e.xlsx');
  });
});

describe('Excel workbook', () => {
  it('keeps codes as text cells, euros as numbers, and never writes a formula', async () => {
    const workbook = await readXlsx(await tablesXlsx([table, { ...table, name: 'seconda' }]));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['alleanza-7-quote', 'seconda']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'istat_code', 'comune', 'population', 'fee_eur', 'share_percent']);
    expect(sheet.getCell('A2').value).toBe('001001');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('D2').value).toBe(375.07);
    expect(sheet.getCell('D2').numFmt).toBe('#,##0.00 "€"');
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('B4').value).toBe('=HYPERLINK("http://x","clic")');
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.rowCount).toBe(4);
  });
});
