/**
 * The planner's contract: a territory's Comuni in, a partition into contiguous alliances that each reach
 * a population floor out (max-p regionalisation). Pure data: the same types in the browser's Worker and
 * on the server.
 */
import type { NeighbourLookup } from '../adjacency';

/** How existing Unioni di Comuni / Comunità Montane weigh: never split one wholly inside, a cost, or ignored. */
export type KeepAssociations = 'hard' | 'soft' | 'off';

export interface PlanUnit {
  /** ISTAT code. */
  code: string;
  population: number;
  /** km², for compactness (optional: 0 when unknown). */
  areaKm2?: number;
  /** Centroid [lon, lat], for compactness and seeds' spread (optional). */
  centroid?: readonly [number, number];
  /** Ids of the existing associations (Unioni, Comunità) the Comune belongs to. */
  associations?: readonly string[];
  /** ISTAT SLL code, when known. */
  sll?: string | null;
  /** SNAI area id, when the Comune is in one. */
  snai?: string | null;
}

export interface PlanOptions {
  /** Residents each alliance must reach (1,000–200,000; default 20,000, AgID's efficiency size). */
  minPopulation: number;
  keepAssociations: KeepAssociations;
  /** Groups of codes that must end up whole in one alliance (e.g. a saved alliance's adhered members). */
  locked?: readonly (readonly string[])[];
  /** Same seed, same input → same plan. */
  seed: number;
  /** Wall-clock budget for the search; the planner returns its best plan so far when it runs out. */
  timeLimitMs?: number;
  /** Called now and then with progress in [0, 1]; returning false cancels (the best plan so far is returned). */
  onProgress?: (done: number) => boolean | void;
  /** Injected clock (ms), so that the domain stays pure and tests are deterministic; default Date.now. */
  now?: () => number;
  /**
   * How much searching to do, as a multiple of the default (default 1). The search's length is counted in
   * steps, not time, so that a seed gives the same plan on any machine; the time limit only cuts it short.
   */
  effort?: number;
}

export interface PlanInput {
  units: readonly PlanUnit[];
  /** Border neighbours (as the contiguity check defines them); codes outside `units` are ignored. */
  neighbours: NeighbourLookup;
  options: PlanOptions;
  /**
   * Number of members of each association in all (in or out of `units`). An association with members
   * outside the territory is not "wholly inside" (hard keeps and split counts skip it). When an id is
   * missing here, its members in `units` are taken to be all of them.
   */
  associationSizes?: Readonly<Record<string, number>>;
}

export type UnassignedReason =
  /** The Comune has no neighbour inside the territory and is below the floor alone (island, exclave). */
  | 'isolated'
  /** Its connected piece of the territory has fewer residents than the floor. */
  | 'component_below_floor'
  /** Left over after growth: no alliance could take it without breaking a rule (hard association, lock). */
  | 'no_feasible_alliance';

export interface PlannedAlliance {
  /** Members' ISTAT codes, sorted. */
  members: string[];
  population: number;
  /** Why these Comuni: associations kept whole, shared SLL / SNAI, etc. (data for the explanation). */
  explanation: AllianceExplanation;
}

export interface AllianceExplanation {
  /** Associations wholly inside this alliance. */
  associationsKept: string[];
  /** Associations with members both here and in another alliance. */
  associationsSplit: string[];
  /** The SLL most members share, and how many do. */
  mainSll: { code: string; members: number } | null;
  /** The SNAI area most members share, and how many do. */
  mainSnai: { id: string; members: number } | null;
  /** Population over the floor (≥ 0). */
  marginOverFloor: number;
}

export interface PlanScore {
  alliances: number;
  /** floor(total population / minPopulation). */
  upperBound: number;
  /** Associations wholly inside the territory that the plan splits. */
  associationsSplit: number;
  sllSplit: number;
  snaiSplit: number;
  /** Mean compactness in [0, 1] (1 = most compact); 0 when no geometry facts were given. */
  compactness: number;
}

export interface Plan {
  alliances: PlannedAlliance[];
  unassigned: { code: string; reason: UnassignedReason }[];
  score: PlanScore;
  seed: number;
  /** True when the time limit or a cancel stopped the search early. */
  stoppedEarly: boolean;
}

/** Input errors the planner refuses (the server maps them to 4xx; messages live with the caller). */
export type PlanInputError =
  | { kind: 'empty_area' }
  | { kind: 'floor_out_of_range'; min: number; max: number }
  | { kind: 'lock_overlap'; code: string }
  | { kind: 'lock_unknown_code'; code: string }
  /** The same code twice among the units. */
  | { kind: 'duplicate_code'; code: string }
  /** A population that is not a finite number ≥ 0. */
  | { kind: 'invalid_population'; code: string }
  /** A locked group whose members do not form one contiguous territory (it can never be one alliance's core). */
  | { kind: 'lock_not_contiguous'; code: string };
