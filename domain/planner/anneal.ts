import type { Budget } from './budget';
import type { PlanGraph } from './graph';
import { Objective } from './objective';
import { randomIndex, type Random } from './random';
import type { KeepAssociations } from './types';

/** Start and end temperature of the annealing, in units of cost (an SLL split costs 3). */
const HOT = 2;
const COLD = 0.01;
/** Moves a node is kept from moving again after it moved (a short tabu list against undoing a move at once). */
const TENURE = 7;

/**
 * Local search on the soft objective with the number of regions fixed: simulated annealing (Kirkpatrick et
 * al. 1983) over single-node moves between neighbouring regions, with a short tabu tenure, as in the local
 * search phase of max-p (Duque, Anselin & Rey 2012; Wei, Rey & Knaap 2021). A move is allowed only if the
 * region left keeps the floor and stays connected without the node (the node is not an articulation point
 * of its region); the region joined stays connected since the node borders it. Returns the best partition
 * seen (as regions of nodes).
 */
export function anneal(
  g: PlanGraph,
  keep: KeepAssociations,
  floor: number,
  regions: readonly number[][],
  steps: number,
  random: Random,
  budget: Budget,
  progress: (t: number) => number,
): number[][] {
  const n = g.adj.length;
  const regionOf = new Int32Array(n).fill(-1);
  const members: number[][] = regions.map((nodes) => [...nodes]);
  const pops = members.map((nodes) => nodes.reduce((s, v) => s + (g.pop[v] as number), 0));
  const at = new Int32Array(n);
  members.forEach((nodes, r) => nodes.forEach((v, i) => ((regionOf[v] = r), (at[v] = i))));
  const placed = members.flat();
  if (placed.length === 0 || members.length < 2) return members;

  const objective = new Objective(g, keep, regionOf, members.length);
  let best = Int32Array.from(regionOf);
  let bestCost = objective.cost;
  const movedAt = new Int32Array(n).fill(-TENURE);
  const seen = new Int32Array(n);
  let stamp = 0;

  /** Whether region r stays connected without node v. */
  const connectedWithout = (r: number, v: number): boolean => {
    const nodes = members[r] as number[];
    const start = nodes[0] === v ? (nodes[1] as number) : (nodes[0] as number);
    stamp++;
    seen[v] = stamp;
    seen[start] = stamp;
    const queue = [start];
    for (let k = 0; k < queue.length; k++) {
      for (const w of g.adj[queue[k] as number] as number[]) {
        if (seen[w] !== stamp && regionOf[w] === r) {
          seen[w] = stamp;
          queue.push(w);
        }
      }
    }
    return queue.length === nodes.length - 1;
  };

  for (let step = 0; step < steps; step++) {
    if ((step & 255) === 0 && !budget.proceed(progress(step / steps))) break;
    const v = placed[randomIndex(random, placed.length)] as number;
    const from = regionOf[v] as number;
    if (step - (movedAt[v] as number) < TENURE) continue;
    const next = g.adj[v] as number[];
    if (next.length === 0) continue;
    const to = regionOf[next[randomIndex(random, next.length)] as number] as number;
    if (to === from || to < 0) continue;
    if ((pops[from] as number) - (g.pop[v] as number) < floor || !connectedWithout(from, v)) continue;
    const d = objective.delta(v, to);
    const temperature = HOT * Math.pow(COLD / HOT, step / steps);
    if (d > 0 && random() >= Math.exp(-d / temperature)) continue;

    objective.move(v, to);
    const list = members[from] as number[];
    const last = list[list.length - 1] as number;
    list[at[v] as number] = last;
    at[last] = at[v] as number;
    list.pop();
    at[v] = (members[to] as number[]).length;
    (members[to] as number[]).push(v);
    pops[from] = (pops[from] as number) - (g.pop[v] as number);
    pops[to] = (pops[to] as number) + (g.pop[v] as number);
    movedAt[v] = step;
    if (objective.cost < bestCost - 1e-9) {
      bestCost = objective.cost;
      best = Int32Array.from(regionOf);
    }
  }

  const result: number[][] = members.map(() => []);
  best.forEach((r, v) => {
    if (r >= 0) (result[r] as number[]).push(v);
  });
  return result;
}
