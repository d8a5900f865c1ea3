import type { AssociationKind } from './associations';

/**
 * The attribute table of all Comuni, sent once to the client as parallel columns (compact, and
 * fast to join to the tiles by ISTAT code). Row i of every column describes `code[i]`.
 */
export interface AtlasTable {
  dataVersion: number;
  populationYear: number | null;
  code: string[];
  name: string[];
  province: string[];
  region: string[];
  population: (number | null)[];
  density: (number | null)[];
  /** Official area in km² (geodesic where ISTAT has none). */
  area: number[];
  /** 1 when the mountain thresholds apply (member of a Comunità Montana or an Unione montana: domain/mountain). */
  mountain: (0 | 1)[];
  innerAreaClass: (string | null)[];
  /** ISTAT code of the aree-interne service hub ("polo"). */
  hub: (string | null)[];
  /** Label point, in degrees. */
  lon: number[];
  lat: number[];
  /** Number of inter-municipal bodies the Comune belongs to (see COOPERATION_KINDS: SNAI areas and agreements too). */
  associations: number[];
  /** Number of Unioni di Comuni and Comunità Montane the Comune belongs to (and nothing else). */
  unioni: number[];
  provinces: { code: string; name: string; acronym: string; region: string; bbox: BBox }[];
  regions: { code: string; name: string; bbox: BBox }[];
}

export type BBox = [number, number, number, number];

/**
 * Kinds counted as "belonging to an association": bodies and agreements through which Comuni run
 * services together. Labour-market areas (SLL) are statistical and cover every Comune.
 */
export const COOPERATION_KINDS: readonly AssociationKind[] = ['unione', 'comunita_montana', 'convenzione', 'snai', 'ali', 'other'];

/** The neighbour graph for the client: pairs of Comuni sharing a border, as row indices of AtlasTable. */
export interface AdjacencyTable {
  dataVersion: number;
  /** `a[i]` and `b[i]` are row numbers in the AtlasTable of the same data version. */
  a: number[];
  b: number[];
}

/** The kinds the planner weighs: bodies it keeps whole (Unioni, Comunità Montane), labour-market areas and SNAI areas. */
export const PLANNER_KINDS = ['unione', 'comunita_montana', 'sll', 'snai'] as const satisfies readonly AssociationKind[];
export type PlannerKind = (typeof PLANNER_KINDS)[number];

/**
 * Each Comune's Unioni, Comunità Montane, SLL and SNAI area, for the planner in the browser: the
 * associations once (sorted by kind, name and id, as the server reads them), then per AtlasTable row
 * the indices of its associations in that order.
 */
export interface MembershipTable {
  dataVersion: number;
  associations: { id: number; kind: PlannerKind; name: string }[];
  /** `rows[i]`: indices into `associations` for the Comune of AtlasTable row i, ascending. */
  rows: number[][];
}

/** A label point's precision in the atlas table (degrees): the planner rounds the same way on both sides. */
export function roundDegrees(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
/** An area's precision in the atlas table (km²). */
export function roundKm2(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
