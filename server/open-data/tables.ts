import { MEMBER_STATUS_LABELS, type AdhesionAct } from '../../domain/adhesion';
import { grantsTotal, type AllianceServiceInput, type MemberStatus } from '../../domain/alliance';
import type { LegalForm } from '../../domain/governance';
import type { TerritoryTables } from '../data/territory-store';
import { declaredStream, type DeclaredColumn, type StreamedTable, type TableDeclaration } from '../exports/table';
import type { PublishedAlliance } from '../queries/published-alliances';
import type { CatalogueIndex } from '../queries/services';
import { feeReport } from '../services/alliance-fees';

/**
 * The tables of the published alliances, each declared once (see exports/table: DeclaredColumn):
 * the open-data files, their OGC collection and their catalogue description are all read from these.
 */

/** The published alliances a page at a time (see publishedAlliancePages), read afresh by each table written. */
export type PublishedPages = () => AsyncIterable<PublishedAlliance[]>;

/** One member of one alliance: the row of every members table. */
export interface MemberRow {
  alliance: { id: number; name: string; legalForm?: LegalForm | null; phase?: string | null };
  member: { code: string; name: string | null; population: number | null; status: MemberStatus; lead: boolean; act: AdhesionAct | null };
}

/** A member's columns, each declared once for every members table. */
export const MEMBER_COLUMN: Record<'allianceId' | 'allianceName' | 'code' | 'population' | 'status' | 'lead', DeclaredColumn<MemberRow>> = {
  allianceId: { header: 'alliance_id', kind: 'integer', about: "identificativo dell'alleanza", cell: (r) => r.alliance.id },
  allianceName: { header: 'alliance_name', kind: 'text', width: 40, about: "nome dell'alleanza", cell: (r) => r.alliance.name },
  code: { header: 'istat_code', kind: 'code', about: 'codice ISTAT del Comune', cell: (r) => r.member.code },
  population: { header: 'population', kind: 'integer', about: 'residenti (censimento 2020)', cell: (r) => r.member.population },
  status: { header: 'status', kind: 'text', about: 'stato: proposto, aderente, ha declinato, receduto', cell: (r) => MEMBER_STATUS_LABELS[r.member.status].it },
  lead: { header: 'lead', kind: 'text', about: '«capofila» per il Comune capofila', cell: (r) => (r.member.lead ? 'capofila' : '') },
};

/** The columns that record a member's decision: the act by which it adhered, declined or withdrew. */
export const ACT_COLUMNS: TableDeclaration<MemberRow> = [
  { header: 'act_organ', kind: 'text', about: "organo che ha adottato l'atto (consiglio, giunta, sindaco)", cell: (r) => r.member.act?.organ ?? null },
  { header: 'act_number', kind: 'text', about: "numero dell'atto", cell: (r) => r.member.act?.number ?? null },
  { header: 'act_date', kind: 'text', about: "data dell'atto (AAAA-MM-GG)", cell: (r) => r.member.act?.date ?? null },
  { header: 'act_url', kind: 'text', about: "indirizzo dell'atto pubblicato", cell: (r) => r.member.act?.url ?? null },
  { header: 'act_convenzione_version', kind: 'integer', about: 'versione del testo della convenzione approvata', cell: (r) => r.member.act?.convenzioneVersion ?? null },
];

/** One row per member of every published alliance (members.csv, members.xlsx, OGC `alliance-members`). */
export const MEMBERS: TableDeclaration<MemberRow> = [
  MEMBER_COLUMN.allianceId,
  MEMBER_COLUMN.allianceName,
  MEMBER_COLUMN.code,
  { header: 'comune', kind: 'text', width: 28, about: 'nome del Comune', cell: (r) => r.member.name },
  MEMBER_COLUMN.population,
  MEMBER_COLUMN.status,
  MEMBER_COLUMN.lead,
  ...ACT_COLUMNS,
  { header: 'legal_form', kind: 'text', about: "forma giuridica dell'alleanza (convenzione, unione, consorzio, societa_in_house, accordo)", cell: (r) => r.alliance.legalForm ?? null },
  { header: 'phase', kind: 'text', about: "fase AgID in corso dell'alleanza", cell: (r) => r.alliance.phase ?? null },
];

/** One service of one alliance, with the catalogue's names. */
export interface ServiceRow {
  alliance: { id: number; name: string };
  service: AllianceServiceInput;
  catalogue: CatalogueIndex;
}

