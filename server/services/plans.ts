import type { AssociationRef } from '../../domain/associations';
import { roundDegrees, roundKm2 } from '../../domain/atlas-table';
import { validatePlanInput } from '../../domain/planner';
import type { KeepAssociations, Plan, PlanInputError, PlanUnit, UnassignedReason } from '../../domain/planner/types';
import type { TerritoryTables } from '../data/territory-store';
import { DomainRefusal } from '../../domain/refusal';
import type { PlanJob } from '../planner/plan-job';
import type { PlanPool } from '../planner/plan-pool';

/** What a plan may cost: Comuni per request and the planner's time (see README). */
export const PLAN_LIMITS = { comuni: 2_000, timeLimitMs: 10_000, defaultTimeLimitMs: 5_000 } as const;

export type PlanArea = { region: string } | { province: string } | { codes: string[] };

export interface PlanRequest {
  area: PlanArea;
  minPopulation: number;
  keepAssociations: KeepAssociations;
  locked?: string[][] | undefined;
  seed?: number | undefined;
  timeLimitMs?: number | undefined;
}

interface AssociationName {
  id: number;
  kind: AssociationRef['kind'];
  name: string;
}

export interface PlanResponse {
  alliances: {
    members: string[];
    population: number;
    name: string;
    explanation: {
      associationsKept: AssociationName[];
      associationsSplit: AssociationName[];
      mainSll: { code: string; name: string | null; members: number } | null;
      mainSnai: { id: string; name: string | null; members: number } | null;
      marginOverFloor: number;
    };
  }[];
  unassigned: { code: string; reason: UnassignedReason; message: string }[];
  score: Plan['score'];
  seed: number;
  /** True when the time limit stopped the search: the plan is valid, a longer one may find more. */
  stoppedEarly: boolean;
  elapsedMs: number;
}

/** The associations a plan keeps whole or weighs splitting: Unioni and Comunità Montane. */
const KEPT_KINDS: ReadonlySet<AssociationRef['kind']> = new Set(['unione', 'comunita_montana']);

const REASONS: Record<UnassignedReason, string> = {
  isolated:
    'Senza confini con altri comuni del territorio e sotto la soglia da solo (isola, exclave) / No border with other Comuni of the territory and below the floor alone (island, exclave)',
  component_below_floor:
    'La sua parte contigua del territorio non raggiunge la soglia / Its contiguous part of the territory does not reach the floor',
  no_feasible_alliance:
    'Nessuna alleanza poteva includerlo senza violare un vincolo (associazione da non dividere, gruppo bloccato) / No alliance could take it without breaking a constraint (an association kept whole, a locked group)',
};

/** The Comuni of an area, checked: known, and at most PLAN_LIMITS.comuni of them. */
export function areaCodes(tables: TerritoryTables, area: PlanArea): string[] {
  let codes: string[];
  if ('codes' in area) {
    const unknown = area.codes.filter((c) => !tables.facts.has(c));
    if (unknown.length > 0) throw new DomainRefusal('invalid', `Codici ISTAT sconosciuti / Unknown ISTAT codes: ${unknown.slice(0, 20).join(', ')}`, { unknown });
    codes = [...new Set(area.codes)];
  } else if ('region' in area) {
    if (!tables.regionNames.has(area.region)) throw new DomainRefusal('invalid', `Regione sconosciuta / Unknown region: ${area.region}`);
    codes = [...tables.facts.values()].filter((f) => f.regionCode === area.region).map((f) => f.code);
  } else {
    if (!tables.provinceNames.has(area.province)) throw new DomainRefusal('invalid', `Provincia sconosciuta / Unknown province: ${area.province}`);
    codes = [...tables.facts.values()].filter((f) => f.provinceCode === area.province).map((f) => f.code);
  }
  if (codes.length === 0) throw new DomainRefusal('invalid', 'Il territorio non ha comuni / The territory has no Comuni');
  if (codes.length > PLAN_LIMITS.comuni) {
    throw new DomainRefusal(
      'too_large',
      `Al massimo ${PLAN_LIMITS.comuni} comuni per piano (qui ${codes.length}): scegli una regione o una provincia / At most ${PLAN_LIMITS.comuni} Comuni per plan (here ${codes.length}): pick a region or a province`,
    );
  }
  return codes.sort();
}

