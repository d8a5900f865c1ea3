import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { csvChunks, tableCsv } from '../../server/exports/csv';
import { declaredColumnsText, declaredRecord, declaredStream, type TableDeclaration } from '../../server/exports/table';
import { writeXlsx } from '../../server/exports/xlsx';
import { findCollection } from '../../server/ogc/collections';
import { openDataCatalog } from '../../server/open-data/catalog';
import { FEES, MEMBERS, membersTable, SERVICES, servicesTable, feesTable, type MemberRow } from '../../server/open-data/tables';
import type { PublishedAlliance } from '../../server/queries/published-alliances';
import { ALLIANCE_MEMBERS, allianceTable } from '../../server/services/alliance-export';
import { feeColumns, feeTable, type FeeReport } from '../../server/services/alliance-fees';
import { COVERAGE, coverageTable } from '../../server/services/coverage-export';
import type { CoverageReport } from '../../domain/api-types';
import type { StoredAlliance } from '../../server/queries/alliances';
import { readCsv, readXlsx } from '../helpers/downloads';
import type { TerritoryTables } from '../../server/data/territory-store';

const act = { decision: 'adhere' as const, organ: 'consiglio' as const, number: '12', date: '2026-01-10', url: 'https://albo.example/12', note: null, at: '2026-01-11T00:00:00Z', convenzioneVersion: 2 };
const alliance = {
  id: 7,
  name: 'ALI del Canavese',
  version: 3,
  runningCostCents: 0,
  legalForm: 'convenzione' as const,
  phase: 'ricognizione',
  members: [
    { code: '001001', name: 'Agliè', population: 2545, status: 'adhered' as const, lead: true, act },
    { code: '001015', name: 'Bairo', population: 800, status: 'proposed' as const, lead: false, act: null },
  ],
  services: [{ code: 'pagopa', provider: { kind: 'lead' as const, ref: null }, since: '2026-01-01', annualCostCents: 10_000, chargedCents: null, equalShare: 0.5, recipients: null, grants: [] }],
} as unknown as PublishedAlliance;
const pages = async function* () {
  yield [alliance];
};
const headers = <Row>(declaration: TableDeclaration<Row>) => declaration.map((c) => c.header);

