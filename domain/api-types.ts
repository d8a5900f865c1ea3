import type { MemberStatus } from './alliance';
import type { CoverageAggregate, CoverageSource, SourceSummary } from './coverage';
import type { AssociationKind, AssociationRef } from './associations';
import type { Contiguity } from './contiguity';
import type { DatasetInfo } from './datasets';

/** JSON shapes of the API: the server builds them, the client reads them. */

export interface ComuneRecord {
  code: string;
  name: string;
  cadastralCode: string | null;
  province: { code: string; name: string; acronym: string };
  region: { code: string; name: string };
  population: number | null;
  populationYear: number | null;
  areaKm2: number;
  geodesicAreaKm2: number;
  densityPerKm2: number | null;
  innerAreaClass: string | null;
  travelMinutesToHub: number | null;
  hub: { code: string; name: string } | null;
  labelPoint: [number, number];
  bbox: [number, number, number, number];
}

/** An ALI alliance a Comune is a member of, as its page lists it. */
export interface ComuneAllianceRef {
  id: number;
  name: string;
  status: 'draft' | 'published';
  memberStatus: MemberStatus;
}

/** `GET /api/comuni/:code` */
export interface ComuneDetails extends ComuneRecord {
  small: boolean;
  neighbours: readonly string[];
  associations: AssociationRef[];
  /** Why the mountain thresholds apply (the Comunità Montana or Unione montana it belongs to), or null. */
  mountain: AssociationRef | null;
  /** Saved alliances it is a member of: published first, then drafts, by name. */
  alliances: ComuneAllianceRef[];
}

/** One result of `GET /api/comuni?q=` */
export interface SearchHit {
  code: string;
  name: string;
  provinceAcronym: string;
  regionName: string;
  population: number | null;
}

/** One row of `GET /api/associations` */
export interface AssociationSummary {
  id: number;
  kind: AssociationKind;
  name: string;
  source: string;
  period: string | null;
  validFrom: string | null;
  validTo: string | null;
  status: string | null;
  comuni: number;
}

/** `GET /api/associations/:id` */
export interface AssociationDetails extends AssociationSummary {
  members: { code: string; name: string; role: string | null }[];
  totals: { comuni: number; population: number; areaKm2: number; densityPerKm2: number | null; smallComuni: number };
  contiguity: Contiguity;
  outline: GeoJSON.Geometry | null;
}

/** `GET /api/coverage?service=CODE`: who receives a service where. */
export interface CoverageReport {
  service: string;
  dataVersion: number;
  /**
   * The bodies through which most Comuni receive it (at most COVERAGE_SOURCES_INLINE), each with its
   * Comuni; all of them, nationally or per region, page by page at `GET /api/coverage/sources`.
   */
  sources: SourceSummary[];
  /** How many distinct bodies provide it. */
  sourceCount: number;
  /** Covered Comuni: ISTAT code → how many bodies provide it there. */
  covered: Record<string, number>;
  /** Whether the law obliges small Comuni to run this service jointly (a fundamental function). */
  obligation: boolean;
  /**
   * Comuni not covered that the law obliges to run this service jointly (≤ 5,000 residents, 3,000
   * in mountain Comuni): empty unless `obligation`.
   */
  obligedUncovered: string[];
  /** Small Comuni (≤ 5,000 residents) not covered, obliged or not: who would gain most. */
  smallUncovered: string[];
  /** With, per region, how many distinct bodies provide it there. */
  regions: (NamedAggregate & { sources: number })[];
  provinces: NamedAggregate[];
  totals: CoverageAggregate;
  /** What the figures assume where the data are silent, if anything. */
  assumption: { it: string; en: string } | null;
}

export type NamedAggregate = CoverageAggregate & { name: string };

/** `GET /api/coverage/comune?service=CODE&code=ISTAT`: whether one Comune receives a service, and through whom. */
export interface ComuneCoverage {
  service: string;
  code: string;
  /** The bodies through which it receives the service, by name (none: not covered). */
  sources: CoverageSource[];
  /** Whether the law obliges small Comuni to run this service jointly (a fundamental function). */
  obligation: boolean;
  /** Whether the law obliges this Comune to run it jointly (≤ 5,000 residents, 3,000 in the mountains; false unless `obligation`). */
  obliged: boolean;
  /** Whether it is a small Comune (≤ 5,000 residents). */
  small: boolean;
}

/** How many providing bodies `GET /api/coverage` carries inline (the rest are paged). */
export const COVERAGE_SOURCES_INLINE = 10;

/** `GET /api/coverage/sources?service=CODE[&region=CODE]&offset=&limit=`: the providing bodies, most Comuni first. */
export interface CoverageSourcesPage {
  service: string;
  region: string | null;
  total: number;
  offset: number;
  limit: number;
  items: SourceSummary[];
}

/** One dataset of `GET /api/sources`. */
export interface DatasetSource extends DatasetInfo {
  counts: Record<string, number>;
  importedAt: string | null;
}

/** `GET /api/sources` */
export interface SourcesAnswer {
  origin: { kind: 'pack' | 'sources'; manifestSha256?: string } | null;
  datasets: DatasetSource[];
}
