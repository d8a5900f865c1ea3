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