async function xlsxHeaders(table: Parameters<typeof writeXlsx>[0][number]): Promise<string[]> {
  const out = new PassThrough();
  const [bytes] = await Promise.all([buffer(out), writeXlsx([table], out)]);
  const sheet = (await readXlsx(new Uint8Array(bytes))).worksheets[0]!;
  return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

async function csvText(table: Parameters<typeof csvChunks>[0]): Promise<string> {
  let text = '';
  for await (const chunk of csvChunks(table)) text += chunk;
  return text;
}

describe('one declaration per export, read by CSV, Excel, OGC and DCAT', () => {
  it('a column added to a declaration appears in the CSV header and cells, the Excel header, the OGC properties and the catalogue', async () => {
    const extended: TableDeclaration<MemberRow> = [...MEMBERS, { header: 'test_extra', kind: 'text', about: 'colonna di prova', cell: (r) => `x-${r.member.code}` }];
    const table = declaredStream('membri', extended, async function* () {
      yield alliance.members.map((member) => ({ alliance, member }));
    });
    const csv = readCsv(await csvText(table));
    expect(Object.keys(csv[0]!)).toEqual(headers(extended));
    expect(csv.map((r) => r.test_extra)).toEqual(['x-001001', 'x-001015']);
    expect(await xlsxHeaders(table)).toEqual(headers(extended));
    expect(Object.keys(declaredRecord(extended, { alliance, member: alliance.members[0]! }))).toEqual(headers(extended));
    expect(declaredColumnsText(extended)).toContain('test_extra (colonna di prova)');
  });

  it('the members file, its workbook, its OGC collection and its catalogue entry all say the MEMBERS columns', async () => {
    const csv = await csvText(membersTable(pages));
    expect(csv.split('\r\n')[0]).toBe(headers(MEMBERS).map((h) => `"${h}"`).join(','));
    expect(await xlsxHeaders(membersTable(pages))).toEqual(headers(MEMBERS));
    const ogc = findCollection('alliance-members')!;
    // The collection's SQL gives the MemberRow as json; its properties are the declaration's record of it.
    const row = JSON.parse(JSON.stringify({ alliance: { id: 7, name: alliance.name, legalForm: 'convenzione', phase: 'ricognizione' }, member: alliance.members[0] }));
    const properties = ogc.properties!(row);
    expect(Object.keys(properties)).toEqual(headers(MEMBERS));
    // The same cells as the CSV's first row (which writes numbers and empty cells as text).
    const first = readCsv(csv)[0]!;
    expect(Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v === null ? '' : String(v)]))).toEqual(first);
    expect(first).toMatchObject({ istat_code: '001001', comune: 'Agliè', status: 'aderente', lead: 'capofila', act_organ: 'consiglio', act_convenzione_version: '2', legal_form: 'convenzione', phase: 'ricognizione' });

    const catalog = JSON.stringify(openDataCatalog({ base: 'https://ali.example', publisher: { name: 'ALI', id: 'ali' }, alliancesModified: null, referenceModified: null, referenceYears: { from: '2020', to: '2023' } }));
    for (const text of [declaredColumnsText(MEMBERS), declaredColumnsText(SERVICES), declaredColumnsText(FEES)]) expect(catalog).toContain(JSON.stringify(text).slice(1, -1));
    expect(catalog).toContain('/ogc/collections/alliance-members/items?f=json');
  });

  it('the services and fees files say their declarations', async () => {
    const catalogue = new Map([['pagopa', { name: { it: 'pagoPA', en: 'pagoPA' }, retired: false }]]) as never;
    const services = readCsv(await csvText(servicesTable(pages, catalogue)));
    expect(Object.keys(services[0]!)).toEqual(headers(SERVICES));
    expect(services[0]).toMatchObject({ service: 'pagoPA', provider: 'lead', annual_cost_eur: '100.00', charged_to_members_eur: '100.00', equal_share_percent: '50.0', grants_eur: '0.00' });
    const tables = { facts: new Map(alliance.members.map((m) => [m.code, { code: m.code, name: m.name, population: m.population }])) } as unknown as TerritoryTables;
    const fees = readCsv(await csvText(feesTable(pages, tables, catalogue)));
    expect(Object.keys(fees[0]!)).toEqual(headers(FEES));
    expect(fees.map((r) => r.istat_code).sort()).toEqual(['001001', '001015']);
  });

  it("an alliance's own members and fee tables are their declarations", () => {
    const stored = { ...alliance, summary: {}, governance: {} } as unknown as StoredAlliance;
    expect(tableCsv(allianceTable(stored)).split('\r\n')[0]).toBe(headers(ALLIANCE_MEMBERS).map((h) => `"${h}"`).join(','));
    const report = { allianceId: 7, version: 3, services: [{ code: 'pagopa' }], members: [{ code: '001001', name: 'Agliè', population: 2545, feesCents: { pagopa: 1234 }, totalCents: 1234 }] } as unknown as FeeReport;
    const table = feeTable(report);
    expect(table.columns.map((c) => c.header)).toEqual(headers(feeColumns(report)));
    expect(table.columns.map((c) => c.header)).toEqual(['istat_code', 'comune', 'population', 'pagopa_eur', 'total_eur']);
    expect(table.rows).toEqual([['001001', 'Agliè', 2545, 1234, 1234]]);
  });

  it('the coverage files are their declaration', () => {
    const area = { code: '01', name: 'Piemonte', comuni: 10, covered: 4, obligedUncovered: 3, smallUncovered: 5, population: 1000, populationCovered: 250 };
    const report = { regions: [{ ...area, sources: 1 }], provinces: [] } as unknown as CoverageReport;
    const table = coverageTable(report, 'suap', 'region');
    expect(table.name).toBe('copertura-suap-regioni');
    expect(table.columns.map((c) => c.header)).toEqual(headers(COVERAGE));
    expect(table.rows).toEqual([['01', 'Piemonte', 10, 4, 3, 5, 1000, 250, 25]]);
    expect(coverageTable({ ...report, provinces: [{ ...area, population: 0 }] }, 'suap', 'province').rows).toEqual([['01', 'Piemonte', 10, 4, 3, 5, 0, 250, null]]);
  });
});