/** One row per service of every published alliance: who provides it, what it costs, how it is split. */
export const SERVICES: TableDeclaration<ServiceRow> = [
  { header: 'alliance_id', kind: 'integer', about: "identificativo dell'alleanza", cell: (r) => r.alliance.id },
  { header: 'alliance_name', kind: 'text', width: 40, about: "nome dell'alleanza", cell: (r) => r.alliance.name },
  { header: 'service_code', kind: 'code', width: 16, about: 'codice del servizio nel catalogo', cell: (r) => r.service.code },
  { header: 'service', kind: 'text', width: 48, about: 'nome del servizio', cell: (r) => r.catalogue.get(r.service.code)?.name.it ?? r.service.code },
  { header: 'provider', kind: 'text', width: 24, about: 'chi lo eroga (alleanza, capofila, comune membro, partecipante)', cell: (r) => (r.service.provider.ref ? `${r.service.provider.kind}: ${r.service.provider.ref}` : r.service.provider.kind) },
  { header: 'since', kind: 'text', width: 12, about: 'erogato dal (AAAA-MM-GG)', cell: (r) => r.service.since ?? null },
  { header: 'annual_cost_eur', kind: 'cents', about: 'costo annuo in euro', cell: (r) => r.service.annualCostCents },
  { header: 'charged_to_members_eur', kind: 'cents', about: 'quanto ne pagano i Comuni membri ogni anno, in euro', cell: (r) => r.service.chargedCents ?? r.service.annualCostCents },
  { header: 'equal_share_percent', kind: 'percent', about: 'parte divisa in quote uguali (il resto per residente), in percento', cell: (r) => r.service.equalShare * 100 },
  { header: 'grants_eur', kind: 'cents', about: 'contributi esterni annui, in euro', cell: (r) => grantsTotal(r.service) },
  { header: 'grant_sources', kind: 'text', width: 32, about: 'chi dà i contributi', cell: (r) => (r.service.grants ?? []).map((g) => g.source).join('; ') },
];

/** What one member pays for one service of one alliance each year. */
export interface FeeRow {
  alliance: { id: number; name: string };
  member: { code: string; name: string };
  service: string;
  feeCents: number;
}

/** One row per member and service of every published alliance: the yearly fee it pays. */
export const FEES: TableDeclaration<FeeRow> = [
  { header: 'alliance_id', kind: 'integer', about: "identificativo dell'alleanza", cell: (r) => r.alliance.id },
  { header: 'alliance_name', kind: 'text', width: 40, about: "nome dell'alleanza", cell: (r) => r.alliance.name },
  { header: 'istat_code', kind: 'code', about: 'codice ISTAT del Comune', cell: (r) => r.member.code },
  { header: 'comune', kind: 'text', width: 28, about: 'nome del Comune', cell: (r) => r.member.name },
  { header: 'service_code', kind: 'code', width: 16, about: 'codice del servizio nel catalogo', cell: (r) => r.service },
  { header: 'fee_eur', kind: 'cents', about: 'quota annua del Comune per il servizio, in euro', cell: (r) => r.feeCents },
];

/** The rows of each page of published alliances, a batch per page. */
function perPage<Row>(pages: PublishedPages, rows: (alliance: PublishedAlliance) => Row[]): () => AsyncIterable<Row[]> {
  return async function* () {
    for await (const page of pages()) yield page.flatMap(rows);
  };
}

/** A published alliance's members as rows of MEMBERS. */
export function memberRows(alliance: PublishedAlliance): MemberRow[] {
  return alliance.members.map((member) => ({ alliance, member }));
}

export function membersTable(pages: PublishedPages): StreamedTable {
  return declaredStream('membri-alleanze', MEMBERS, perPage(pages, memberRows));
}

export function servicesTable(pages: PublishedPages, catalogue: CatalogueIndex): StreamedTable {
  return declaredStream('servizi-alleanze', SERVICES, perPage(pages, (alliance) => alliance.services.map((service) => ({ alliance, service, catalogue }))));
}

export function feesTable(pages: PublishedPages, tables: TerritoryTables, catalogue: CatalogueIndex): StreamedTable {
  return declaredStream(
    'quote-alleanze',
    FEES,
    perPage(pages, (alliance) => {
      const report = feeReport(alliance, tables, catalogue);
      return report.members.flatMap((member) => report.services.map((s) => ({ alliance, member, service: s.code, feeCents: member.feesCents[s.code] ?? 0 })));
    }),
  );
}
