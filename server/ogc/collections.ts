import { declaredRecord } from '../exports/table';
import { MEMBERS, type MemberRow } from '../open-data/tables';
import { ALLIANCE_GOVERNANCE_FIELDS, ALLIANCE_MEMBERS_JSON, ALLIANCE_UPDATED_ISO } from '../queries/alliances';

/**
 * The feature collections served through OGC API – Features: what each holds, how its items are
 * read, and which simple property filters it accepts. Geometry leaves in CRS84 with six decimals and
 * RFC 7946 winding (exterior rings counterclockwise), generalised only when a `zoom` hint asks.
 */
export interface Collection {
  readonly id: string;
  readonly title: { it: string; en: string };
  readonly description: { it: string; en: string };
  /** The SQL of one row per feature: `fid`, `properties` (json), `geom` (geometry, EPSG:4326). */
  readonly from: string;
  /** Filter parameter → SQL condition on the row with one `?` for the value. */
  readonly filters: Readonly<Record<string, string>>;
  /** Order of the pages: unique and stable. */
  readonly order: string;
  /** Parses a feature id from a URL, or null when it cannot be one. */
  parseId(raw: string): string | number | null;
  /** A feature's properties from the row's `properties` (json) where they are declared in code; as they come otherwise. */
  properties?(row: Record<string, unknown>): Record<string, unknown>;
}

const numericId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

/** Filters of a collection of groups of Comuni: those with a member Comune, or members in a province or region. */
const memberFilters = (members: string, group: string) => ({
  code: `fid IN (SELECT ${group} FROM ${members} WHERE comune_code = ?)`,
  province: `fid IN (SELECT m.${group} FROM ${members} m JOIN comuni c ON c.code = m.comune_code WHERE c.province_code = ?)`,
  region: `fid IN (SELECT m.${group} FROM ${members} m JOIN comuni c ON c.code = m.comune_code WHERE c.region_code = ?)`,
});

export const COLLECTIONS: readonly Collection[] = [
  {
    id: 'comuni',
    title: { it: 'Comuni', en: 'Comuni (municipalities)' },
    description: {
      it: 'I 7.899 Comuni italiani (confini ISTAT 2023) con popolazione (censimento 2020), superficie e classe di area interna.',
      en: 'The 7,899 Italian Comuni (ISTAT 2023 boundaries) with population (2020 census), area and inner-area class.',
    },
    from: `SELECT code AS fid, geom,
                  json_build_object('code', code, 'name', name, 'province', province_code, 'region', region_code,
                                    'population', population, 'area_km2', round(area_km2::numeric, 4),
                                    'inner_area_class', inner_area_class) AS properties,
                  code AS sort_key, province_code, region_code
           FROM comuni`,
    filters: { code: 'fid = ?', province: 'province_code = ?', region: 'region_code = ?' },
    order: 'sort_key',
    parseId: (raw) => (/^\d{6}$/.test(raw) ? raw : null),
  },
  {
    id: 'associations',
    title: { it: 'Associazioni esistenti', en: 'Existing associations' },
    description: {
      it: 'Unioni di Comuni e Comunità Montane (ANCI 2023), aree SNAI e sistemi locali del lavoro (ISTAT 2021), ciascuna con il suo tipo e i Comuni membri.',
      en: 'Unioni di Comuni and Comunità Montane (ANCI 2023), SNAI areas and local labour systems (ISTAT 2021), each with its kind and member Comuni.',
    },
    from: `SELECT a.id AS fid, a.outline AS geom,
                  json_build_object('id', a.id, 'kind', a.kind, 'name', a.name, 'source', a.source, 'period', a.period,
                                    'members', (SELECT json_agg(m.comune_code ORDER BY m.comune_code) FROM association_members m WHERE m.association_id = a.id)) AS properties,
                  a.id AS sort_key, a.kind
           FROM associations a WHERE a.outline IS NOT NULL`,
    filters: { kind: 'kind = ?', ...memberFilters('association_members', 'association_id') },
    order: 'sort_key',
    parseId: numericId,
  },
  {
    id: 'alliances',
    title: { it: 'Alleanze ALI pubblicate', en: 'Published ALI alliances' },
    description: {
      it: 'Le Alleanze Locali per l’Innovazione pubblicate, con i Comuni membri e il loro stato di adesione.',
      en: 'The published Local Alliances for Innovation, with their member Comuni and each one’s status.',
    },
    from: `SELECT a.id AS fid, a.outline AS geom,
                  json_build_object('id', a.id, 'name', a.name, 'status', a.status,
                                    'updated', ${ALLIANCE_UPDATED_ISO}, 'members', ${ALLIANCE_MEMBERS_JSON}, ${ALLIANCE_GOVERNANCE_FIELDS}) AS properties,
                  a.id AS sort_key
           FROM alliances a WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.outline IS NOT NULL`,
    filters: memberFilters('alliance_members', 'alliance_id'),
    order: 'sort_key',
    parseId: numericId,
  },
  {
    id: 'alliance-members',
    title: { it: 'Membri delle alleanze ALI pubblicate', en: 'Members of the published ALI alliances' },
    description: {
      it: 'Un elemento per Comune membro di ogni alleanza pubblicata, con il confine del Comune: le stesse colonne del file dei membri (stato, capofila, atto di adesione, forma giuridica e fase).',
      en: 'One feature per member Comune of every published alliance, with the Comune’s boundary: the same columns as the members file (status, lead, act of adhesion, legal form and phase).',
    },
    // The row of MEMBERS (open-data/tables) as json: the properties are that declaration's columns.
    from: `SELECT a.id || '-' || m.comune_code AS fid, c.geom,
                  json_build_object('alliance', json_build_object('id', a.id, 'name', a.name, 'legalForm', a.legal_form, 'phase', a.governance->'phases'->-1->>'phase'),
                                    'member', json_build_object('code', m.comune_code, 'name', c.name, 'population', c.population, 'status', m.status, 'lead', m.lead, 'act', m.act)) AS properties,
                  a.id AS alliance_id, m.comune_code, c.province_code, c.region_code
           FROM alliance_members m JOIN alliances a ON a.id = m.alliance_id LEFT JOIN comuni c ON c.code = m.comune_code
           WHERE a.status = 'published' AND a.deleted_at IS NULL`,
    filters: { alliance: 'alliance_id::text = ?', code: 'comune_code = ?', province: 'province_code = ?', region: 'region_code = ?' },
    order: 'alliance_id, comune_code',
    parseId: (raw) => (/^\d{1,9}-\d{6}$/.test(raw) ? raw : null),
    properties: (row) => declaredRecord(MEMBERS, row as unknown as MemberRow),
  },
];

export const findCollection = (id: string): Collection | undefined => COLLECTIONS.find((c) => c.id === id);
