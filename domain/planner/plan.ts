import { anneal } from './anneal';
import { Budget } from './budget';
import { buildGraph, connectedParts } from './graph';
import { Grower } from './grow';
import { RegionCost } from './objective';
import { mulberry32 } from './random';
import { buildPlan, type Unplaced } from './result';
import { construct, improveCount, pieceBound } from './search';
import type { Plan, PlanInput } from './types';
import { validatePlanInput } from './validate';

/** Constructions per connected piece, and search steps per node, at effort 1. */
const CONSTRUCTIONS = 40;
const COUNT_STEPS_PER_NODE = 20;
const SOFT_ZONE_STEPS_PER_NODE = 5;
const SOFT_STEPS_PER_NODE = 100;

/**
 * Partitions a territory's Comuni into as many contiguous alliances reaching the floor as the search finds
 * (max-p regionalisation: Duque, Anselin & Rey 2012; Wei, Rey & Knaap 2021). Comuni in a connected piece of
 * the territory below the floor come back unassigned, with the reason. Throws on input that
 * validatePlanInput refuses (callers check first).
 */
export function planAlliances(input: PlanInput): Plan {
  const error = validatePlanInput(input);
  if (error) throw new Error(`planAlliances: invalid input (${error.kind})`);
  const { options } = input;
  const floor = options.minPopulation;
  const effort = options.effort !== undefined && options.effort > 0 && Number.isFinite(options.effort) ? options.effort : 1;
  const random = mulberry32(options.seed);
  const budget = new Budget(options);
  const g = buildGraph(input);
  const grower = new Grower(g.adj, g.pop, floor);

  const nodes = g.members.map((_, i) => i);
  const pieces = connectedParts(nodes, g.adj).map((p) => p.sort((a, b) => a - b));
  const unassigned: Unplaced[] = [];
  const viable: number[][] = [];
  for (const piece of pieces) {
    if (pieceBound(g.pop, piece, floor) >= 1) {
      viable.push(piece);
      continue;
    }
    const units = piece.flatMap((n) => g.members[n] as number[]);
    const reason = units.length === 1 ? 'isolated' : 'component_below_floor';
    for (const i of units) unassigned.push({ code: (g.units[i] as { code: string }).code, reason });
  }

  const constructions = Math.max(1, Math.round(CONSTRUCTIONS * effort));
  const viableNodes = viable.reduce((s, p) => s + p.length, 0);
  let regions: number[][] = [];
  let doneNodes = 0;
  for (const piece of viable) {
    const share = (t: number) => (0.3 * (doneNodes + t * piece.length)) / viableNodes;
    regions.push(...construct(grower, piece, pieceBound(g.pop, piece, floor), constructions, random, budget, share));
    doneNodes += piece.length;
  }
  const bound = viable.reduce((s, p) => s + pieceBound(g.pop, p, floor), 0);
  const steps = Math.round(COUNT_STEPS_PER_NODE * effort * viableNodes);
  regions = improveCount(g.adj, g.pop, grower, floor, regions, bound, steps, random, budget, (t) => 0.3 + 0.4 * t);
  const zoneSteps = Math.round(SOFT_ZONE_STEPS_PER_NODE * effort * viableNodes);
  const cost = new RegionCost(g, options.keepAssociations);
  regions = improveCount(g.adj, g.pop, grower, floor, regions, bound, zoneSteps, random, budget, (t) => 0.7 + 0.1 * t, (nodes) => cost.of(nodes));
  const softSteps = Math.round(SOFT_STEPS_PER_NODE * effort * viableNodes);
  regions = anneal(g, options.keepAssociations, floor, regions, softSteps, random, budget, (t) => 0.8 + 0.2 * t);
  budget.finish();
  return buildPlan(input, g, regions, unassigned, budget.stopped);
}
