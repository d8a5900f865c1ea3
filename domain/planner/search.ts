import type { Budget } from './budget';
import { Pick, type Grower } from './grow';
import { randomIndex, type Random } from './random';

/** The most regions a connected piece can hold: its residents over the floor. */
export function pieceBound(pop: Float64Array, nodes: readonly number[], floor: number): number {
  let total = 0;
  for (const n of nodes) total += pop[n] as number;
  return Math.floor(total / floor);
}

/** Varies the construction between tries: mostly smallest-first growth, from random or peripheral seeds. */
function variant(t: number): { pick: Pick; peripheryFirst: boolean } {
  const picks = [Pick.Smallest, Pick.BestFit, Pick.MostLinked, Pick.Any] as const;
  return { pick: picks[t % picks.length] as Pick, peripheryFirst: Math.floor(t / picks.length) % 2 === 1 };
}

/**
 * Many randomised constructions of one connected piece (which reaches the floor), keeping the one with most
 * regions. The first always runs, so that there is a plan whatever the budget.
 */
export function construct(
  grower: Grower,
  piece: readonly number[],
  bound: number,
  tries: number,
  random: Random,
  budget: Budget,
  progress: (t: number) => number,
): number[][] {
  let best: number[][] = [];
  for (let t = 0; t < tries; t++) {
    if (t > 0 && (best.length >= bound || !budget.proceed(progress(t / tries)))) break;
    const { pick, peripheryFirst } = variant(t);
    const regions = grower.grow(piece, random, pick, peripheryFirst);
    if (regions.length > best.length) best = regions;
  }
  return best;
}

/**
 * Large-neighbourhood search on the number of regions (destroy and repair): take a region and up to two of
 * its neighbours, grow that zone again from scratch a few times and keep the result when it has at least as
 * many regions (more is progress, as many is a sideways step that lets the search move on). Regions are
 * picked by a 2-tournament on population, since a region well above the floor is the likeliest to split.
 * This is the merge/split repair of max-p local search (Wei, Rey & Knaap 2021) with growth as the repair.
 */
export function improveCount(
  adj: readonly (readonly number[])[],
  pop: Float64Array,
  grower: Grower,
  floor: number,
  regions: readonly number[][],
  bound: number,
  iterations: number,
  random: Random,
  budget: Budget,
  progress: (t: number) => number,
  /** When given, a zone cut into as many regions is kept only if it costs no more (the soft objective). */
  costOf?: (nodes: readonly number[]) => number,
): number[][] {
  const list: (number[] | null)[] = [];
  const pops: number[] = [];
  const regionOf = new Int32Array(adj.length).fill(-1);
  const live: number[] = [];
  const slot: number[] = [];
  const add = (nodes: number[]) => {
    const r = list.length;
    list.push(nodes);
    let total = 0;
    for (const v of nodes) {
      regionOf[v] = r;
      total += pop[v] as number;
    }
    pops.push(total);
    slot.push(live.length);
    live.push(r);
  };
  const remove = (r: number) => {
    const at = slot[r] as number;
    const last = live[live.length - 1] as number;
    live[at] = last;
    slot[last] = at;
    live.pop();
    list[r] = null;
  };
  for (const nodes of regions) add(nodes);

  for (let it = 0; it < iterations && (costOf !== undefined || live.length < bound); it++) {
    if (!budget.proceed(progress(it / iterations))) break;
    const a = live[randomIndex(random, live.length)] as number;
    const b = live[randomIndex(random, live.length)] as number;
    const r = costOf || slack(a) >= slack(b) ? a : b;
    // The zone: r and regions around it, added one at a time. Targeted (count phase, half the time): the
    // neighbours with most residents to spare, until the zone could hold one more region.
    const zoneRegions = [r];
    const inZone = new Set(zoneRegions);
    const candidates = new Set<number>();
    const extend = (q: number) => {
      for (const v of list[q] as number[]) {
        for (const w of adj[v] as number[]) {
          const o = regionOf[w] as number;
          if (o >= 0 && !inZone.has(o)) candidates.add(o);
        }
      }
    };
    extend(r);
    const targeted = !costOf && random() < 0.5;
    const size = targeted ? 4 : 1 + randomIndex(random, costOf ? 4 : 3);
    let spare = slack(r);
    while (zoneRegions.length < size && candidates.size > 0 && !(targeted && spare >= floor)) {
      const options = [...candidates].sort((x, y) => x - y);
      const q = targeted
        ? options.reduce((m, o) => (slack(o) > slack(m) ? o : m))
        : (options[randomIndex(random, options.length)] as number);
      candidates.delete(q);
      inZone.add(q);
      zoneRegions.push(q);
      spare += Math.max(0, slack(q));
      extend(q);
    }
    const zone = zoneRegions.flatMap((q) => list[q] as number[]);
    let best: number[][] | null = null;
    let bestCost = Infinity;
    for (let t = 0; t < 2; t++) {
      const grown = grower.grow(zone, random, t === 0 ? Pick.BestFit : Pick.MostLinked, random() < 0.5);
      const placed = grown.reduce((s, nodes) => s + nodes.length, 0);
      if (placed !== zone.length || (best !== null && grown.length < best.length)) continue;
      const c = costOf ? sumCost(grown, costOf) : 0;
      if (best === null || grown.length > best.length || c < bestCost) {
        best = grown;
        bestCost = c;
      }
    }
    if (best === null || best.length < zoneRegions.length) continue;
    if (costOf && best.length === zoneRegions.length && bestCost > sumCost(zoneRegions.map((q) => list[q] as number[]), costOf)) continue;
    for (const q of zoneRegions) remove(q);
    for (const nodes of best) add(nodes);
  }
  return live.map((r) => list[r] as number[]);

  function sumCost(regions: readonly number[][], cost: (nodes: readonly number[]) => number): number {
    return regions.reduce((s, nodes) => s + cost(nodes), 0);
  }

  /** Residents above the floor, or −1 for a single node (which nothing can split). */
  function slack(r: number): number {
    return (list[r] as number[]).length > 1 ? (pops[r] as number) - floor : -1;
  }
}