const sizesByTables = new WeakMap<TerritoryTables, Record<string, number>>();

/** Members in all of each Unione and Comunità (by id), counted once per data version. */
function associationSizes(tables: TerritoryTables): Record<string, number> {
  let sizes = sizesByTables.get(tables);
  if (!sizes) {
    sizes = {};
    for (const refs of tables.memberships.values()) {
      for (const r of refs) if (KEPT_KINDS.has(r.kind)) sizes[String(r.id)] = (sizes[String(r.id)] ?? 0) + 1;
    }
    sizesByTables.set(tables, sizes);
  }
  return sizes;
}

/** The planner's input for these Comuni: facts, associations, SLL, SNAI and the borders among them. */
export function planJob(tables: TerritoryTables, codes: readonly string[], request: PlanRequest, seed: number): PlanJob {
  const inside = new Set(codes);
  const units: PlanUnit[] = [];
  const neighbours: Record<string, string[]> = {};
  for (const code of codes) {
    const facts = tables.facts.get(code);
    const refs = tables.memberships.get(code) ?? [];
    const point = tables.labelPoints.get(code);
    const firstOf = (kind: AssociationRef['kind']) => {
      const ref = refs.find((r) => r.kind === kind);
      return ref ? String(ref.id) : null;
    };
    units.push({
      code,
      population: facts?.population ?? 0,
      // At the atlas table's precision: the browser's planner, which reads that table, gets the same plan.
      areaKm2: roundKm2(facts?.areaKm2 ?? 0),
      ...(point ? { centroid: [roundDegrees(point[0]), roundDegrees(point[1])] as const } : {}),
      associations: refs.filter((r) => KEPT_KINDS.has(r.kind)).map((r) => String(r.id)),
      sll: firstOf('sll'),
      snai: firstOf('snai'),
    });
    neighbours[code] = tables.graph.neighbours(code).filter((n) => inside.has(n));
  }
  const allSizes = associationSizes(tables);
  const sizes: Record<string, number> = {};
  for (const u of units) for (const id of u.associations ?? []) sizes[id] = allSizes[id] ?? 0;
  return {
    units,
    neighbours,
    associationSizes: sizes,
    options: {
      minPopulation: request.minPopulation,
      keepAssociations: request.keepAssociations,
      ...(request.locked ? { locked: request.locked } : {}),
      seed,
      timeLimitMs: request.timeLimitMs ?? PLAN_LIMITS.defaultTimeLimitMs,
    },
  };
}

/** A refused input, with the reason in Italian and English. */
export function planInputProblem(error: PlanInputError): DomainRefusal {
  switch (error.kind) {
    case 'empty_area':
      return new DomainRefusal('invalid', 'Il territorio non ha comuni / The territory has no Comuni');
    case 'floor_out_of_range':
      return new DomainRefusal('invalid',
        `La soglia va da ${error.min} a ${error.max} abitanti / The floor must be between ${error.min} and ${error.max} residents`,
      );
    case 'lock_overlap':
      return new DomainRefusal('invalid', `Il comune ${error.code} è in due gruppi bloccati / Comune ${error.code} is in two locked groups`, { code: error.code });
    case 'lock_unknown_code':
      return new DomainRefusal('invalid', `Il comune bloccato ${error.code} non è nel territorio / Locked Comune ${error.code} is not in the territory`, {
        code: error.code,
      });
    case 'lock_not_contiguous':
      return new DomainRefusal('invalid',
        `Il gruppo bloccato con ${error.code} non è contiguo: non può stare in una sola alleanza / The locked group with ${error.code} is not contiguous: it cannot be one alliance`,
        { code: error.code },
      );
    case 'duplicate_code':
      return new DomainRefusal('invalid', `Il comune ${error.code} compare due volte / Comune ${error.code} appears twice`, { code: error.code });
    case 'invalid_population':
      return new DomainRefusal('invalid', `Popolazione non valida per il comune ${error.code} / Invalid population for Comune ${error.code}`, { code: error.code });
  }
}

/** The largest member by residents (then by code): the alliance's name when no association names it. */
function largestMember(tables: TerritoryTables, members: readonly string[]): string {
  let best = members[0] as string;
  for (const code of members) {
    const p = tables.facts.get(code)?.population ?? 0;
    const q = tables.facts.get(best)?.population ?? 0;
    if (p > q || (p === q && code < best)) best = code;
  }
  return best;
}

/**
 * A name for a proposed alliance: the Unione or Comunità it keeps when that association holds at
 * least half its members, otherwise its largest Comune ("Cuneo e altri 12 comuni").
 */
export function allianceName(tables: TerritoryTables, members: readonly string[], kept: readonly AssociationName[]): string {
  let main: { name: string; count: number } | null = null;
  for (const a of kept) {
    const count = members.filter((c) => (tables.memberships.get(c) ?? []).some((r) => r.id === a.id)).length;
    if (!main || count > main.count) main = { name: a.name, count };
  }
  if (main && main.count * 2 >= members.length) return main.name;
  const largest = tables.facts.get(largestMember(tables, members))?.name ?? members[0] ?? '';
  if (members.length === 1) return largest;
  return members.length === 2 ? `${largest} e un altro comune` : `${largest} e altri ${members.length - 1} comuni`;
}

/** The plan as the API answers it: names for alliances and associations, reasons in words. */
export function planResponse(tables: TerritoryTables, plan: Plan, elapsedMs: number): PlanResponse {
  const refs = new Map<string, AssociationRef>();
  const units = [...plan.alliances.flatMap((a) => a.members), ...plan.unassigned.map((u) => u.code)];
  for (const code of units) for (const r of tables.memberships.get(code) ?? []) refs.set(`${r.kind}|${r.id}`, r);
  const named = (kinds: readonly AssociationRef['kind'][], id: string): AssociationName | null => {
    for (const kind of kinds) {
      const r = refs.get(`${kind}|${id}`);
      if (r) return { id: r.id, kind: r.kind, name: r.name };
    }
    return null;
  };
  const associations = (ids: readonly string[]) =>
    ids.map((id) => named([...KEPT_KINDS], id)).filter((a): a is AssociationName => a !== null);
  return {
    alliances: plan.alliances.map((a) => {
      const kept = associations(a.explanation.associationsKept);
      const { mainSll, mainSnai } = a.explanation;
      return {
        members: a.members,
        population: a.population,
        name: allianceName(tables, a.members, kept),
        explanation: {
          associationsKept: kept,
          associationsSplit: associations(a.explanation.associationsSplit),
          mainSll: mainSll ? { ...mainSll, name: named(['sll'], mainSll.code)?.name ?? null } : null,
          mainSnai: mainSnai ? { ...mainSnai, name: named(['snai'], mainSnai.id)?.name ?? null } : null,
          marginOverFloor: a.explanation.marginOverFloor,
        },
      };
    }),
    unassigned: plan.unassigned.map((u) => ({ ...u, message: REASONS[u.reason] })),
    score: plan.score,
    seed: plan.seed,
    stoppedEarly: plan.stoppedEarly,
    elapsedMs: Math.round(elapsedMs),
  };
}

/** Checks the request, computes the plan in the pool's worker threads and names its parts. */
export async function proposePlan(tables: TerritoryTables, pool: PlanPool, request: PlanRequest, seed: number): Promise<PlanResponse> {
  const started = performance.now();
  const codes = areaCodes(tables, request.area);
  const job = planJob(tables, codes, request, seed);
  const NONE: readonly string[] = [];
  const problem = validatePlanInput({
    units: job.units,
    neighbours: (c) => job.neighbours[c] ?? NONE,
    options: job.options,
    associationSizes: job.associationSizes,
  });
  if (problem) throw planInputProblem(problem);
  const reply = await pool.run(job);
  if ('failure' in reply) throw new Error(`planner failed: ${reply.failure}`);
  return planResponse(tables, reply.plan, performance.now() - started);
}
